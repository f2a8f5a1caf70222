import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { loadChainKey, verifyChain } from "../../platform/audit/index.js";

/*
 * Item 8: a bad identifier key is refused at the edge (BAD_USER_INPUT naming the field), never
 * reaches SQL or the audit, and never fails anyone else's answer.
 */
let th: TestHub;
const customs = () => th.hub.subgraphs.customs?.dataSource as DataSource;
const customsUrl = () => th.hub.subgraphs.customs?.url as string;

type Entities = { _entities: Array<{ e164: string; seizures: Array<{ reference: string }> } | null> };
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Phone { e164 seizures { reference } } } }`;
const auditIds = async () => ((await customs().query(`SELECT entity_id FROM access_audit ORDER BY seq`)) as Array<{ entity_id: string }>).map((r) => r.entity_id);

beforeAll(async () => {
  th = await startTestHub();
  const r = await th.query(
    `mutation($input: RecordSeizureInput!) { recordSeizure(input: $input) { reference } }`,
    { input: seizureInput({ reference: "EDGE-1", phone: "+447700900101", handling: "GREEN" }) },
    { token: await th.token("CUSTOMS", { roles: ["officer"] }) },
  );
  expect(r.errors).toBeUndefined();
});
afterAll(async () => {
  await th?.close();
});

describe("identifier keys in a subgraph's _entities", () => {
  // The access layer settles all representations of one `_entities` call together, so a bad key
  // fails that caller's whole call (data null), never another caller's.
  const direct = async (e164: string) => {
    const r = await th.query<Entities>(ENTITIES, { r: [{ __typename: "Phone", e164 }] }, { token: await th.token("CUSTOMS") }, customsUrl());
    return { status: r.status, data: r.data, errors: r.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code, field: e.extensions?.field })) };
  };

  it("refuses a NUL in a Phone key with BAD_USER_INPUT naming the field; nothing reaches SQL or the audit", async () => {
    const before = await auditIds();
    const queries = th.hub.subgraphs.customs?.sqlQueries();
    expect(await direct("+44\u00007700900101")).toEqual({
      status: 200,
      // Only that representation fails: a refused key never takes the caller's other entities with it.
      data: { _entities: [null] },
      errors: [{ message: "Phone.e164: phone number contains a control character", path: ["_entities", 0], code: "BAD_USER_INPUT", field: "Phone.e164" }],
    });
    expect(th.hub.subgraphs.customs?.sqlQueries()).toBe(queries);
    expect(await auditIds()).toEqual(before);
    expect(await verifyChain(customs(), "access_audit", await loadChainKey(th.config.auditChainKeyFile, { create: false }))).toMatchObject({ ok: true, breaks: [] });
  });

  it("refuses a lone surrogate in a Phone key", async () => {
    expect((await direct("+447700900101\uD800")).errors).toEqual([
      { message: "Phone.e164: phone number contains a lone UTF-16 surrogate", path: ["_entities", 0], code: "BAD_USER_INPUT", field: "Phone.e164" },
    ]);
  });

  it("refuses a valid but non-normalised spelling of a Phone key (a second key for one number)", async () => {
    expect((await direct("+44 7700 900101")).errors).toEqual([
      { message: "Phone.e164 is not in normalised form", path: ["_entities", 0], code: "BAD_USER_INPUT", field: "Phone.e164" },
    ]);
  });

  it("serves a normalised Phone key and audits it", async () => {
    const before = await auditIds();
    expect(await direct("+447700900101")).toEqual({ status: 200, data: { _entities: [{ e164: "+447700900101", seizures: [{ reference: "EDGE-1" }] }] }, errors: undefined });
    expect((await auditIds()).slice(before.length)).toEqual(["+447700900101", expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it("fails only the caller who sent a bad key among 30 concurrent callers", async () => {
    const token = await th.token("CUSTOMS");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        th.query<Entities>(ENTITIES, { r: [{ __typename: "Phone", e164: i === 7 ? "+44\u00007700900101" : "+447700900101" }] }, { token }, customsUrl()),
      ),
    );
    expect(results.map((r) => r.errors?.map((e) => e.extensions?.code) ?? "ok")).toEqual(
      Array.from({ length: 30 }, (_, i) => (i === 7 ? ["BAD_USER_INPUT"] : "ok")),
    );
    expect(results.filter((r) => r.data?._entities[0]?.seizures[0]?.reference === "EDGE-1")).toHaveLength(29);
    expect(await verifyChain(customs(), "access_audit", await loadChainKey(th.config.auditChainKeyFile, { create: false }))).toMatchObject({ ok: true, breaks: [] });
  });
});

describe("root look-ups of the links subgraph", () => {
  const lookup = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await th.query(query, variables, { token: await th.token("POLICE") });
    return { data: r.data, errors: r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field })) };
  };

  it("refuses a NUL in a phone number", async () => {
    expect(await lookup(`{ phone(e164: "+44\\u00007700900101") { e164 } }`)).toEqual({
      data: { phone: null },
      errors: [{ message: "e164: phone number contains a control character", code: "BAD_USER_INPUT", field: "e164" }],
    });
  });

  it("refuses a lone surrogate in a travel document number", async () => {
    // GraphQL string literals cannot hold a lone surrogate; a variable's JSON can.
    expect(await lookup(`query($n: String!) { travelDocument(country: "GB", number: $n) { number } }`, { n: "1234\uD80056789" })).toEqual({
      data: { travelDocument: null },
      errors: [{ message: "travelDocument: document number contains a lone UTF-16 surrogate", code: "BAD_USER_INPUT", field: "travelDocument" }],
    });
  });

  it("refuses an over-long e-mail address", async () => {
    expect(await lookup(`{ email(address: "${"a".repeat(300)}@example.org") { address } }`)).toEqual({
      data: { email: null },
      errors: [{ message: "address: email address is longer than 256 characters", code: "BAD_USER_INPUT", field: "address" }],
    });
  });
});
