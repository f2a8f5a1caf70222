import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";
import { auditRowsDuring, subgraphCallsDuring } from "./edge-helpers.js";

/*
 * Issue 10 item 1: abusive operations are refused at the gateway with the default limits, before
 * any agency is called, each with the limit's name and value, BAD_USER_INPUT, and a refused row in
 * the request audit.
 */

let th: TestHub;

beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});

/** Sends the query as a POLICE analyst; the answer, the subgraph calls it caused and its audit rows. */
async function attempt(query: string, variables: Record<string, unknown> = {}) {
  const { result, rows } = await auditRowsDuring(th, () => subgraphCallsDuring(th, () => th.query(query, variables)));
  return { answer: result.result, subgraphCalls: result.subgraphCalls, audit: rows.map((r) => [r.outcome, r.error_codes]) };
}

const refused = (message: string, extensions: Record<string, unknown>) => ({
  answer: { status: 400, errors: [{ message, extensions: { ...extensions, code: "BAD_USER_INPUT" } }] } satisfies GraphQLResponse,
  subgraphCalls: 0,
  audit: [["refused", ["BAD_USER_INPUT"]]],
});

/** `{ phone { cases { phones { … e164 } } } }`: `levels` fields deep, the leaf included. */
function deep(levels: number): string {
  const containers = Array.from({ length: levels - 1 }, (_, i) => (i === 0 ? `phone(e164: "+447700900001")` : i % 2 === 1 ? "cases" : "phones"));
  const leaf = containers.length % 2 === 1 ? "e164" : "id";
  return `{ ${containers.reduceRight((inner, field) => `${field} { ${inner} }`, leaf)} }`;
}

const aliased = (count: number, selection: string) => `{ ${Array.from({ length: count }, (_, i) => `p${i}: phone(e164: "+4477009${String(i).padStart(5, "0")}") { ${selection} }`).join(" ")} }`;

describe("operation limits at the gateway (defaults)", () => {
  it("refuses a depth-20 query", async () => {
    expect(await attempt(deep(20))).toEqual(refused("Query depth 20 exceeds the limit of 12 (MAX_QUERY_DEPTH)", { limit: "MAX_QUERY_DEPTH", max: 12, found: 20 }));
  });

  it("answers a query at the depth limit", async () => {
    const r = await attempt(deep(12));
    expect([r.answer.status, r.answer.errors, r.audit]).toEqual([200, undefined, [["ok", []]]]);
    expect(r.subgraphCalls).toBeGreaterThan(0);
  });

  it("refuses 200 aliases", async () => {
    expect(await attempt(aliased(200, "e164"))).toEqual(refused("Aliases 200 exceeds the limit of 30 (MAX_ALIASES)", { limit: "MAX_ALIASES", max: 30, found: 200 }));
  });

  it("refuses 1,000 aliased fiuHit look-ups before parsing them (their tokens)", async () => {
    expect(await attempt(aliased(1000, "fiuHit { hit }"))).toEqual(refused("Query tokens over the limit of 5000 (MAX_QUERY_TOKENS)", { limit: "MAX_QUERY_TOKENS", max: 5000 }));
  });

  it("refuses 31 aliased fiuHit look-ups by their aliases", async () => {
    expect(await attempt(aliased(31, "fiuHit { hit }"))).toEqual(refused("Aliases 31 exceeds the limit of 30 (MAX_ALIASES)", { limit: "MAX_ALIASES", max: 30, found: 31 }));
  });

  it("refuses a cost over the limit, counting first: as a multiplier, in a literal or a variable", async () => {
    const page = (first: string) => Array.from({ length: 25 }, (_, i) => `c${i}: cases(first: ${first}) { edges { node { id title summary status openedAt reference } } }`).join(" ");
    // 25 aliases × 100 × (2 + 2 + 2 + 6) = 30,000
    expect(await attempt(`{ ${page("100")} }`)).toEqual(refused("Query cost 30000 exceeds the limit of 20000 (MAX_QUERY_COST)", { limit: "MAX_QUERY_COST", max: 20000, found: 30000 }));
    expect(await attempt(`query($n: Int) { ${page("$n")} }`, { n: 100 })).toEqual(refused("Query cost 30000 exceeds the limit of 20000 (MAX_QUERY_COST)", { limit: "MAX_QUERY_COST", max: 20000, found: 30000 }));
    const cheap = await attempt(`query($n: Int) { ${page("$n")} }`, { n: 10 });
    expect([cheap.answer.status, cheap.answer.errors, cheap.audit]).toEqual([200, undefined, [["ok", []]]]);
  });

  it("refuses a page size over PAGE_SIZE_MAX, in a literal, a variable or a variable's default", async () => {
    const expected = refused("Page size 101 exceeds the limit of 100 (PAGE_SIZE_MAX)", { limit: "PAGE_SIZE_MAX", max: 100, found: 101 });
    expect(await attempt(`{ cases(first: 101) { totalCount } }`)).toEqual(expected);
    expect(await attempt(`query($n: Int) { cases(first: $n) { totalCount } }`, { n: 101 })).toEqual(expected);
    expect(await attempt(`query($n: Int = 101) { cases(first: $n) { totalCount } }`)).toEqual(expected);
    // accessLog bounds its own first (up to 500: the console asks that many).
    const log = await th.query(`{ accessLog(first: 500, filter: { subject: "nobody" }) { truncated } }`, {}, { token: await th.token("HUB", { roles: ["auditor"] }), purpose: "audit" });
    expect([log.status, log.errors, log.data]).toEqual([200, undefined, { accessLog: { truncated: false } }]);
  });

  it("refuses more than 50 directives", async () => {
    const fields = Array.from({ length: 51 }, () => `e164 @include(if: true)`).join(" ");
    expect(await attempt(`{ phone(e164: "+447700900001") { ${fields} } }`)).toEqual(refused("Directives 51 exceeds the limit of 50 (MAX_DIRECTIVES)", { limit: "MAX_DIRECTIVES", max: 50, found: 51 }));
  });

  it("refuses a query of more than 5,000 tokens", async () => {
    const fields = Array.from({ length: 5001 }, () => "e164").join(" ");
    expect(await attempt(`{ phone(e164: "+447700900001") { ${fields} } }`)).toEqual(refused("Query tokens over the limit of 5000 (MAX_QUERY_TOKENS)", { limit: "MAX_QUERY_TOKENS", max: 5000 }));
  });

  it("refuses a body over MAX_BODY_BYTES with 413, and a batch while batching is off", async () => {
    const big = await auditRowsDuring(th, () => th.query(`{ phone(e164: "+447700900001") { e164 } }`, { pad: "x".repeat(2_000_000) }));
    expect(big.result).toEqual({ status: 413, errors: [{ message: "request body too large: at most 1000000 bytes (MAX_BODY_BYTES)", extensions: { limit: "MAX_BODY_BYTES", max: 1000000, code: "BAD_USER_INPUT" } }] });
    expect(big.rows.map((r) => [r.subject, r.outcome, r.error_codes])).toEqual([["police-tester", "refused", ["BAD_USER_INPUT"]]]);
    const response = await fetch(th.hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await th.token("POLICE")}`, "x-purpose": "investigation" },
      body: JSON.stringify([{ query: "{ cases { totalCount } }" }, { query: "{ seizures { totalCount } }" }]),
    });
    expect([response.status, await response.json()]).toEqual([
      400,
      { errors: [{ message: "Batched requests are off (MAX_BATCH_OPERATIONS=1): send one operation per request", extensions: { limit: "MAX_BATCH_OPERATIONS", max: 1, code: "BAD_USER_INPUT" } }] },
    ]);
  });
});

describe("operation limits are configurable", () => {
  let custom: TestHub;
  beforeAll(async () => {
    custom = await startTestHub({ env: { MAX_QUERY_DEPTH: "3", MAX_ALIASES: "2", MAX_BATCH_OPERATIONS: "2" } });
  });
  afterAll(async () => {
    await custom?.close();
  });

  it("applies MAX_QUERY_DEPTH and MAX_ALIASES from the environment", async () => {
    expect((await custom.query(`{ phone(e164: "+447700900001") { cases { phones { e164 } } } }`)).errors).toEqual([
      { message: "Query depth 4 exceeds the limit of 3 (MAX_QUERY_DEPTH)", extensions: { limit: "MAX_QUERY_DEPTH", max: 3, found: 4, code: "BAD_USER_INPUT" } },
    ]);
    expect((await custom.query(aliased(3, "e164"))).errors?.[0]?.message).toBe("Aliases 3 exceeds the limit of 2 (MAX_ALIASES)");
  });

  it("answers a batch of MAX_BATCH_OPERATIONS and refuses a longer one", async () => {
    const batch = (n: number) =>
      fetch(custom.hub.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-purpose": "investigation" },
        body: JSON.stringify(Array.from({ length: n }, () => ({ query: "{ __typename }" }))),
      }).then(async (r) => [r.status, ((await r.json()) as Array<{ extensions?: unknown }> | { errors: unknown }) ]);
    const answered = { data: { __typename: "Query" }, extensions: { policyVersion: expect.any(String) } };
    expect(await batch(2)).toEqual([200, [answered, answered]]);
    expect(await batch(3)).toEqual([
      400,
      { errors: [{ message: "A batch may hold at most 2 operations (MAX_BATCH_OPERATIONS); this one holds 3", extensions: { limit: "MAX_BATCH_OPERATIONS", max: 2, code: "BAD_USER_INPUT" } }] },
    ]);
  });
});
