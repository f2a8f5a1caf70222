import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../schema/errors.js";
import { canonicalJson } from "../platform/canonical-json.js";
import type { GatewayContext } from "./context.js";
import type { GatewayCall } from "../platform/auth/index.js";
import { InFlightCalls } from "./in-flight.js";
import { postSubgraph, type SubgraphReply } from "./subgraph-http.js";

/** Signs one subgraph call (gateway/trust.ts). */
export type MintCallToken = (call: GatewayCall) => Promise<string>;

/** A subgraph operation that only reads: the planner writes `query …` (or `{ … }`) for those, `mutation …` otherwise. */
const READS = /^\s*(query\b|\{)/;

/**
 * Calls one subgraph with a token minted for that call alone (the caller's own token never leaves
 * the gateway), a deadline on every call (@apollo/gateway sets none), and a clear error naming the
 * service when it cannot be reached, so the other agencies' answers still arrive.
 *
 * The call is made here rather than by RemoteGraphQLDataSource: the body is serialised once, as
 * canonical JSON, and those bytes are both hashed into the token and sent (the subgraph's hash of
 * what it parses is the same); the HTTP client is a keep-alive undici pool (subgraph-http.ts);
 * identical read calls in flight within one request share one call (in-flight.ts).
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly inFlight = new InFlightCalls<SubgraphReply>();

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly mint: MintCallToken,
    /** Whether identical read calls within one request may share one call. */
    private readonly mergeIdentical = true,
  ) {
    super({ url } as ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]);
  }

  /** Calls merged into one already in flight, since this source was built. */
  get mergedCalls(): number {
    return this.inFlight.merged;
  }

  /** Headers a subclass adds to a call (the links service's on-behalf-of token). */
  protected async extraHeaders(_options: GraphQLDataSourceProcessOptions<GatewayContext>, _headers: Record<string, string>): Promise<void> {}

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    let reply: SubgraphReply;
    try {
      const { request, context } = options;
      if (!request.query) throw new Error("Missing query");
      // Exactly the body that is sent: the token is bound to these bytes.
      const { http: _http, ...body } = request;
      void _http;
      const text = canonicalJson(body);
      const call = () => this.send(options, body, text);
      reply = this.mergeIdentical && context && READS.test(request.query) ? await this.inFlight.run(context, text, call) : await call();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || /timeout|aborted/i.test(error.message));
      throw this.failure(timedOut ? "did not answer in time" : "is unavailable");
    }
    // Each consumer parses its own copy: @apollo/gateway merges answers into the objects it gets.
    if (reply.status < 200 || reply.status > 299 || !/^application\/(graphql-response\+)?json/.test(reply.contentType)) throw this.failure("is unavailable");
    let parsed: unknown;
    try {
      parsed = JSON.parse(reply.text);
    } catch {
      throw this.failure("is unavailable");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw this.failure("is unavailable");
    return parsed as GatewayGraphQLResponse;
  }

  private async send(options: GraphQLDataSourceProcessOptions<GatewayContext>, body: object, text: string): Promise<SubgraphReply> {
    const { context } = options;
    const caller = context?.caller;
    const token = await this.mint({
      subgraph: this.serviceName,
      scope: "graphql",
      body,
      bodyText: text,
      subject: context?.subject ?? undefined,
      purpose: caller?.purpose ?? null,
      justification: caller?.justification ?? null,
      requestId: caller?.requestId ?? "no-request",
      policyVersion: context?.policyVersion,
      // A hop of the links service's expansion: signed, so each agency's audit names the actor.
      actor: caller?.actor ?? undefined,
    });
    const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${token}` };
    if (caller) headers["x-request-id"] = caller.requestId;
    await this.extraHeaders(options, headers);
    return postSubgraph(this.url as string, headers, text, this.timeoutMs);
  }

  private failure(what: string): GraphQLError {
    return new GraphQLError(`Service "${this.serviceName}" ${what}`, {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, service: this.serviceName },
    });
  }
}
