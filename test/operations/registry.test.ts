import type { DataSource } from "typeorm";
import { describe, expect, it } from "vitest";
import { OperationRegistry, operationsChanged, withEffectiveOperations, type JointOperation } from "../../platform/operations/index.js";
import type { Subject } from "../../schema/subject.js";
import { Agency } from "../../schema/enums.js";

const subject = (agency: Agency, operations: string[]): Subject => ({ sub: "s", agency, roles: ["officer"], clearance: 0, operations, issuer: "test" });
const NOW = new Date("2026-03-01T12:00:00Z");

/** A registry loaded from fixed rows (the registry only calls `query` on its data source). */
async function registry(rows: JointOperation[]): Promise<OperationRegistry> {
  const registry = new OperationRegistry();
  // A stand-in for TypeORM's DataSource: only `query` is used.
  await registry.load({ query: async () => rows } as unknown as DataSource);
  return registry;
}

const HARBOUR: JointOperation = { id: "OP-HARBOUR", name: "Harbour", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null };

describe("the joint-operation registry", () => {
  it("counts a claim for a member agency within the operation's validity", async () => {
    expect((await registry([HARBOUR])).effectiveOperations(subject(Agency.CUSTOMS, ["OP-HARBOUR"]), NOW)).toEqual(["OP-HARBOUR"]);
  });

  it("drops a claim from an agency that is not a member", async () => {
    expect((await registry([HARBOUR])).effectiveOperations(subject(Agency.POSTAL, ["OP-HARBOUR"]), NOW)).toEqual([]);
  });

  it("drops a claim to an operation the registry does not have, and every claim when it is empty", async () => {
    expect((await registry([HARBOUR])).effectiveOperations(subject(Agency.POLICE, ["OP-HARBOUR", "OP-MADE-UP"]), NOW)).toEqual(["OP-HARBOUR"]);
    expect((await registry([])).effectiveOperations(subject(Agency.POLICE, ["OP-HARBOUR"]), NOW)).toEqual([]);
  });

  it("counts an operation from its first to its last day (UTC), and not outside them", async () => {
    const r = await registry([{ ...HARBOUR, validFrom: "2026-03-01", validTo: "2026-03-31" }]);
    const police = subject(Agency.POLICE, ["OP-HARBOUR"]);
    expect(r.effectiveOperations(police, new Date("2026-02-28T23:59:59Z"))).toEqual([]);
    expect(r.effectiveOperations(police, new Date("2026-03-01T00:00:00Z"))).toEqual(["OP-HARBOUR"]);
    expect(r.effectiveOperations(police, new Date("2026-03-31T23:59:59Z"))).toEqual(["OP-HARBOUR"]);
    expect(r.effectiveOperations(police, new Date("2026-04-01T00:00:00Z"))).toEqual([]);
  });

  it("gives policies a subject with only the operations that count, and none without a registry", async () => {
    const claimed = subject(Agency.POSTAL, ["OP-HARBOUR"]);
    expect(withEffectiveOperations(claimed, await registry([HARBOUR]), NOW)).toEqual({ ...claimed, operations: [] });
    expect(withEffectiveOperations(claimed, undefined, NOW)).toEqual({ ...claimed, operations: [] });
    const member = subject(Agency.POLICE, ["OP-HARBOUR"]);
    expect(withEffectiveOperations(member, await registry([HARBOUR]), NOW)).toBe(member);
  });

  it("reads again after a read already under way, so a refresh asked after an edit never keeps the rows from before it", async () => {
    let table: JointOperation[] = [];
    let gate: Promise<void> | undefined;
    let release = () => {};
    // The first read after the gate is set takes the table as it is, then waits.
    const source = { query: async () => { const rows = table; const wait = gate; gate = undefined; if (wait) await wait; return rows; } } as unknown as DataSource;
    const r = new OperationRegistry();
    await r.load(source);
    gate = new Promise<void>((resolve) => (release = resolve));
    const poll = r.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    table = [HARBOUR];
    const afterEdit = r.refresh();
    release();
    await Promise.all([poll, afterEdit]);
    expect(r.get("OP-HARBOUR")).toEqual(HARBOUR);
  });

  it("re-reads at once when told its database's operations changed; registries of another database do not", async () => {
    let table: JointOperation[] = [];
    const source = { query: async () => table } as unknown as DataSource;
    const other = { query: async () => table } as unknown as DataSource;
    const [watching, elsewhere] = [new OperationRegistry(), new OperationRegistry()];
    watching.watch(source, 60_000);
    elsewhere.watch(other, 60_000);
    table = [HARBOUR];
    await operationsChanged(source);
    expect([watching.get("OP-HARBOUR"), elsewhere.get("OP-HARBOUR")]).toEqual([HARBOUR, undefined]);
    watching.stop();
    table = [];
    await operationsChanged(source);
    expect(watching.get("OP-HARBOUR")).toEqual(HARBOUR);
    elsewhere.stop();
  });
});
