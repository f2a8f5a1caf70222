import { describe, expect, it } from "vitest";
import { buildPolicySet, PolicyError } from "../../policies/index.js";
import { readSupergraph } from "../../schema/supergraph.js";

const PURPOSES = ["investigation", "risk-analysis", "intelligence", "audit"];
const problemsOf = async (content: unknown): Promise<readonly string[]> => {
  try {
    buildPolicySet([{ file: "test.yaml", content }], await readSupergraph(), PURPOSES);
    return [];
  } catch (error) {
    if (error instanceof PolicyError) return error.problems;
    throw error;
  }
};
const analysts = { subject: { roles: ["analyst"] } };
const valid = { id: "test.rule", description: "A rule written for a test.", target: "Seizure.place", effect: "allow", when: analysts };
const at = 'test.yaml: rule "test.rule"';

describe("policy validation", () => {
  it("accepts a well-formed rule and versions the set by its content", async () => {
    const supergraph = await readSupergraph();
    const a = buildPolicySet([{ file: "a.yaml", content: { rules: [valid] } }], supergraph, PURPOSES);
    const b = buildPolicySet([{ file: "b.yaml", content: { rules: [valid] } }], supergraph, PURPOSES);
    const c = buildPolicySet([{ file: "a.yaml", content: { rules: [{ ...valid, target: "Seizure.country" }] } }], supergraph, PURPOSES);
    expect(a.rules).toHaveLength(1);
    expect(a.version).toBe(b.version);
    expect(a.version).not.toBe(c.version);
  });

  it("refuses rules on the administration and audit APIs, which policies do not govern", async () => {
    expect(await problemsOf({ rules: [{ ...valid, target: ["Mutation.approvePolicyChange", "Query.grants", "PolicyDocument.*", "Query.accessLog", "Query.phone"] }] })).toEqual([
      `${at}: target Mutation.approvePolicyChange: served by the administration and audit APIs, which are authorised in code, never by policies`,
      `${at}: target Query.grants: served by the administration and audit APIs, which are authorised in code, never by policies`,
      `${at}: target PolicyDocument.*: served by the administration and audit APIs, which are authorised in code, never by policies`,
      `${at}: target Query.accessLog: served by the administration and audit APIs, which are authorised in code, never by policies`,
    ]);
  });

  it("names file, rule and reason for a target missing from the supergraph", async () => {
    expect(await problemsOf({ rules: [{ ...valid, target: ["Seizure.colour", "Parcel.*"] }] })).toEqual([
      'test.yaml: rule "test.rule": target Seizure.colour: Seizure has no field colour',
      'test.yaml: rule "test.rule": target Parcel.*: no object type Parcel in the supergraph',
    ]);
  });

  it("reports every shape problem of a rule at once", async () => {
    expect(await problemsOf({ rules: [{ id: "X", description: "short", target: "nope", effect: "hide", colour: "red" }] })).toEqual([
      'test.yaml: rule "X": id must be 3-80 characters of a-z, 0-9, "." and "-"',
      'test.yaml: rule "X": description must say what the rule is for (10+ characters)',
      'test.yaml: rule "X": target must be "Type.field", "Type.*" or a list of them',
      'test.yaml: rule "X": effect must be one of allow, deny, mask',
      'test.yaml: rule "X": unknown key "colour"',
    ]);
  });

  it("checks conditions: known agencies, purposes, handling codes and bounds", async () => {
    const problems = await problemsOf({
      rules: [{ ...valid, when: { subject: { agency: ["NAVY"], minClearance: 7, roles: ["analyst"] }, purpose: ["curiosity"], record: { handling: ["PINK"] } } }],
    });
    expect(problems).toEqual([
      'test.yaml: rule "test.rule": when.subject.minClearance must be an integer 0-4',
      'test.yaml: rule "test.rule": when.subject.agency must be a non-empty list of CUSTOMS, POLICE, FIU, POSTAL, HUB',
      'test.yaml: rule "test.rule": when.record.handling must be a non-empty list of CLEAR, GREEN, AMBER, AMBER_STRICT, RED',
      'test.yaml: rule "test.rule": when.purpose must be a non-empty list of investigation, risk-analysis, intelligence, audit',
    ]);
  });

  it("refuses a mask without a strategy and record conditions on an entity", async () => {
    expect(await problemsOf({ rules: [{ ...valid, effect: "mask" }] })).toEqual(['test.yaml: rule "test.rule": a mask rule needs mask: last4 | initials | year-only | redact']);
    expect(await problemsOf({ rules: [{ ...valid, target: "Phone.cases", when: { ...analysts, record: { ownAgency: true } } }] })).toEqual([
      'test.yaml: rule "test.rule": target Phone.cases: record conditions need a record type or a type nested in one',
    ]);
  });

  it("refuses two rules with one id", async () => {
    expect(await problemsOf({ rules: [valid, valid] })).toEqual(['test.yaml: rule "test.rule": id is already used in test.yaml']);
  });

  it("refuses an allow rule that grants by exclusion (notRoles without roles): unknown roles would get in", async () => {
    expect(await problemsOf({ rules: [{ ...valid, when: { subject: { agency: ["POLICE"], notRoles: ["auditor"] } } }] })).toEqual([
      `${at}: grants by exclusion: when.subject.notRoles without when.subject.roles lets every other role in, unknown ones included; list the roles it allows in when.subject.roles`,
    ]);
  });

  it("refuses an allow rule that lists no roles at all", async () => {
    const expected = [`${at}: an allow rule must list the roles it allows in when.subject.roles (without it every role, unknown ones included, is allowed)`];
    expect(await problemsOf({ rules: [{ ...valid, when: undefined }] })).toEqual(expected);
    expect(await problemsOf({ rules: [{ ...valid, when: { subject: { agency: ["POLICE"] }, record: { ownAgency: true } } }] })).toEqual(expected);
  });

  it("accepts roles with an exclusion beside them, and deny and mask rules without roles (they cannot let anyone in)", async () => {
    expect(await problemsOf({ rules: [{ ...valid, when: { subject: { roles: ["analyst"], notRoles: ["suspended"] } } }] })).toEqual([]);
    expect(await problemsOf({ rules: [{ ...valid, effect: "deny", when: { subject: { notRoles: ["auditor"] } } }] })).toEqual([]);
    expect(await problemsOf({ rules: [{ ...valid, effect: "mask", mask: "redact", when: { subject: { notAgency: ["FIU"] } } }] })).toEqual([]);
  });

  it("refuses when.parent on a record type's fields in the subgraph that owns the records (lists filter in SQL without it)", async () => {
    const parent = { ...analysts, parent: { originAgency: ["POLICE"] } };
    expect(await problemsOf({ rules: [{ ...valid, target: ["Case.summary", "Case.*", "PostalItem.id"], when: parent }] })).toEqual([
      `${at}: target Case.summary: when.parent cannot be enforced on Case, a record type, in the subgraph that owns its records (lists, counts and filters are decided in SQL, which does not test parent conditions); use when.record`,
      `${at}: target Case.*: when.parent cannot be enforced on Case, a record type, in the subgraph that owns its records (lists, counts and filters are decided in SQL, which does not test parent conditions); use when.record`,
      `${at}: target PostalItem.id: when.parent cannot be enforced on PostalItem, a record type, in the subgraph that owns its records (lists, counts and filters are decided in SQL, which does not test parent conditions); use when.record`,
    ]);
  });

  it("keeps when.parent on a record's field served elsewhere only for the fields that subgraph @requires", async () => {
    const on = (parent: Record<string, string[]>) => ({ ...valid, target: "PostalItem.customsHit", when: { subject: { agency: ["POSTAL"], roles: ["officer"] }, parent } });
    expect(await problemsOf({ rules: [on({ originAgency: ["POSTAL"] })] })).toEqual([]);
    expect(await problemsOf({ rules: [on({ handling: ["GREEN"] })] })).toEqual([]);
    expect(await problemsOf({ rules: [on({ operationId: ["OP-1"] })] })).toEqual([
      `${at}: target PostalItem.customsHit: when.parent.operationId: the subgraph serving PostalItem.customsHit does not @requires operationId, so it never sees it`,
    ]);
  });

  it("keeps when.parent on types nested in a record", async () => {
    expect(await problemsOf({ rules: [{ ...valid, effect: "mask", mask: "last4", target: "IdentifierRef.value", when: { parent: { kind: ["IBAN"] } } }] })).toEqual([]);
  });
});
