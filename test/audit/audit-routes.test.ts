import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewaySigningKey, mintGatewayToken, type GatewayScope, type GatewaySigningKey, type Subject } from "../../platform/auth/index.js";
import { Agency } from "../../schema/enums.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * An agency's audit routes (/audit/query, /audit/disclosures, /audit/verify) answer only a gateway
 * token minted for that call, of the right scope, bound to the body sent; and they decide again,
 * from the token's signed claims, whether its subject may read this agency's audit.
 */

let th: TestHub;
let key: GatewaySigningKey;
beforeAll(async () => {
  th = await startTestHub();
  key = await loadGatewaySigningKey(th.config);
  // One delivery-audit row in customs (the phone's seizures list, empty).
  await th.query(`{ phone(e164: "+447700900172") { seizures { id } } }`, {}, { token: await th.token("POLICE", { sub: "pol-9" }) });
});
afterAll(async () => {
  await th?.close();
});

const subject = (agency: Agency, roles: string[], sub = "someone"): Subject => ({ sub, agency, roles, clearance: 0, operations: [], issuer: th.config.devIssuer });
const HUB_AUDITOR = () => subject(Agency.HUB, ["auditor"]);
const route = (service: string, path: string) => (th.hub.subgraphs[service]?.url as string).replace("/graphql", path);

let calls = 0;
/** A gateway token as the gateway mints it; `body` is what it is bound to. */
const mint = (scope: GatewayScope, body: unknown, who: Subject | undefined = HUB_AUDITOR(), subgraph = "customs") =>
  mintGatewayToken(key, th.config.gatewayIssuer, th.config.audience, { subgraph, scope, body, subject: who, purpose: "audit", requestId: `rq-routes-${(calls += 1)}` });

async function post(path: string, body: unknown, token: string | null, service = "customs", method = "POST") {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(route(service, path), { method, headers, body: method === "POST" ? JSON.stringify(body) : undefined });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const refusal = (status: number, message: string, code: string, extra: Record<string, unknown> = {}) => ({ status, body: { errors: [{ message, extensions: { code, ...extra } }] } });

describe("agency audit routes: who may call", () => {
  const query = { subject: "pol-9" };

  it("answers a gateway token of scope audit-read bound to the body", async () => {
    const r = await post("/audit/query", query, await mint("audit-read", query));
    expect(r.status).toBe(200);
    expect((r.body.rows as Array<{ subject: string; recordType: string }>).map((row) => `${row.subject} ${row.recordType}`)).toEqual(["pol-9 Phone"]);
    expect(r.body.truncated).toBe(false);
  });

  it("refuses a call without a token, and a caller's own token, with 401", async () => {
    const gatewayOnly = refusal(401, "this service only answers requests that come through the gateway", "UNAUTHENTICATED");
    expect(await post("/audit/query", query, null)).toEqual(gatewayOnly);
    expect(await post("/audit/query", query, await th.token("HUB", { roles: ["auditor"] }))).toEqual(gatewayOnly);
    expect(await post("/audit/verify", {}, null)).toEqual(gatewayOnly);
  });

  it("refuses a gateway token of another scope (graphql, audit-verify, audit-head) with 401", async () => {
    const other = refusal(401, "gateway token was minted for another kind of call", "UNAUTHENTICATED");
    expect(await post("/audit/query", query, await mint("graphql", query))).toEqual(other);
    expect(await post("/audit/query", query, await mint("audit-verify", query))).toEqual(other);
    expect(await post("/audit/verify", {}, await mint("audit-read", {}))).toEqual(other);
    expect(await post("/audit/disclosures", query, await mint("audit-head", query))).toEqual(other);
  });

  it("refuses a token bound to another body, minted for another service, or used twice, with 401", async () => {
    expect(await post("/audit/query", { subject: "pol-1" }, await mint("audit-read", query))).toEqual(refusal(401, "gateway token does not match the request body", "UNAUTHENTICATED"));
    expect(await post("/audit/query", query, await mint("audit-read", query, HUB_AUDITOR(), "police"))).toEqual(refusal(401, 'gateway token claim "aud" is invalid', "UNAUTHENTICATED"));
    const once = await mint("audit-read", query);
    expect((await post("/audit/query", query, once)).status).toBe(200);
    expect(await post("/audit/query", query, once)).toEqual(refusal(401, "gateway token has already been used", "UNAUTHENTICATED"));
  });

  it("decides again from the signed claims: another agency's auditor and an analyst get 403 with the rule", async () => {
    const police = subject(Agency.POLICE, ["auditor"]);
    expect(await post("/audit/query", query, await mint("audit-read", query, police))).toEqual(
      refusal(403, "Forbidden: POLICE administrators and auditors read only the POLICE audit", "FORBIDDEN", { rule: "audit-own-agency" }),
    );
    const analyst = subject(Agency.CUSTOMS, ["analyst"]);
    expect(await post("/audit/query", query, await mint("audit-read", query, analyst))).toEqual(
      refusal(403, "Forbidden: the access audit is for administrators and auditors", "FORBIDDEN", { rule: "audit-readers" }),
    );
    expect((await post("/audit/query", query, await mint("audit-read", query, subject(Agency.CUSTOMS, ["auditor"])))).status).toBe(200);
  });
});

describe("agency audit routes: bodies", () => {
  const bad = async (path: string, body: unknown, scope: GatewayScope = "audit-read") => post(path, body, await mint(scope, body));

  it("refuses unknown keys, wrong types and oversized values with 400 and a one-line reason", async () => {
    expect(await bad("/audit/query", { subjects: "x" })).toEqual(
      refusal(400, 'unknown key "subjects"; allowed: subject, issuer, callerAgency, recordType, recordId, reference, purpose, grantRule, from, to, limit', "BAD_USER_INPUT"),
    );
    expect(await bad("/audit/query", { limit: 501 })).toEqual(refusal(400, "limit must be an integer from 1 to 500", "BAD_USER_INPUT"));
    expect(await bad("/audit/query", { from: "yesterday" })).toEqual(refusal(400, "from must be an ISO 8601 date-time with a time zone", "BAD_USER_INPUT"));
    expect(await bad("/audit/query", { recordType: "Seizure; DROP TABLE x" })).toEqual(refusal(400, "recordType must be a type name", "BAD_USER_INPUT"));
    expect(await bad("/audit/query", [1])).toEqual(refusal(400, "body must be a JSON object", "BAD_USER_INPUT"));
    expect(await bad("/audit/disclosures", { recipient: "POLICE" })).toEqual(refusal(400, "from is required", "BAD_USER_INPUT"));
    expect(await bad("/audit/verify", { anchoredSeqs: [1, -2] }, "audit-verify")).toEqual(refusal(400, "anchoredSeqs must be a list of at most 20000 positive integers", "BAD_USER_INPUT"));
  });

  it("answers only POST (405), and refuses a body above its bound (413)", async () => {
    expect(await post("/audit/query", undefined, null, "customs", "GET")).toEqual(refusal(405, "POST a JSON body", "BAD_USER_INPUT"));
    const huge = { subject: "x".repeat(20_000) };
    expect(await bad("/audit/query", huge)).toEqual(refusal(413, "request body too large: at most 16384 bytes", "BAD_USER_INPUT"));
  });

  it("verifies its own chain and sends the hashes at the anchored seqs asked", async () => {
    const r = await post("/audit/verify", { anchoredSeqs: [1, 99] }, await mint("audit-verify", { anchoredSeqs: [1, 99] }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ chain: "customs.access_audit", ok: true, rows: 1, breaks: [] });
    expect(Object.keys(r.body.hashes as object)).toEqual(["1"]);
    expect(r.body.head).toMatch(/^[0-9a-f]{64}$/);
  });
});
