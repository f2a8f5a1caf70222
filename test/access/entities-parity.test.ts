import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, caseInput } from "../helpers/fixtures.js";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";
import { cases } from "../../subgraphs/police/index.js";
import { registerOperations } from "../../platform/operations/index.js";

/*
 * Item 6: a direct `_entities` call obeys the same rules as the gateway. For every agency, role
 * and operation claim, the police subgraph's `_entities` answer for each case equals what the
 * caller gets of that case through the gateway's own path to it (`phone { cases }`), and is null
 * where no path through the graph reaches a case at all.
 */

const PHONE = "+447700900196";
const FIELDS = "id reference title summary handling informants { name }";
let th: TestHub;
const ids: string[] = [];

beforeAll(async () => {
  th = await startTestHub();
  // Every agency a member, so that only the entry-point rules can keep a case from FIU and HUB.
  await registerOperations(th.hub.gateway.hubDataSource, [
    { id: "OP-LANTERN", name: "Lantern", memberAgencies: ["CUSTOMS", "POLICE", "FIU", "POSTAL", "HUB"], validFrom: "2020-01-01", validTo: null },
  ]);
  await th.hub.operations.refresh();
  const police = th.hub.subgraphs.police?.dataSource as DataSource;
  const variants: Array<[string, string | null]> = [["GREEN", null], ["AMBER", null], ["AMBER", "OP-LANTERN"], ["AMBER_STRICT", null], ["RED", null]];
  for (const [handling, operationId] of variants) {
    const { record } = await cases.store(police, asServiceInput(caseInput({ reference: `ENT-${handling}-${operationId ?? "none"}`, phone: PHONE, handling, operationId })), th.config);
    ids.push(record.id);
  }
});
afterAll(async () => {
  await th?.close();
});

type Case = Record<string, unknown> & { id: string };
const errorRules = (response: GraphQLResponse, prefix: (path: ReadonlyArray<string | number>) => string | null) =>
  (response.errors ?? [])
    .map((e) => {
      const at = e.path ? prefix(e.path) : null;
      return at === null ? null : `${at}:${String(e.extensions?.code)}:${String(e.extensions?.rule ?? "")}`;
    })
    .filter((x): x is string => x !== null)
    .sort();

const SUBJECTS = ["CUSTOMS", "POLICE", "FIU", "POSTAL", "HUB"].flatMap((agency) =>
  ["officer", "analyst", "auditor", "guest"].flatMap((role) => [[], ["OP-LANTERN"]].map((operations) => [agency, role, operations] as const)),
);

describe("direct _entities calls obey the entry-point rules", () => {
  it("reads nothing of an operation's AMBER case as FIU or HUB, even as members, while police read it", async () => {
    const read = async (agency: string) => {
      const token = await th.token(agency, { roles: ["analyst"], clearance: 2, operations: ["OP-LANTERN"] });
      const direct = await th.query<{ _entities: Array<Case | null> }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { reference } } }`, { r: [{ __typename: "Case", id: ids[2] }] }, { token }, th.hub.subgraphs.police?.url);
      return direct.data?._entities;
    };
    expect(await read("FIU")).toEqual([null]);
    expect(await read("HUB")).toEqual([null]);
    expect(await read("POLICE")).toEqual([{ reference: "ENT-AMBER-OP-LANTERN" }]);
  });

  it.each(SUBJECTS)("%s %s with operations %j gets the same cases directly as through the gateway", async (agency, role, operations) => {
    const token = await th.token(agency, { roles: [role], clearance: 2, operations: [...operations] });
    const viaGateway = await th.query<{ phone: { cases: Case[] | null } | null }>(`{ phone(e164: "${PHONE}") { cases { ${FIELDS} } } }`, {}, { token });
    const listed = viaGateway.data?.phone?.cases ?? [];
    const direct = await th.query<{ _entities: Array<Case | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { ${FIELDS} } } }`,
      { r: ids.map((id) => ({ __typename: "Case", id })) },
      { token },
      th.hub.subgraphs.police?.url,
    );
    expect(direct.data?._entities).toEqual(ids.map((id) => listed.find((c) => c.id === id) ?? null));
    // The same fields are withheld, by the same rules, on both paths.
    const viaGatewayErrors = errorRules(viaGateway, (path) => (path[0] === "phone" && path[1] === "cases" && path.length > 3 ? `${ids.indexOf(listed[Number(path[2])]?.id ?? "")}.${path.slice(3).join(".")}` : null));
    const directErrors = errorRules(direct, (path) => (path[0] === "_entities" && path.length > 2 ? `${String(path[1])}.${path.slice(2).join(".")}` : null));
    expect(directErrors).toEqual(viaGatewayErrors);
  });
});
