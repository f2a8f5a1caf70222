import { describe, expect, it } from "vitest";
import { visibilitySql } from "../../platform/access/visibility-sql.js";
import { CompiledPolicy, justificationNames, type PolicyRule, type RecordEnvelope } from "../../policies/index.js";
import { Agency } from "../../schema/enums.js";
import type { Subject } from "../../schema/subject.js";

/* The conditions only grants use: record ids, a case named in the justification, a person, an expiry. */

const police = (extra: Partial<Subject> = {}): Subject => ({ sub: "ana", agency: Agency.POLICE, roles: ["analyst"], clearance: 2, operations: [], issuer: "idp", ...extra });
const report = (id: string): RecordEnvelope => ({ type: "FiuReport", id, originAgency: "FIU", handling: "AMBER", operationId: null, sourceGrade: "B", infoGrade: 2 });

const grant = (when: PolicyRule["when"]): PolicyRule => ({ id: "grant.g1", description: "a grant for a test", target: ["FiuReport.*"], effect: "allow", when });
const policy = (rules: PolicyRule[]) => new CompiledPolicy({ version: "v1", rules });

describe("justificationNames", () => {
  it.each([
    ["POL-2026-0042", true],
    ["POL-2026-0042: courier network", true],
    ["re (POL-2026-0042), urgent", true],
    ["case POL-2026-0042.", true],
    ["POL-2026-00421 courier", false],
    ["XPOL-2026-0042", false],
    ["POL-2026-0042/2", false],
    ["pol-2026-0042", false],
    ["", false],
  ])("%j names POL-2026-0042: %s", (justification, expected) => {
    expect(justificationNames(justification, "POL-2026-0042")).toBe(expected);
  });

  it("never matches without a justification", () => {
    expect(justificationNames(null, "POL-2026-0042")).toBe(false);
  });
});

describe("grant conditions in decisions", () => {
  const consent = grant({ subject: { agency: ["POLICE"], roles: ["analyst"] }, purpose: ["investigation"], caseReference: ["POL-1"], record: { ids: ["r1"] }, validUntil: new Date(Date.now() + 60_000).toISOString() });

  it("allows only the granted record, only for a justification naming the case", () => {
    const set = policy([consent]);
    const named = set.forCaller(police(), "investigation", "POL-1 courier");
    expect(named.decide("FiuReport", "reference", report("r1"), "governed")).toEqual({ effect: "allow", rule: "grant.g1" });
    expect(named.decide("FiuReport", "reference", report("r2"), "governed")).toEqual({ effect: "deny", rule: "default-deny" });
    expect(set.forCaller(police(), "investigation", "courier").decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("deny");
    expect(set.forCaller(police(), "investigation", null).decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("deny");
    expect(set.forCaller(police(), "intelligence", "POL-1").decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("deny");
  });

  it("keeps callers with different justifications apart only while a grant reads it", () => {
    const withGrant = policy([consent]);
    expect(withGrant.forCaller(police(), "investigation", "POL-1")).not.toBe(withGrant.forCaller(police(), "investigation", "other"));
    const without = policy([]);
    expect(without.forCaller(police(), "investigation", "POL-1")).toBe(without.forCaller(police(), "investigation", "other"));
  });

  it("names a person by issuer and subject; a colleague of the same profile is not them", () => {
    const set = policy([grant({ subject: { agency: ["POLICE"], subjects: ["idp ana"] }, record: { ids: ["r1"] } })]);
    expect(set.forCaller(police(), "investigation").decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("allow");
    expect(set.forCaller(police({ sub: "bob" }), "investigation").decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("deny");
    expect(set.forCaller(police({ issuer: "other-idp" }), "investigation").decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("deny");
  });

  it("stops at validUntil on a caller policy made before, with no new set", async () => {
    const set = policy([grant({ subject: { agency: ["POLICE"], roles: ["analyst"] }, record: { ids: ["r1"] }, validUntil: new Date(Date.now() + 150).toISOString() })]);
    const caller = set.forCaller(police(), "investigation");
    expect(caller.decide("FiuReport", "reference", report("r1"), "governed").effect).toBe("allow");
    expect(caller.visibility("FiuReport").allowRules).toEqual(["grant.g1"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(caller.decide("FiuReport", "reference", report("r1"), "governed")).toEqual({ effect: "deny", rule: "default-deny" });
    expect(caller.visibility("FiuReport").allowRules).toEqual([]);
    expect(caller.mayServe("FiuReport", "reference", "governed")).toBe(false);
  });

  it("turns record ids into a bound SQL condition (ids never in the SQL text)", () => {
    const caller = policy([grant({ subject: { agency: ["POLICE"], roles: ["analyst"] }, record: { ids: ["r1", "x' OR 1=1 --"] } })]).forCaller(police(), "investigation");
    const predicate = visibilitySql("r", caller.visibility("FiuReport"), police(), "id", "FIU");
    expect(predicate.sql).toBe("((r.id::text IN (:...v_id_1)))");
    expect(predicate.params).toEqual({ v_id_1: ["r1", "x' OR 1=1 --"] });
  });
});
