import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
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
