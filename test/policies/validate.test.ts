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
const valid = { id: "test.rule", description: "A rule written for a test.", target: "Seizure.place", effect: "allow" };

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
      rules: [{ ...valid, when: { subject: { agency: ["NAVY"], minClearance: 7 }, purpose: ["curiosity"], record: { handling: ["PINK"] } } }],
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
    expect(await problemsOf({ rules: [{ ...valid, target: "Phone.cases", when: { record: { ownAgency: true } } }] })).toEqual([
      'test.yaml: rule "test.rule": target Phone.cases: record conditions need a record type or a type nested in one',
    ]);
  });

  it("refuses two rules with one id", async () => {
    expect(await problemsOf({ rules: [valid, valid] })).toEqual(['test.yaml: rule "test.rule": id is already used in test.yaml']);
  });
});
