import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInput, fiuReportInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { makeS10 } from "../../schema/identifiers/index.js";

/*
 * One contract, every agency subgraph: called directly (not through the gateway), each must
 * record idempotently, validate, paginate, resolve its entities in batches and keep other
 * agencies to the envelope.
 */

interface AgencyContract {
  subgraph: "customs" | "police" | "fiu" | "postal";
  agency: string;
  other: string;
  typename: string;
  mutation: string;
  inputType: string;
  list: string;
  byId: string | null;
  mentionField: string;
  input(reference: string, phone: string, serial: number): Record<string, unknown>;
  /** Where an invalid phone goes in the input, and the path the error must name. */
  badPhone(input: Record<string, unknown>): { input: Record<string, unknown>; field: string };
  keyOf(record: { id: string; itemId?: string }): Record<string, string>;
  detailField: string;
  /** What `other` sees of an AMBER record outside a joint operation, by the default policies. */
  otherSees: "envelope" | "nothing" | "no-entry";
  /** The rule that refuses `other`'s writes. */
  writeRule: string;
}

const withParties = (input: Record<string, unknown>, phone: string) => {
  const parties = structuredClone(input.parties) as Array<{ identifiers: { phones: string[] } }>;
  (parties[0] as { identifiers: { phones: string[] } }).identifiers.phones = [phone];
  return { ...input, parties };
};

const CONTRACTS: AgencyContract[] = [
  {
    subgraph: "customs", agency: "CUSTOMS", other: "POLICE", typename: "Seizure", mutation: "recordSeizure", inputType: "RecordSeizureInput",
    list: "seizures", byId: "seizure", mentionField: "seizures", detailField: "officerNotes", otherSees: "envelope", writeRule: "write.customs-only",
    input: (reference, phone) => seizureInput({ reference, phone }),
    badPhone: (input) => ({ input: withParties(input, "+44 12"), field: "input.parties[0].identifiers.phones[0]" }),
    keyOf: (r) => ({ __typename: "Seizure", id: r.id }),
  },
  {
    subgraph: "police", agency: "POLICE", other: "CUSTOMS", typename: "Case", mutation: "openCase", inputType: "OpenCaseInput",
    list: "cases", byId: "case", mentionField: "cases", detailField: "summary", otherSees: "envelope", writeRule: "write.police-only",
    input: (reference, phone) => caseInput({ reference, phone }),
    badPhone: (input) => ({ input: withParties(input, "+44 12"), field: "input.parties[0].identifiers.phones[0]" }),
    keyOf: (r) => ({ __typename: "Case", id: r.id }),
  },
  {
    subgraph: "fiu", agency: "FIU", other: "POLICE", typename: "FiuReport", mutation: "fileFiuReport", inputType: "FileFiuReportInput",
    list: "fiuReports", byId: "fiuReport", mentionField: "fiuReports", detailField: "narrative", otherSees: "no-entry", writeRule: "write.fiu-only",
    input: (reference, phone) => fiuReportInput({ reference, phone }),
    badPhone: (input) => ({ input: withParties(input, "+44 12"), field: "input.parties[0].identifiers.phones[0]" }),
    keyOf: (r) => ({ __typename: "FiuReport", id: r.id }),
  },
  {
    subgraph: "postal", agency: "POSTAL", other: "POLICE", typename: "PostalItem", mutation: "registerPostalItem", inputType: "RegisterPostalItemInput",
    list: "postalItems", byId: null, mentionField: "postalItems", detailField: "contents { description }", otherSees: "nothing", writeRule: "write.postal-only",
    input: (reference, phone, serial) => postalItemInput({ reference, phone, itemId: makeS10("RR", serial, "CN") }),
    badPhone: (input) => ({ input: { ...input, addressee: { ...(input.addressee as object), phone: "+44 12" } }, field: "input.addressee.phone" }),
    keyOf: (r) => ({ __typename: "PostalItem", itemId: r.itemId as string }),
  },
];

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});

describe.each(CONTRACTS)("$subgraph subgraph contract", (c) => {
  const url = () => th.hub.subgraphs[c.subgraph]?.url as string;
  const own = () => th.token(c.agency, { roles: ["officer"] });
  const fields = `id reference originAgency handling phones { e164 }${c.subgraph === "postal" ? " itemId" : ""}`;
  const write = async (input: Record<string, unknown>, token?: string) =>
    th.query<Record<string, { id: string; reference: string; originAgency: string; itemId?: string; phones: Array<{ e164: string }> }>>(
      `mutation($input: ${c.inputType}!) { ${c.mutation}(input: $input) { ${fields} } }`,
      { input },
      { token: token ?? (await own()) },
      url(),
    );
  const count = async (reference: string) => {
    const r = await th.query<Record<string, { totalCount: number }>>(
      `query($f: ${c.typename}Filter) { ${c.list}(filter: $f) { totalCount } }`,
      { f: { reference } },
      { token: await own() },
      url(),
    );
    return r.data?.[c.list]?.totalCount;
  };
  let serial = 10_000_000 * (CONTRACTS.indexOf(c) + 1);
  const fresh = (name: string) => c.input(`${c.subgraph.toUpperCase()}-${name}`, "07700 900123", ++serial);

  it("records a record and answers it with normalised identifiers", async () => {
    const r = await write(fresh("NEW"));
    expect(r.errors).toBeUndefined();
    const record = r.data?.[c.mutation];
    expect(record?.reference).toBe(`${c.subgraph.toUpperCase()}-NEW`);
    expect(record?.originAgency).toBe(c.agency);
    expect(record?.phones?.[0]).toEqual({ e164: "+447700900123" });
  });

  it("returns the stored record, not a duplicate, when the same input is sent twice", async () => {
    const input = fresh("TWICE");
    const first = await write(input);
    const second = await write(input);
    expect(second.data?.[c.mutation]?.id).toBe(first.data?.[c.mutation]?.id);
    expect(await count(`${c.subgraph.toUpperCase()}-TWICE`)).toBe(1);
  });

  it("refuses a different record under a reference already used, with CONFLICT", async () => {
    const input = fresh("CLASH");
    await write(input);
    const r = await write({ ...input, infoGrade: 5 });
    expect(r.data).toEqual({ [c.mutation]: null });
    expect(r.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("refuses an invalid phone with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const { input, field } = c.badPhone(fresh("BADPHONE"));
    const r = await write(input);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toBe(field);
    expect(await count(`${c.subgraph.toUpperCase()}-BADPHONE`)).toBe(0);
  });

  it("paginates with cursors: pages do not overlap and end with hasNextPage false", async () => {
    for (const n of [1, 2, 3]) await write(fresh(`PAGE${n}`));
    const page = async (after: string | null) =>
      (
        await th.query<Record<string, { edges: Array<{ node: { reference: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } }>>(
          `query($after: String) { ${c.list}(first: 2, after: $after) { edges { node { reference } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          { token: await own() },
          url(),
        )
      ).data?.[c.list];
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const p = await page(after);
      seen.push(...(p?.edges ?? []).map((e) => e.node.reference));
      if (!p?.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([`${c.subgraph.toUpperCase()}-PAGE1`, `${c.subgraph.toUpperCase()}-PAGE2`, `${c.subgraph.toUpperCase()}-PAGE3`]));
  });

  it("refuses a page larger than the cap with BAD_USER_INPUT", async () => {
    const r = await th.query(`{ ${c.list}(first: 100000) { totalCount } }`, {}, { token: await own() }, url());
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toBe(`first must be from 1 to ${th.config.pageSizeMax}`);
  });

  it("resolves its records and identifier fields through _entities, one SQL query per batch", async () => {
    const a = (await write(c.input(`${c.subgraph.toUpperCase()}-ENT-A`, "+447700900140", ++serial))).data?.[c.mutation];
    const b = (await write(c.input(`${c.subgraph.toUpperCase()}-ENT-B`, "+447700900141", ++serial))).data?.[c.mutation];
    const subgraph = th.hub.subgraphs[c.subgraph];
    const before = subgraph?.sqlQueries() ?? 0;
    const r = await th.query<{ _entities: Array<{ reference?: string; e164?: string; list?: Array<{ reference: string }> } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${c.typename} { reference } ... on Phone { e164 list: ${c.mentionField} { reference } } } }`,
      { r: [c.keyOf(a as { id: string }), c.keyOf(b as { id: string }), { __typename: "Phone", e164: "+447700900140" }, { __typename: "Phone", e164: "+447700900141" }, { __typename: "Phone", e164: "+447700900142" }] },
      { token: await own() },
      url(),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?._entities.map((e) => e?.reference ?? e?.list?.map((x) => x.reference))).toEqual([
      a?.reference, b?.reference, [a?.reference], [b?.reference], [],
    ]);
    expect((subgraph?.sqlQueries() ?? 0) - before).toBe(2);
  });

  it.runIf(c.byId !== null)("finds a record by id, answers null for an unknown id and BAD_USER_INPUT for a malformed one", async () => {
    const created = (await write(fresh("BYID"))).data?.[c.mutation];
    const get = async (id: string) => th.query<Record<string, { reference: string } | null>>(`query($id: ID!) { ${c.byId}(id: $id) { reference } }`, { id }, { token: await own() }, url());
    expect((await get(created?.id as string)).data?.[c.byId as string]?.reference).toBe(`${c.subgraph.toUpperCase()}-BYID`);
    expect((await get("00000000-0000-4000-8000-000000000000")).data?.[c.byId as string]).toBeNull();
    expect((await get("not-an-id")).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("shows another agency of an AMBER record outside a joint operation only what the default policies allow", async () => {
    const created = (await write(fresh("OTHER"))).data?.[c.mutation];
    const other = await th.token(c.other);
    if (c.otherSees === "no-entry") {
      // The list itself is closed to the caller, whatever it holds.
      const r = await th.query(`{ ${c.list} { totalCount } }`, {}, { token: other }, url());
      expect(r.data?.[c.list]).toBeNull();
      expect(r.errors?.map((e) => [e.path?.join("."), e.extensions?.code, e.extensions?.rule])).toEqual([[c.list, "FORBIDDEN", "default-deny"]]);
      return;
    }
    if (c.otherSees === "nothing") {
      // Neither in the list nor in the count: the caller cannot tell the records exist.
      const r = await th.query(`{ ${c.list} { totalCount edges { node { id } } } }`, {}, { token: other }, url());
      expect(r.errors).toBeUndefined();
      expect(r.data?.[c.list]).toEqual({ totalCount: 0, edges: [] });
      return;
    }
    const r = await th.query<Record<string, Record<string, unknown> | null>>(
      `query($id: ID!) { record: ${c.byId}(id: $id) { id originAgency handling reference ${c.detailField} } }`,
      { id: created?.id },
      { token: other },
      url(),
    );
    expect(r.data?.record).toEqual({ id: created?.id, originAgency: c.agency, handling: "AMBER", reference: null, [c.detailField]: null });
    expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([
      ["FORBIDDEN", "default-deny"],
      ["FORBIDDEN", c.subgraph === "customs" ? "customs-police.no-officer-notes" : "customs-police.no-case-summary"],
    ]);
    expect(JSON.stringify(r.errors)).not.toContain(`${c.subgraph.toUpperCase()}-OTHER`);
    // Nor can a filter on the hidden reference confirm it.
    const probe = await th.query(`{ ${c.list}(filter: { reference: "${c.subgraph.toUpperCase()}-OTHER" }) { totalCount } }`, {}, { token: other }, url());
    expect(probe.data?.[c.list]).toEqual({ totalCount: 0 });
  });

  it("refuses writes from another agency with FORBIDDEN", async () => {
    const r = await write(fresh("INTRUDER"), await th.token(c.other, { roles: ["officer"] }));
    expect(r.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", rule: c.writeRule });
    expect(await count(`${c.subgraph.toUpperCase()}-INTRUDER`)).toBe(0);
  });

  it("answers a call without a token with UNAUTHENTICATED and HTTP 401", async () => {
    const r = await th.query(`{ ${c.list} { totalCount } }`, {}, { token: null }, url());
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
