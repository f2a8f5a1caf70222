import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyHash, gatewayAudience, loadGatewaySigningKey, mintGatewayToken, type GatewayCall, type GatewaySigningKey, type Subject } from "../../platform/auth/index.js";
import { Agency } from "../../schema/enums.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * The token exchange in production mode: the gateway verifies the caller's token and mints, per
 * subgraph call, a token of its own; a subgraph accepts nothing else. Each test sends a subgraph a
 * call an attacker could make (a user's token, a captured gateway token replayed, expired, sent to
 * another subgraph or with another body) and checks the exact refusal.
 */

let th: TestHub;
let dir: string;
let gatewayKey: GatewaySigningKey;
let customsIdp: CryptoKey;
const ISSUER = "https://idp.customs.example";

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-prod-"));
  const gateway = await generateKeyPair("ES256", { extractable: true });
  const idp = await generateKeyPair("ES256", { extractable: true });
  customsIdp = idp.privateKey;
  await writeFile(path.join(dir, "gateway.key.pem"), await exportPKCS8(gateway.privateKey), { mode: 0o600 });
  await writeFile(path.join(dir, "gateway.pub.pem"), await exportSPKI(gateway.publicKey));
  await writeFile(path.join(dir, "customs-idp.pub.pem"), await exportSPKI(idp.publicKey));
  await mkdir(path.join(dir, "keys"), { recursive: true });
  await writeFile(path.join(dir, "keys", "cursor.key"), randomBytes(32).toString("base64url"), { mode: 0o600 });
  await writeFile(path.join(dir, "audit-chain.key"), "Jx3vQe9LrT2mWc8ZpK4nYb7UsD1fHg6A0aoXiVwE5tR", { mode: 0o600 });
  th = await startTestHub({
    embedded: true,
    dataDir: dir,
    env: {
      NODE_ENV: "production",
      JWT_ISSUERS: JSON.stringify([{ issuer: ISSUER, publicKeyFile: path.join(dir, "customs-idp.pub.pem"), agency: "CUSTOMS" }]),
      GATEWAY_SIGNING_KEY_FILE: path.join(dir, "gateway.key.pem"),
      GATEWAY_PUBLIC_KEY_FILE: path.join(dir, "gateway.pub.pem"),
      AUDIT_CHAIN_KEY_FILE: path.join(dir, "audit-chain.key"),
    },
  });
  gatewayKey = await loadGatewaySigningKey(th.config);
});
afterAll(async () => {
  await th?.close();
});

/** A customs officer's token from the agency's own identity provider. */
function userToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ agency: "CUSTOMS", roles: ["officer"], clearance: 2, operations: [] })
    .setProtectedHeader({ alg: "ES256" })
    .setIssuer(ISSUER)
    .setAudience(th.config.audience)
    .setSubject("officer-7")
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(customsIdp);
}

const subject: Subject = { sub: "officer-7", agency: Agency.CUSTOMS, roles: ["officer"], clearance: 2, operations: [], issuer: ISSUER };
const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Phone { seizures { id } } } }`;
const body = (e164 = "+447700900190") => ({ query: QUERY, variables: { r: [{ __typename: "Phone", e164 }] } });

/** What the gateway would mint for this call (the test holds the gateway's key, as a thief of a token would hold its output). */
const gatewayToken = (overrides: Partial<GatewayCall> = {}, now?: number) =>
  mintGatewayToken(gatewayKey, th.config.gatewayIssuer, th.config.audience, { subgraph: "customs", scope: "graphql", body: body(), subject, purpose: "investigation", requestId: "rq-1", ...overrides }, now);

async function post(subgraph: string, token: string | null, payload: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(th.hub.subgraphs[subgraph]?.url as string, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) };
}
const refusal = (message: string) => ({ status: 401, errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });

describe("token exchange, production mode", () => {
  it("answers a real caller through the gateway, and publishes the gateway's key set", async () => {
    const r = await th.query(`{ phone(e164: "+447700900190") { e164 seizures { id } } }`, {}, { token: await userToken() });
    expect(r).toEqual({ status: 200, data: { phone: { e164: "+447700900190", seizures: [] } } });
    const jwks = (await (await fetch(th.hub.gateway.url.replace("/graphql", "/.well-known/jwks.json"))).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toEqual([{ ...gatewayKey.publicJwk }]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("refuses a user's own token at a subgraph, however valid, and no token at all", async () => {
    expect(await post("customs", await userToken(), body())).toEqual(refusal("this service only answers requests that come through the gateway"));
    expect(await post("customs", null, body())).toEqual(refusal("this service only answers requests that come through the gateway"));
  });

  it("accepts a gateway token once: the replay is refused", async () => {
    const token = await gatewayToken();
    expect(await post("customs", token, body())).toEqual({ status: 200, data: { _entities: [{ seizures: [] }] } });
    expect(await post("customs", token, body())).toEqual(refusal("gateway token has already been used"));
  });

  it("refuses an expired gateway token, and one that lives longer than 60 seconds", async () => {
    expect(await post("customs", await gatewayToken({}, Date.now() - 90_000), body())).toEqual(refusal("gateway token has expired"));
    const now = Math.floor(Date.now() / 1000);
    const long = await new SignJWT({ scope: "graphql", rid: "rq-2", bh: bodyHash(body()), src: ISSUER, agency: "CUSTOMS", roles: ["officer"], clearance: 2, operations: [], pur: "investigation" })
      .setProtectedHeader({ alg: "ES256", typ: "liaison-gateway+jwt", kid: gatewayKey.kid })
      .setIssuer(th.config.gatewayIssuer)
      .setAudience(gatewayAudience(th.config.audience, "customs"))
      .setSubject("officer-7")
      .setJti("long-lived-1")
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(gatewayKey.privateKey);
    expect(await post("customs", long, body())).toEqual(refusal("gateway token lives longer than 60 seconds"));
  });

  it("refuses a gateway token minted for another subgraph", async () => {
    expect(await post("customs", await gatewayToken({ subgraph: "police" }), body())).toEqual(refusal('gateway token claim "aud" is invalid'));
  });

  it("refuses a gateway token whose body hash does not match the request", async () => {
    expect(await post("customs", await gatewayToken(), body("+447700900191"))).toEqual(refusal("gateway token does not match the request body"));
  });

  it("refuses a token in the gateway's shape signed by another key", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await mintGatewayToken({ ...gatewayKey, privateKey }, th.config.gatewayIssuer, th.config.audience, {
      subgraph: "customs", scope: "graphql", body: body(), subject, purpose: "investigation", requestId: "rq-3",
    });
    expect(await post("customs", forged, body())).toEqual(refusal("token is not valid"));
  });

  it("takes purpose, justification and request id from the signed token, never from headers", async () => {
    const phone = "+447700900190";
    const token = await gatewayToken({ purpose: "intelligence", justification: "case 42", requestId: "rq-signed-1" });
    const r = await post("customs", token, body(phone), { "x-purpose": "audit", "x-justification": "forged", "x-request-id": "rq-forged" });
    expect(r.status).toBe(200);
    const rows = (await th.hub.subgraphs.customs?.dataSource?.query(`SELECT request_id, purpose, justification FROM access_audit WHERE request_id IN ('rq-signed-1', 'rq-forged')`)) as unknown[];
    // No seizure is on that phone: the identifier entity itself is what was served.
    expect(rows).toEqual([{ request_id: "rq-signed-1", purpose: "intelligence", justification: "case 42" }]);
  });
});
