import { ON_BEHALF_OF_HEADERS, onBehalfOfProof } from "../../../platform/auth/index.js";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import { logLine } from "../../../platform/log.js";
import { clientError, ErrorCode, forbidden } from "../../../schema/errors.js";
import { hopOperation, readHop, type HopResult } from "./hop.js";
import type { Ident } from "./seeds.js";

/*
 * The links service's way back into the graph: each hop is one request to the gateway with the
 * on-behalf-of token the gateway sent with this very call, a hop number and a proof under the key
 * that came with it. The gateway evaluates and audits the hop as the caller (links as the actor).
 * No caller's token is ever held here.
 */

/** Runs the hops of one request's expansions (linkGraph and linkPath in one request share its token and hop numbers). */
export type RunHop = (frontier: readonly Ident[]) => Promise<HopResult[]>;

const counters = new WeakMap<object, { hops: number }>();

type Json = Record<string, unknown>;

function claimsOf(token: string): Json {
  try {
    return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Json;
  } catch {
    return {};
  }
}

/** The hop runner for this request; FORBIDDEN unless the gateway's own verified call brought an on-behalf-of token for this caller. */
export function hopsFor(ctx: SubgraphContext): RunHop {
  const { caller } = ctx;
  const grant = caller.onBehalfOf;
  if (!caller.viaGateway || !grant || !caller.subject) throw forbidden("Link analysis is answered through the gateway only", "links.through-gateway");
  // The gateway verifies the token when it comes back; this only makes sure it is the one minted for this call and caller.
  const claims = claimsOf(grant.token);
  if (claims.rid !== caller.requestId || claims.sub !== caller.subject.sub || claims.src !== caller.subject.issuer) {
    throw forbidden("Link analysis is answered through the gateway only", "links.through-gateway");
  }
  const url = ctx.config.gatewayUrl;
  const deadline = typeof claims.exp === "number" ? claims.exp * 1000 : Date.now() + 30_000;
  let counter = counters.get(caller);
  if (!counter) {
    counter = { hops: 0 };
    counters.set(caller, counter);
  }
  const state = counter;
  return async (frontier) => {
    state.hops += 1;
    const hop = state.hops;
    const operation = hopOperation(frontier);
    const body = { query: operation.query, variables: operation.variables, operationName: "LinkHop" };
    let answer: { data?: Json | null; errors?: Array<{ extensions?: { code?: unknown } }> };
    let status = 0;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${grant.token}`,
          [ON_BEHALF_OF_HEADERS.hop]: String(hop),
          [ON_BEHALF_OF_HEADERS.proof]: onBehalfOfProof(grant.proofKey, hop, body),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(Math.max(1000, deadline - Date.now())),
      });
      status = response.status;
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      logLine("links", `hop ${hop} failed:`, error instanceof Error ? error.message : String(error));
      throw clientError(ErrorCode.INTERNAL_SERVER_ERROR, "The link expansion could not reach the gateway", { service: "links" });
    }
    if (!answer.data) {
      const codes = (answer.errors ?? []).map((e) => String(e.extensions?.code ?? "?")).join(",");
      logLine("links", `hop ${hop} refused: HTTP ${status} ${codes}`);
      throw clientError(ErrorCode.INTERNAL_SERVER_ERROR, "The gateway refused a step of the link expansion", { service: "links" });
    }
    // Withheld fields (FORBIDDEN) are expected. Any other error (an agency that did not answer)
    // leaves records out: the results say so, and the graph is then marked truncated.
    const other = (answer.errors ?? []).filter((e) => e.extensions?.code !== ErrorCode.FORBIDDEN);
    const results = readHop(frontier, answer.data);
    if (other.length === 0) return results;
    logLine("links", `hop ${hop}: partial answer (${[...new Set(other.map((e) => String(e.extensions?.code)))].join(", ")})`);
    return results.map((result) => ({ ...result, capped: true }));
  };
}
