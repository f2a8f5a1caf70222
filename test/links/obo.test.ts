import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { parse } from "graphql";
import { generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayAudience, loadGatewaySigningKey, ON_BEHALF_OF_HEADERS, ON_BEHALF_OF_TYP, onBehalfOfProof, type GatewaySigningKey } from "../../platform/auth/index.js";
import { createOnBehalfOf, MAX_HOPS, onBehalfOfPlugin } from "../../gateway/on-behalf-of.js";
import type { GatewayContext } from "../../gateway/context.js";
import { caseInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { GRAPH, type Graph } from "./demo-hub.js";

/*
 * The on-behalf-of mechanism behind linkGraph: each hop is one request to the gateway as the
 * caller, audited with links as the actor; the token that carries it is refused from anyone else,
 * stale, of another kind or for another audience, and nowhere but at the gateway.
 */

let th: TestHub;
let key: GatewaySigningKey;
const PHONE = "+447700900970";
const SUB = "customs-obo-analyst";

beforeAll(async () => {
  th = await startTestHub();
  key = await loadGatewaySigningKey(th.config);
  const write = async (agency: string, mutation: string, type: string, input: Record<string, unknown>) => {
    const r = await th.query(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, { token: await th.token(agency, { roles: ["officer"] }) });
    expect(r.errors, mutation).toBeUndefined();
  };
  await write("CUSTOMS", "recordSeizure", "RecordSeizureInput", seizureInput({ reference: "OBO-SZ-1", phone: PHONE, handling: "GREEN" }));
  await write("POLICE", "openCase", "OpenCaseInput", { ...caseInput({ reference: "OBO-CASE-1", phone: PHONE, handling: "GREEN" }), vehicles: [] });
}, 240_000);
afterAll(async () => {
  await th?.close();
});

const db = (name: string) => th.hub.subgraphs[name]?.dataSource as DataSource;

/** Posts to a URL with raw headers; returns status, body and our request id. */
async function post(url: string, body: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { status: response.status, requestId: response.headers.get("x-request-id"), ...json };
}

/** An on-behalf-of token as the gateway would mint it, with parts an attacker might change. */
async function obo(options: { typ?: string; audience?: string; exp?: number; signWith?: CryptoKey; claims?: JWTPayload } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ src: th.config.devIssuer, agency: "CUSTOMS", roles: ["analyst"], clearance: 2, operations: [], rid: randomUUID(), act: { sub: "links" }, pur: "investigation", ...options.claims })
    .setProtectedHeader({ alg: "ES256", typ: options.typ ?? ON_BEHALF_OF_TYP, kid: key.kid })
    .setIssuer(th.config.gatewayIssuer)
    .setAudience(options.audience ?? gatewayAudience(th.config.audience, "gateway"))
    .setSubject(SUB)
    .setJti(randomUUID())
    .setIssuedAt(options.exp ? options.exp - 30 : now)
    .setExpirationTime(options.exp ?? now + 30)
    .sign(options.signWith ?? key.privateKey);
}

const PHONE_QUERY = { query: `{ phone(e164: "${PHONE}") { seizures { reference } cases { reference } } }` };

describe("each hop is one gateway request as the caller, with links as the actor", () => {
  it("audits every hop under the caller's subject, purpose and justification, naming links and the caller's request", async () => {
    const token = await th.token("CUSTOMS", { sub: SUB });
    const r = await post(th.hub.gateway.url, { query: GRAPH, variables: { seeds: [{ kind: "PHONE", value: PHONE }], depth: 3 } }, { authorization: `Bearer ${token}`, "x-purpose": "investigation", "x-justification": "case 42" });
    expect(r.errors).toBeUndefined();
    const graph = (r.data as { linkGraph: Graph }).linkGraph;
    expect(graph.nodes.filter((n) => n.recordId).map((n) => n.label).sort()).toEqual(["OBO-CASE-1: Mail-order NPS supply", "OBO-SZ-1"]);
    // Hop 1: the phone; hop 2: the parcel the seizure names; nothing left after it.
    const hops = (await th.hub.gateway.hubDataSource.query(
      `SELECT request_id, subject, issuer, agency, purpose, justification, actor, root_fields, outcome FROM request_audit WHERE client_request_id = $1 ORDER BY seq`,
      [r.requestId],
    )) as Array<Record<string, unknown>>;
    // One request per hop, however many identifiers each hop asked about.
    expect(hops).toHaveLength(graph.depth);
    expect(graph.depth).toBe(2);
    for (const hop of hops) {
      expect(hop).toMatchObject({ subject: SUB, issuer: th.config.devIssuer, agency: "CUSTOMS", purpose: "investigation", justification: "case 42", actor: "links" });
    }
    const [own] = (await th.hub.gateway.hubDataSource.query(`SELECT subject, actor, root_fields FROM request_audit WHERE request_id = $1`, [r.requestId])) as Array<Record<string, unknown>>;
    expect(own).toEqual({ subject: SUB, actor: null, root_fields: ["linkGraph"] });
    // The agencies' delivery audits: what each hop was served, to the caller, through links.
    const ids = hops.map((hop) => hop.request_id as string);
    for (const agency of ["customs", "police"]) {
      const rows = (await db(agency).query(`SELECT subject, actor, justification, entity_type FROM access_audit WHERE request_id = ANY($1)`, [ids])) as Array<Record<string, unknown>>;
      expect(rows.length, agency).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => `${row.subject} ${row.actor} ${row.justification}`))).toEqual(new Set([`${SUB} links case 42`]));
    }
  });

  it("leaves actor null for a caller's own request", async () => {
    const r = await post(th.hub.gateway.url, PHONE_QUERY, { authorization: `Bearer ${await th.token("CUSTOMS", { sub: SUB })}`, "x-purpose": "investigation" });
    expect(r.errors).toBeUndefined();
    const rows = (await db("customs").query(`SELECT actor FROM access_audit WHERE request_id = $1`, [r.requestId])) as Array<{ actor: string | null }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.actor === null)).toBe(true);
  });
});

describe("the on-behalf-of token is refused from anyone but the links service, at the gateway only", () => {
  const refusal = async (headers: Record<string, string>, url = th.hub.gateway.url, body = PHONE_QUERY) => {
    const r = await post(url, body, headers);
    return { status: r.status, data: r.data ?? null, errors: r.errors?.map((e) => [e.extensions?.code, e.message]) };
  };

  it("refuses a valid token sent to the gateway by an outside caller (no proof of the key the gateway gave links)", async () => {
    expect(await refusal({ authorization: `Bearer ${await obo()}` })).toEqual({
      status: 401,
      data: null,
      errors: [["UNAUTHENTICATED", "Unauthenticated: on-behalf-of request without a valid proof"]],
    });
    const guessed = { [ON_BEHALF_OF_HEADERS.hop]: "1", [ON_BEHALF_OF_HEADERS.proof]: "A".repeat(43) };
    expect(await refusal({ authorization: `Bearer ${await obo()}`, ...guessed })).toMatchObject({ status: 401, errors: [["UNAUTHENTICATED", "Unauthenticated: on-behalf-of request without a valid proof"]] });
  });

  it("refuses an expired token", async () => {
    expect(await refusal({ authorization: `Bearer ${await obo({ exp: Math.floor(Date.now() / 1000) - 120 })}` })).toEqual({
      status: 401,
      data: null,
      errors: [["UNAUTHENTICATED", "Unauthenticated: on-behalf-of token has expired"]],
    });
  });

  it("refuses another audience, another typ, another actor and another key", async () => {
    expect(await refusal({ authorization: `Bearer ${await obo({ audience: gatewayAudience(th.config.audience, "links") })}` })).toMatchObject({
      status: 401,
      errors: [["UNAUTHENTICATED", 'Unauthenticated: on-behalf-of token claim "aud" is invalid']],
    });
    // A gateway token's typ is not a caller's and not an on-behalf-of token: refused as any unknown token.
    expect(await refusal({ authorization: `Bearer ${await obo({ typ: "liaison-gateway+jwt" })}` })).toMatchObject({ status: 401, errors: [["UNAUTHENTICATED", "Unauthenticated: token is not valid"]] });
    expect(await refusal({ authorization: `Bearer ${await obo({ claims: { act: { sub: "customs" } } })}` })).toMatchObject({
      status: 401,
      errors: [["UNAUTHENTICATED", 'Unauthenticated: on-behalf-of token claim "act" is invalid']],
    });
    const stranger = await generateKeyPair("ES256");
    expect(await refusal({ authorization: `Bearer ${await obo({ signWith: stranger.privateKey })}` })).toMatchObject({ status: 401, errors: [["UNAUTHENTICATED", "Unauthenticated: on-behalf-of token is not valid"]] });
  });

  it("refuses the token at an agency subgraph", async () => {
    const r = await refusal({ authorization: `Bearer ${await obo()}`, "x-purpose": "investigation" }, th.hub.subgraphs.customs?.url, { query: "{ seizures(first: 1) { totalCount } }" });
    expect(r.data).toBeNull();
    expect(r.errors).toEqual([["UNAUTHENTICATED", "Unauthenticated: token is not valid"]]);
  });

  it("the links service expands only for a call that came through the gateway with its token", async () => {
    const query = { query: GRAPH, variables: { seeds: [{ kind: "PHONE", value: PHONE }], depth: 1 } };
    const own = { authorization: `Bearer ${await th.token("CUSTOMS", { sub: SUB })}`, "x-purpose": "investigation" };
    for (const headers of [own, { ...own, [ON_BEHALF_OF_HEADERS.token]: await obo(), [ON_BEHALF_OF_HEADERS.key]: "A".repeat(43) }]) {
      const r = await post(th.hub.subgraphs.links?.url as string, query, headers);
      expect(r.data?.linkGraph ?? null).toBeNull();
      expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([["FORBIDDEN", "links.through-gateway"]]);
    }
  });
});

describe("the gateway's side, without the network", () => {
  const context = () =>
    ({
      caller: { subject: null, authError: null, viaGateway: false, purpose: "investigation", justification: "case 7", requestId: randomUUID(), clientRequestId: null, policyVersion: null },
      subject: { sub: SUB, issuer: th.config.devIssuer, agency: "CUSTOMS", roles: ["analyst"], clearance: 2, operations: [] },
      policyVersion: "v1",
    }) as unknown as GatewayContext;
  const request = (token: string, hop: number, proof: string) =>
    ({ headers: { authorization: `Bearer ${token}`, [ON_BEHALF_OF_HEADERS.hop]: String(hop), [ON_BEHALF_OF_HEADERS.proof]: proof } }) as unknown as IncomingMessage;
  const BODY = { query: "{ __typename }", variables: {}, operationName: null };

  it("accepts each hop once, with the proof of its number and body, up to the hop limit", async () => {
    const obo = await createOnBehalfOf(th.config, key);
    const ctx = context();
    const { token, proofKey } = await obo.mint(ctx);
    const first = await obo.readCaller(request(token, 1, onBehalfOfProof(proofKey, 1, BODY)), BODY);
    expect(first).toMatchObject({ subject: { sub: SUB, agency: "CUSTOMS" }, purpose: "investigation", justification: "case 7", actor: "links", clientRequestId: ctx.caller.requestId });
    expect((await obo.readCaller(request(token, 1, onBehalfOfProof(proofKey, 1, BODY)), BODY))?.authError).toBe("on-behalf-of request has already been made");
    // The proof binds the body: the same proof with another query is refused.
    expect((await obo.readCaller(request(token, 2, onBehalfOfProof(proofKey, 2, BODY)), { ...BODY, query: "{ seizures { totalCount } }" }))?.authError).toBe("on-behalf-of request without a valid proof");
    expect((await obo.readCaller(request(token, MAX_HOPS + 1, onBehalfOfProof(proofKey, MAX_HOPS + 1, BODY)), BODY))?.authError).toBe("on-behalf-of request without a valid proof");
    // Another gateway process (another proof secret) does not accept it.
    const other = await createOnBehalfOf(th.config, key);
    expect((await other.readCaller(request(token, 3, onBehalfOfProof(proofKey, 3, BODY)), BODY))?.authError).toBe("on-behalf-of request without a valid proof");
  });

  it("lets a hop only read, and never expand a graph itself", async () => {
    const hooks = await onBehalfOfPlugin().requestDidStart?.({} as never);
    const resolve = (actor: string | null, source: string) =>
      hooks?.didResolveOperation?.({
        contextValue: { caller: { actor } },
        operation: parse(source).definitions[0],
        document: parse(source),
        request: {},
      } as never);
    await expect(resolve("links", "mutation { openCase(input: {}) { id } }")).rejects.toMatchObject({ extensions: { code: "FORBIDDEN", rule: "on-behalf-of.read-only" } });
    await expect(resolve("links", "{ linkGraph(seeds: []) { depth } }")).rejects.toMatchObject({ extensions: { code: "FORBIDDEN", rule: "on-behalf-of.read-only" } });
    await expect(resolve("links", "{ phone(e164: \"+447700900970\") { e164 } }")).resolves.toBeUndefined();
    await expect(resolve(null, "{ linkGraph(seeds: []) { depth } }")).resolves.toBeUndefined();
  });
});

describe("an agency that does not answer a hop", () => {
  it("leaves its records out and marks the graph truncated (last: it stops the police service)", async () => {
    await th.hub.subgraphs.police?.close();
    const r = await th.query<{ linkGraph: Graph }>(GRAPH, { seeds: [{ kind: "PHONE", value: PHONE }], depth: 4 }, { token: await th.token("CUSTOMS", { sub: SUB }) });
    expect(r.errors).toBeUndefined();
    expect(r.data?.linkGraph.nodes.filter((n) => n.recordId).map((n) => n.label)).toEqual(["OBO-SZ-1"]);
    expect(r.data?.linkGraph).toMatchObject({ truncated: true, depth: 2 });
  });
});
