import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateDevKeys } from "../../platform/auth/index.js";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";

/*
 * Issue 10 item 4: tokens and purposes an outsider might try at the gateway. Each is refused before
 * any agency is asked (no subgraph runs SQL), and each refusal is written to the request audit.
 */

let th: TestHub;
let dev: Awaited<ReturnType<typeof loadOrCreateDevKeys>>;
const QUERY = `{ cases { totalCount } seizures { totalCount } }`;

beforeAll(async () => {
  th = await startTestHub();
  dev = await loadOrCreateDevKeys(th.config.dataDir);
});
afterAll(async () => {
  await th?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const CLAIMS = { agency: "POLICE", roles: ["analyst"], clearance: 2, operations: [] };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token in every way like the dev issuer's, except what the overrides change. */
function sign(key: CryptoKey | Uint8Array, o: { iss?: string; iat?: number; exp?: number; alg?: string; kid?: string } = {}) {
  const iat = o.iat ?? now();
  return new SignJWT(CLAIMS)
    .setProtectedHeader({ alg: o.alg ?? "ES256", kid: o.kid ?? dev.kid })
    .setSubject("intruder-1")
    .setIssuer(o.iss ?? th.config.devIssuer)
    .setAudience(th.config.audience)
    .setIssuedAt(iat)
    .setExpirationTime(o.exp ?? iat + 600)
    .sign(key);
}

/** Sends the query with the token; returns the answer, the SQL statements the agencies ran, and the request-audit rows it added. */
async function attempt(token: string | null, purpose: string | null = "investigation") {
  const sql = () => ["customs", "police"].map((name) => th.hub.subgraphs[name]?.sqlQueries() ?? 0).reduce((a, b) => a + b, 0);
  const [before] = (await th.hub.gateway.hubDataSource.query(`SELECT count(*)::int AS n FROM request_audit`)) as Array<{ n: number }>;
  const sqlBefore = sql();
  const answer = await th.query(QUERY, {}, { token, purpose });
  const sqlRun = sql() - sqlBefore;
  const audit = (await th.hub.gateway.hubDataSource.query(`SELECT subject, purpose, outcome, error_codes, root_fields FROM request_audit WHERE seq > $1 ORDER BY seq`, [before?.n ?? 0])) as unknown[];
  return { answer, sqlRun, audit };
}

const unauthenticated = (message: string): GraphQLResponse => ({ status: 401, errors: [{ message: `Unauthenticated: ${message}`, extensions: { code: "UNAUTHENTICATED" } }] });
const refusedRow = (code: string, subject = "-", purpose = "investigation") => ({ subject, purpose, outcome: "refused", error_codes: [code], root_fields: ["cases", "seizures"] });

describe("tokens that must not pass the gateway", () => {
  it("refuses a forged token (the dev issuer's shape, kid and claims, signed by another key) as not valid", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const r = await attempt(await sign(privateKey));
    expect(r).toEqual({ answer: unauthenticated("token is not valid"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
  });

  it("refuses an expired token (an hour past exp, beyond the 30 s clock tolerance), saying it expired", async () => {
    const r = await attempt(await sign(dev.privateKey, { iat: now() - 7200, exp: now() - 3600 }));
    expect(r).toEqual({ answer: unauthenticated("token has expired"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
  });

  it("refuses a token signed by the dev key for another issuer exactly like a forged one", async () => {
    const r = await attempt(await sign(dev.privateKey, { iss: "https://idp.evil.example" }));
    expect(r).toEqual({ answer: unauthenticated("token is not valid"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
  });

  it("refuses alg none, without a signature and with one appended", async () => {
    const unsigned = `${b64({ alg: "none", kid: dev.kid })}.${b64({ ...CLAIMS, sub: "intruder-1", iss: th.config.devIssuer, aud: th.config.audience, iat: now(), exp: now() + 600 })}`;
    // No signature at all is not a JWS: malformed. One appended does not verify: not valid.
    expect(await attempt(`${unsigned}.`)).toEqual({ answer: unauthenticated("token is malformed"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
    expect(await attempt(`${unsigned}.AAAA`)).toEqual({ answer: unauthenticated("token is not valid"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
  });

  it("refuses HS256 keyed with the dev issuer's public key (algorithm confusion) as not valid", async () => {
    const jwk = JSON.stringify(await exportJWK(dev.publicKey));
    const r = await attempt(await sign(new TextEncoder().encode(jwk), { alg: "HS256" }));
    expect(r).toEqual({ answer: unauthenticated("token is not valid"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
  });

  it("refuses a request without a token", async () => {
    expect(await attempt(null)).toEqual({ answer: unauthenticated("missing bearer token"), sqlRun: 0, audit: [refusedRow("UNAUTHENTICATED")] });
  });
});

describe("purposes", () => {
  const ALLOWED = ["investigation", "risk-analysis", "intelligence", "audit"];
  const purposeRefusal = (message: string): GraphQLResponse => ({ status: 400, errors: [{ message, extensions: { code: "BAD_USER_INPUT", field: "x-purpose", allowed: ALLOWED } }] });

  it("refuses a valid token without X-Purpose with BAD_USER_INPUT naming the header and the allowed purposes", async () => {
    const r = await attempt(await th.token("POLICE", { sub: "no-purpose-1" }), null);
    expect(r).toEqual({ answer: purposeRefusal("X-Purpose header is required; one of: investigation, risk-analysis, intelligence, audit"), sqlRun: 0, audit: [refusedRow("BAD_USER_INPUT", "no-purpose-1", "-")] });
  });

  it("refuses an unknown purpose the same way, before any agency is asked", async () => {
    const r = await attempt(await th.token("POLICE", { sub: "no-purpose-2" }), "curiosity");
    expect(r).toEqual({ answer: purposeRefusal('X-Purpose "curiosity" is not one of: investigation, risk-analysis, intelligence, audit'), sqlRun: 0, audit: [refusedRow("BAD_USER_INPUT", "no-purpose-2", "curiosity")] });
  });

  it("answers the same token with a valid purpose (the refusals above were the token's and purpose's alone)", async () => {
    const r = await attempt(await th.token("POLICE", { sub: "with-purpose" }));
    expect(r.answer).toEqual({ status: 200, data: { cases: { totalCount: 0 }, seizures: { totalCount: 0 } } });
    expect(r.audit).toEqual([{ subject: "with-purpose", purpose: "investigation", outcome: "ok", error_codes: [], root_fields: ["cases", "seizures"] }]);
  });
});
