import { describe, expect, it } from "vitest";
import { isObjectType } from "graphql";
import { applyMask, CompiledPolicy, DEFAULT_POLICY_DIR, isVisible, loadPolicySet, supergraphSchema, type PolicyRule, type RecordEnvelope } from "../../policies/index.js";
import type { Subject } from "../../schema/subject.js";
import { Agency, AGENCIES } from "../../schema/enums.js";
import { readSupergraph } from "../../schema/supergraph.js";

const subject = (agency: Agency, extra: Partial<Subject> = {}): Subject => ({
  sub: "s", agency, roles: ["analyst"], clearance: 2, operations: [], issuer: "test", ...extra,
});
const record = (extra: Partial<RecordEnvelope> = {}): RecordEnvelope => ({
  type: "Seizure", id: "1", originAgency: "CUSTOMS", handling: "AMBER", operationId: null, sourceGrade: "B", infoGrade: 2, ...extra,
});
const rule = (r: Partial<PolicyRule> & Pick<PolicyRule, "id" | "effect" | "target">): PolicyRule => ({ description: "a rule for a test", ...r });

const policy = (rules: PolicyRule[]) => new CompiledPolicy({ version: "v1", rules });

describe("policy decisions", () => {
  it("denies a governed field no rule allows, naming default-deny", () => {
    const p = policy([]).forCaller(subject(Agency.POLICE), "investigation");
    expect(p.decide("Seizure", "place", record(), "governed")).toEqual({ effect: "deny", rule: "default-deny" });
  });

  it("lets a value-type field inherit when no rule targets it", () => {
    const p = policy([]).forCaller(subject(Agency.POLICE), "investigation");
    expect(p.decide("CommodityLine", "code", record(), "value")).toEqual({ effect: "allow", rule: "inherited" });
  });

  it("lets a deny override an allow, and names the deny", () => {
    const p = policy([
      rule({ id: "allow.all", effect: "allow", target: ["Seizure.*"] }),
      rule({ id: "deny.red", effect: "deny", target: ["Seizure.*"], when: { record: { handling: ["RED"] } } }),
    ]).forCaller(subject(Agency.POLICE), "investigation");
    expect(p.decide("Seizure", "place", record({ handling: "RED" }), "governed")).toEqual({ effect: "deny", rule: "deny.red" });
    expect(p.decide("Seizure", "place", record({ handling: "GREEN" }), "governed")).toEqual({ effect: "allow", rule: "allow.all" });
  });

  it("masks only what is allowed: a mask rule alone grants nothing", () => {
    const masks = rule({ id: "mask.notes", effect: "mask", mask: "redact", target: ["Seizure.officerNotes"] });
    const alone = policy([masks]).forCaller(subject(Agency.POLICE), "investigation");
    expect(alone.decide("Seizure", "officerNotes", record(), "governed")).toEqual({ effect: "deny", rule: "default-deny" });
    const allowed = policy([masks, rule({ id: "allow.all", effect: "allow", target: ["Seizure.*"] })]).forCaller(subject(Agency.POLICE), "investigation");
    expect(allowed.decide("Seizure", "officerNotes", record(), "governed")).toEqual({ effect: "mask", rule: "mask.notes", mask: "redact" });
  });

  it("matches subject, purpose and clearance conditions", () => {
    const set = policy([rule({ id: "hit", effect: "allow", target: ["Phone.fiuHit"], when: { subject: { agency: ["POLICE"], minClearance: 2 }, purpose: ["investigation"] } })]);
    expect(set.forCaller(subject(Agency.POLICE), "investigation").decide("Phone", "fiuHit", null, "governed").effect).toBe("allow");
    expect(set.forCaller(subject(Agency.POLICE), "intelligence").decide("Phone", "fiuHit", null, "governed").effect).toBe("deny");
    expect(set.forCaller(subject(Agency.POLICE, { clearance: 1 }), "investigation").decide("Phone", "fiuHit", null, "governed").effect).toBe("deny");
    expect(set.forCaller(subject(Agency.POSTAL), "investigation").decide("Phone", "fiuHit", null, "governed").effect).toBe("deny");
  });

  it("tests own agency and joint-operation membership against the record", () => {
    const set = policy([
      rule({ id: "own", effect: "allow", target: ["Seizure.*"], when: { record: { ownAgency: true } } }),
      rule({ id: "op", effect: "allow", target: ["Seizure.*"], when: { record: { inSubjectOperation: true, handling: ["AMBER"] } } }),
    ]);
    const inOp = set.forCaller(subject(Agency.POLICE, { operations: ["OP-1"] }), "investigation");
    expect(inOp.decide("Seizure", "place", record({ operationId: "OP-1" }), "governed").rule).toBe("op");
    expect(inOp.decide("Seizure", "place", record({ operationId: "OP-2" }), "governed").rule).toBe("default-deny");
    expect(set.forCaller(subject(Agency.CUSTOMS), "investigation").decide("Seizure", "place", record(), "governed").rule).toBe("own");
  });

  it("tests conditions on the object holding the field", () => {
    const set = policy([rule({ id: "iban", effect: "mask", mask: "last4", target: ["IdentifierRef.value"], when: { parent: { kind: ["IBAN"] } } })]);
    const p = set.forCaller(subject(Agency.POLICE), "investigation");
    expect(p.decide("IdentifierRef", "value", record(), "value", { kind: "IBAN", value: "x" }).effect).toBe("mask");
    expect(p.decide("IdentifierRef", "value", record(), "value", { kind: "PHONE", value: "x" }).effect).toBe("allow");
  });

  it("derives record visibility from the rules on Type.id", () => {
    const set = policy([
      rule({ id: "green", effect: "allow", target: ["Seizure.*"], when: { record: { handling: ["GREEN", "AMBER"] } } }),
      rule({ id: "no-strict", effect: "deny", target: ["Seizure.*"], when: { record: { handling: ["AMBER"], ownAgency: false } } }),
    ]);
    const s = subject(Agency.POLICE);
    const visibility = set.forCaller(s, "investigation").visibility("Seizure");
    expect(isVisible(visibility, record({ handling: "GREEN" }), s)).toBe(true);
    expect(isVisible(visibility, record({ handling: "AMBER" }), s)).toBe(false);
    expect(isVisible(visibility, record({ handling: "RED" }), s)).toBe(false);
  });

  it("shares one compiled caller policy among subjects with the same profile", () => {
    const set = policy([]);
    expect(set.forCaller(subject(Agency.POLICE, { sub: "a" }), "investigation")).toBe(set.forCaller(subject(Agency.POLICE, { sub: "b" }), "investigation"));
    expect(set.forCaller(subject(Agency.POLICE), "investigation")).not.toBe(set.forCaller(subject(Agency.POLICE), "audit"));
  });
});

describe("the default policy set and roles it does not name", () => {
  it.each(["guest", "external-auditor", "auditors"])("gives a %s token default-deny on every field an allow rule targets, whatever its agency", async (role) => {
    const sdl = await readSupergraph();
    const set = new CompiledPolicy(await loadPolicySet(DEFAULT_POLICY_DIR, sdl, ["investigation", "risk-analysis", "intelligence", "audit"]));
    const supergraph = supergraphSchema(sdl);
    // Every coordinate some allow rule targets, Type.* spelled out field by field.
    const coordinates = new Set<string>();
    for (const r of set.set.rules.filter((x) => x.effect === "allow")) {
      for (const target of r.target) {
        const [type = "", field = ""] = target.split(".");
        const object = supergraph.getType(type);
        if (field !== "*") coordinates.add(target);
        else if (isObjectType(object)) for (const name of Object.keys(object.getFields())) coordinates.add(`${type}.${name}`);
      }
    }
    expect(coordinates.size).toBeGreaterThan(100);
    // The same token as an analyst reads its own agency's case: the denials below are the role's doing.
    const analyst = set.forCaller(subject(Agency.POLICE, { clearance: 4 }), "investigation");
    expect(analyst.decide("Case", "summary", record({ originAgency: "POLICE", handling: "GREEN" }), "governed")).toEqual({ effect: "allow", rule: "own-agency.full" });
    const granted: string[] = [];
    for (const agency of AGENCIES) {
      // The most a token could claim: top clearance, the record's own agency and operation, GREEN.
      const caller = set.forCaller(subject(agency, { roles: [role], clearance: 4, operations: ["OP-1"] }), "investigation");
      const own = record({ originAgency: agency, handling: "GREEN", operationId: "OP-1" });
      for (const coordinate of [...coordinates].filter((c) => !c.startsWith("Mutation."))) {
        const [type = "", field = ""] = coordinate.split(".");
        const decision = caller.decide(type, field, own, "governed", { originAgency: agency, kind: "IBAN" });
        if (decision.effect !== "deny" || decision.rule !== "default-deny") granted.push(`${agency} ${coordinate}: ${decision.effect} by ${decision.rule}`);
      }
    }
    expect(granted).toEqual([]);
  });
});

describe("masks", () => {
  it.each([
    ["last4", "GB82WEST12345698765432", "******************5432"],
    ["initials", "Sam van der Berg", "S. V. D. B."],
    ["year-only", "1986-02-11", "1986"],
    ["redact", "anything", "[redacted]"],
  ] as const)("%s turns %s into %s", (strategy, value, masked) => {
    expect(applyMask(value, strategy)).toBe(masked);
  });

  it("masks every string of a list and withholds values that have no masked form", () => {
    expect(applyMask(["AB12", "GB82WEST12345698765432"], "last4")).toEqual(["****", "******************5432"]);
    expect(applyMask(42, "last4")).toBeNull();
    expect(applyMask(null, "last4")).toBeNull();
  });
});
