import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, caseInput, fiuReportInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { cases } from "../../subgraphs/police/index.js";
import { fiuReports } from "../../subgraphs/fiu/index.js";
import { postalItems } from "../../subgraphs/postal/index.js";
import { makeS10 } from "../../schema/identifiers/index.js";

const PHONES = Array.from({ length: 100 }, (_, i) => `+447700900${String(300 + i).padStart(3, "0")}`);

let th: TestHub;
const db = (name: string) => th.hub.subgraphs[name]?.dataSource as DataSource;

beforeAll(async () => {
  th = await startTestHub();
  // Written through the services (the same validation as the mutations), to keep set-up fast.
  for (const [i, phone] of PHONES.entries()) {
    await seizures.store(db("customs"), asServiceInput(seizureInput({ reference: `N1-S${i}`, phone })), th.config);
    await cases.store(db("police"), asServiceInput(caseInput({ reference: `N1-C${i}`, phone })), th.config);
    await postalItems.store(db("postal"), asServiceInput(postalItemInput({ reference: `N1-P${i}`, phone, itemId: makeS10("RR", 50_000_000 + i, "CN") })), th.config);
    if (i % 2 === 0) await fiuReports.store(db("fiu"), asServiceInput(fiuReportInput({ reference: `N1-F${i}`, phone })), th.config);
  }
});
afterAll(async () => {
  await th?.close();
});

describe("no N+1 through the gateway", () => {
  it("a request touching 100 phones costs one SQL query per subgraph per plan step", async () => {
    const subgraphs = ["customs", "police", "fiu", "postal"] as const;
    const before = Object.fromEntries(subgraphs.map((name) => [name, th.hub.subgraphs[name]?.sqlQueries() ?? 0]));
    const r = await th.query<{ seizures: { edges: Array<{ node: { phones: Array<{ e164: string; cases: unknown[]; postalItems: unknown[]; fiuHit: { hit: boolean } }> } }> } }>(
      `{ seizures(first: 100) { edges { node { phones { e164 cases { id } postalItems { itemId } fiuHit { hit } } } } } }`,
      {},
      { token: await th.token("CUSTOMS") },
    );
    expect(r.errors).toBeUndefined();
    const phones = r.data?.seizures.edges.flatMap((e) => e.node.phones) ?? [];
    // 100 seizures each name their own phone; the police fixture's informant phone is on every case.
    expect(new Set(phones.map((p) => p.e164))).toEqual(new Set(PHONES));
    expect(phones.every((p) => p.cases.length === 1 && p.postalItems.length === 1)).toBe(true);
    expect(phones.filter((p) => p.fiuHit.hit)).toHaveLength(50);
    const queries = Object.fromEntries(subgraphs.map((name) => [name, (th.hub.subgraphs[name]?.sqlQueries() ?? 0) - before[name]]));
    expect(queries).toEqual({ customs: 1, police: 1, fiu: 1, postal: 1 });
  });
});
