import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { gatewayErrorFormatter } from "../../gateway/format-error.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;

beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** POSTs a raw JSON body, without a token unless one is given, and returns status and body. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const PERSISTED_REFUSAL = { status: 400, body: { errors: [{ message: "PersistedQueryNotSupported", extensions: { code: "BAD_USER_INPUT" } }] } };

describe("edge: automatic persisted queries are off", () => {
  const query = `{ phone(e164: "+447700900777") { e164 } }`;
  const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

  it("answers a known and an unknown hash alike at the gateway, with or without a token", async () => {
    const token = await th.token("POLICE");
    expect((await th.query(query)).errors).toBeUndefined();
    const auth = { authorization: `Bearer ${token}`, "x-purpose": "investigation" };
    expect(await post(th.hub.gateway.url, persisted(sha256(query)), auth)).toEqual(PERSISTED_REFUSAL);
    expect(await post(th.hub.gateway.url, persisted(sha256("never sent")), auth)).toEqual(PERSISTED_REFUSAL);
    expect(await post(th.hub.gateway.url, persisted(sha256(query)))).toEqual(PERSISTED_REFUSAL);
    expect(await post(th.hub.gateway.url, { query, ...persisted(sha256(query)) })).toEqual(PERSISTED_REFUSAL);
  });

  it("answers the same directly at a subgraph", async () => {
    const links = th.hub.subgraphs.links?.url as string;
    expect(await post(links, persisted(sha256(query)))).toEqual(PERSISTED_REFUSAL);
    expect(await post(links, { query, ...persisted(sha256(query)) })).toEqual(PERSISTED_REFUSAL);
  });
});

describe("edge: no name suggestions", () => {
  it("names no hidden field to a caller without a token", async () => {
    const r = await post(th.hub.gateway.url, { query: `{ cases { edges { node { summar informant officerNote } } } }` });
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.message)).toEqual([
      'Cannot query field "summar" on type "Case".',
      'Cannot query field "informant" on type "Case".',
      'Cannot query field "officerNote" on type "Case".',
    ]);
  });

  it("names no argument, input field or enum value either", async () => {
    const messages = async (query: string) => (await post(th.hub.gateway.url, { query })).body.errors?.map((e) => e.message);
    expect(await messages(`{ cases(filte: {}, filter: { statu: OPEN }) { totalCount } }`)).toEqual([
      'Unknown argument "filte" on field "Query.cases".',
      'Field "statu" is not defined by type "CaseFilter".',
    ]);
    expect(await messages(`{ cases(filter: { status: OPE }) { totalCount } }`)).toEqual(['Value "OPE" does not exist in "CaseStatus" enum.']);
  });

  it("names no enum value in a variable", async () => {
    const headers = { authorization: `Bearer ${await th.token("POLICE")}`, "x-purpose": "investigation" };
    const r = await post(th.hub.gateway.url, { query: `query($s: CaseStatus) { cases(filter: { status: $s }) { totalCount } }`, variables: { s: "OPE" } }, headers);
    expect(r.body.errors).toEqual([
      { message: 'Variable "$s" got invalid value "OPE"; Value "OPE" does not exist in "CaseStatus" enum.', locations: [{ line: 1, column: 7 }], extensions: { code: "BAD_USER_INPUT" } },
    ]);
  });

  it("strips them at a subgraph too", async () => {
    const r = await post(th.hub.subgraphs.police?.url as string, { query: `{ cases { edges { node { summar } } } }` });
    expect(r.body.errors?.map((e) => e.message)).toEqual(['Cannot query field "summar" on type "Case".']);
  });
});

describe("edge: operation resolution", () => {
  it("answers a document of two operations without operationName with BAD_USER_INPUT, logging nothing", async () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    });
    const token = await th.token("POLICE");
    const r = await post(th.hub.gateway.url, { query: `query A { seizures { totalCount } } query B { cases { totalCount } }` }, { authorization: `Bearer ${token}`, "x-purpose": "investigation" });
    expect(r).toEqual({ status: 400, body: { errors: [{ message: "Must provide operation name if query contains multiple operations.", extensions: { code: "BAD_USER_INPUT" } }] } });
    expect(written.filter((line) => /unexpected error|TypeError/.test(line))).toEqual([]);
  });

  it("answers an unknown operationName with BAD_USER_INPUT, quoting it bounded", async () => {
    const r = await post(th.hub.gateway.url, { query: `query A { seizures { totalCount } }`, operationName: `No\nsuch${"x".repeat(200)}` });
    expect(r).toEqual({ status: 400, body: { errors: [{ message: `Unknown operation named ${JSON.stringify(`No\nsuch${"x".repeat(93)}…`)}.`, extensions: { code: "BAD_USER_INPUT" } }] } });
  });

  it("runs the named one of two operations", async () => {
    const named = await post(th.hub.gateway.url, { query: `query A { seizures { totalCount } } query B { cases { totalCount } }`, operationName: "B" }, {
      authorization: `Bearer ${await th.token("POLICE")}`,
      "x-purpose": "investigation",
    });
    expect(named.body.errors).toBeUndefined();
    expect(named.body.data).toEqual({ cases: { totalCount: 0 } });
  });
});

describe("edge: tokens", () => {
  it("gives a forged dev token and a token from an unknown issuer the same answer", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "ES256" })).toString("base64url");
    const payload = (iss: string) => Buffer.from(JSON.stringify({ iss, sub: "m", aud: "liaison", exp: 9e9, iat: Math.floor(Date.now() / 1000) })).toString("base64url");
    const answers = await Promise.all(
      [th.config.devIssuer, "https://unknown.example"].map((iss) => post(th.hub.gateway.url, { query: `{ seizures { totalCount } }` }, { authorization: `Bearer ${header}.${payload(iss)}.AAAA`, "x-purpose": "investigation" })),
    );
    const expected = { status: 401, body: { errors: [{ message: "Unauthenticated: token is not valid", extensions: { code: "UNAUTHENTICATED" } }] } };
    expect(answers).toEqual([expected, expected]);
  });

  it("says only that a token that is not a JWS is malformed", async () => {
    const r = await post(th.hub.gateway.url, { query: `{ seizures { totalCount } }` }, { authorization: "Bearer abc.def", "x-purpose": "investigation" });
    expect(r).toEqual({ status: 401, body: { errors: [{ message: "Unauthenticated: token is malformed", extensions: { code: "UNAUTHENTICATED" } }] } });
  });
});

describe("edge: purpose refusals name the header and the allowed values", () => {
  const allowed = ["investigation", "risk-analysis", "intelligence", "audit"];
  it("answers a missing and an unknown X-Purpose with field x-purpose and the allowed list", async () => {
    const token = await th.token("POLICE");
    expect(await th.query(`{ cases { totalCount } }`, {}, { token, purpose: null })).toEqual({
      status: 400,
      errors: [{ message: "X-Purpose header is required; one of: investigation, risk-analysis, intelligence, audit", extensions: { code: "BAD_USER_INPUT", field: "x-purpose", allowed } }],
    });
    expect(await th.query(`{ cases { totalCount } }`, {}, { token, purpose: "curiosity" })).toEqual({
      status: 400,
      errors: [{ message: 'X-Purpose "curiosity" is not one of: investigation, risk-analysis, intelligence, audit', extensions: { code: "BAD_USER_INPUT", field: "x-purpose", allowed } }],
    });
  });
});

describe("edge: CSRF prevention", () => {
  const csrf = "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).";
  it("refuses a GET and a text/plain POST without a preflighted header, and answers a GET that sends X-Purpose", async () => {
    const get = await fetch(`${th.hub.gateway.url}?query=${encodeURIComponent("{ __typename }")}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain(csrf);
    const plain = await fetch(th.hub.gateway.url, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain(csrf);
    const preflighted = await fetch(`${th.hub.gateway.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { "x-purpose": "investigation" } });
    expect([preflighted.status, ((await preflighted.json()) as { data: unknown }).data]).toEqual([200, { __typename: "Query" }]);
  });
});

describe("edge: production (NODE_ENV=production)", () => {
  let prod: TestHub;
  let dir: string;
  let idp: CryptoKey;
  const ISSUER = "https://idp.hub.example";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "liaison-edge-prod-"));
    const [gateway, identity] = await Promise.all([generateKeyPair("ES256", { extractable: true }), generateKeyPair("ES256", { extractable: true })]);
    idp = identity.privateKey;
    await mkdir(path.join(dir, "keys"), { recursive: true });
    const files: Array<[string, string]> = [
      ["gateway.key.pem", await exportPKCS8(gateway.privateKey)],
      ["gateway.pub.pem", await exportSPKI(gateway.publicKey)],
      ["idp.pub.pem", await exportSPKI(identity.publicKey)],
      ["keys/cursor.key", randomBytes(32).toString("base64url")],
      ["audit-chain.key", randomBytes(32).toString("base64url")],
    ];
    for (const [name, text] of files) await writeFile(path.join(dir, name), text, { mode: 0o600 });
    prod = await startTestHub({
      embedded: true,
      dataDir: dir,
      env: {
        NODE_ENV: "production",
        JWT_ISSUERS: JSON.stringify([{ issuer: ISSUER, publicKeyFile: path.join(dir, "idp.pub.pem"), agency: "HUB" }]),
        GATEWAY_SIGNING_KEY_FILE: path.join(dir, "gateway.key.pem"),
        GATEWAY_PUBLIC_KEY_FILE: path.join(dir, "gateway.pub.pem"),
        AUDIT_CHAIN_KEY_FILE: path.join(dir, "audit-chain.key"),
      },
    });
  });
  afterAll(async () => {
    await prod?.close();
  });

  const hubToken = (roles: string[]) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ agency: "HUB", roles, clearance: 3, operations: [] }).setProtectedHeader({ alg: "ES256" }).setIssuer(ISSUER).setAudience("liaison").setSubject(`hub-${roles.join("-")}`).setIssuedAt(now).setExpirationTime(now + 600).sign(idp);
  };
  const INTROSPECT = `{ __schema { queryType { name } } }`;

  it("describes the schema to an administrator only", async () => {
    expect(await prod.query(INTROSPECT, {}, { token: await hubToken(["admin"]) })).toEqual({ status: 200, data: { __schema: { queryType: { name: "Query" } } } });
    expect(await prod.query(`query { ...F } fragment F on Query { __type(name: "Case") { name } }`, {}, { token: await hubToken(["analyst"]) })).toEqual({
      status: 403,
      errors: [{ message: "Introspection is for administrators only (NODE_ENV=production): the token's roles do not include admin", extensions: { code: "FORBIDDEN", rule: "introspection.admin-only" } }],
    });
    expect(await prod.query(INTROSPECT, {}, { token: null })).toEqual({
      status: 401,
      errors: [{ message: "Introspection is for administrators only (NODE_ENV=production): send an administrator's bearer token", extensions: { code: "UNAUTHENTICATED" } }],
    });
    expect(await prod.query(`{ __typename }`, {}, { token: null })).toEqual({ status: 200, data: { __typename: "Query" } });
  });

  it("suggests no field name", async () => {
    const r = await prod.query(`{ cases { edges { node { summar } } } }`, {}, { token: await hubToken(["admin"]) });
    expect(r.errors?.map((e) => e.message)).toEqual(['Cannot query field "summar" on type "Case".']);
  });

  it("masks host names, ports, URLs, stacks and SQL in any error, logging them in full instead", () => {
    const format = gatewayErrorFormatter(true);
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
    const fetchFailed = { message: "request to http://127.0.0.1:4103/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4103", extensions: { code: "INTERNAL_SERVER_ERROR", serviceName: "fiu" } };
    expect(format(fetchFailed, new Error(fetchFailed.message))).toEqual({ message: 'Service "fiu" is unavailable', extensions: { code: "INTERNAL_SERVER_ERROR", service: "fiu" } });
    expect(format({ message: 'relation "cases" does not exist', extensions: { code: "INTERNAL_SERVER_ERROR", service: "police" } }, null)).toEqual({
      message: 'Service "police" is unavailable',
      extensions: { code: "INTERNAL_SERVER_ERROR", service: "police" },
    });
    expect(format({ message: "Error: boom\n    at query (/srv/app/db.js:10:5)", extensions: { code: "INTERNAL_SERVER_ERROR", service: "customs" } }, null).message).toBe('Service "customs" is unavailable');
    expect(format({ message: "Cases of one agency only", extensions: { code: "FORBIDDEN", rule: "r" } }, null)).toEqual({ message: "Cases of one agency only", extensions: { code: "FORBIDDEN", rule: "r" } });
    expect(written.join("")).toContain("ECONNREFUSED 127.0.0.1:4103");
  });
});
