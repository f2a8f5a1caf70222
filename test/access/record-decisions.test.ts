import { describe, expect, it, vi } from "vitest";
import { AccessContext } from "../../platform/access/access-context.js";
import type { FieldSite } from "../../platform/access/record-decisions.js";
import { applyMask, CompiledPolicy, type PolicyRule, type RecordEnvelope } from "../../policies/index.js";
import { Agency } from "../../schema/enums.js";
import type { Subject } from "../../schema/subject.js";

/*
 * The per-request decision cache: a record's fields are decided once, records alike (all but the
 * id) share their decisions, records that differ are decided separately, and masks still apply.
 */

const subject: Subject = { sub: "s", agency: Agency.CUSTOMS, roles: ["analyst"], clearance: 2, operations: [], issuer: "test" };
const rule = (r: Partial<PolicyRule> & Pick<PolicyRule, "id" | "effect" | "target">): PolicyRule => ({ description: "a rule for a test", ...r });
const envelope = (extra: Partial<RecordEnvelope> = {}): RecordEnvelope => ({
  type: "PostalItem", id: "1", originAgency: "POSTAL", handling: "GREEN", operationId: null, sourceGrade: "B", infoGrade: 2, ...extra,
});
const site = (field: string): FieldSite => ({ type: "PostalItem", field, coordinate: `PostalItem.${field}`, kind: "governed" });

const RULES = [
  rule({ id: "allow.postal", effect: "allow", target: ["PostalItem.*"] }),
  rule({ id: "mask.amber-sender", effect: "mask", mask: "initials", target: ["PostalItem.senderName"], when: { record: { handling: ["AMBER"] } } }),
  rule({ id: "deny.red-reference", effect: "deny", target: ["PostalItem.reference"], when: { record: { handling: ["RED"] } } }),
];

function request(rules: PolicyRule[] = RULES) {
  const policy = new CompiledPolicy({ version: "v1", rules }).forCaller(subject, "investigation");
  const decide = vi.spyOn(policy, "decide");
  return { access: new AccessContext(policy, subject), decide };
}

describe("per-record decisions", () => {
  it("decides each field of a record once, however often the field is asked", () => {
    const { access, decide } = request();
    const record = envelope();
    for (let i = 0; i < 3; i += 1) {
      expect(access.decisions.decide(site("reference"), record, null)).toEqual({ effect: "allow", rule: "allow.postal" });
      expect(access.decisions.decide(site("senderName"), record, null)).toEqual({ effect: "allow", rule: "allow.postal" });
    }
    expect(decide).toHaveBeenCalledTimes(2);
  });

  it("shares the decisions of records alike but for their id, and decides a record with other handling separately", () => {
    const { access, decide } = request();
    access.decisions.decide(site("reference"), envelope({ id: "1" }), null);
    access.decisions.decide(site("reference"), envelope({ id: "2" }), null);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(access.decisions.decide(site("reference"), envelope({ id: "3", handling: "RED" }), null)).toEqual({ effect: "deny", rule: "deny.red-reference" });
    expect(access.decisions.decide(site("reference"), envelope({ id: "4", handling: "AMBER" }), null)).toEqual({ effect: "allow", rule: "allow.postal" });
    expect(decide).toHaveBeenCalledTimes(3);
    // An operation, a grade or another origin is another envelope too.
    access.decisions.decide(site("reference"), envelope({ id: "5", operationId: "OP-1" }), null);
    access.decisions.decide(site("reference"), envelope({ id: "6", infoGrade: 3 }), null);
    access.decisions.decide(site("reference"), envelope({ id: "7", originAgency: "CUSTOMS" }), null);
    expect(decide).toHaveBeenCalledTimes(6);
  });

  it("still masks: the masked record's value is masked, its neighbour's is not", () => {
    const { access, decide } = request();
    const amber = envelope({ id: "1", handling: "AMBER" });
    const green = envelope({ id: "2", handling: "GREEN" });
    const masked = access.decisions.decide(site("senderName"), amber, null);
    expect(masked).toEqual({ effect: "mask", rule: "mask.amber-sender", mask: "initials" });
    expect(applyMask("Anna Maria Svensson", masked.mask ?? "redact")).toBe("A. M. S.");
    expect(access.decisions.decide(site("senderName"), green, null)).toEqual({ effect: "allow", rule: "allow.postal" });
    // A second AMBER record reuses the mask decision.
    expect(access.decisions.decide(site("senderName"), envelope({ id: "3", handling: "AMBER" }), null)).toEqual(masked);
    expect(decide).toHaveBeenCalledTimes(2);
  });

  it("decides afresh where a rule names record ids or reads the parent object", () => {
    const { access, decide } = request([
      rule({ id: "allow.postal", effect: "allow", target: ["PostalItem.*"] }),
      rule({ id: "deny.one", effect: "deny", target: ["PostalItem.reference"], when: { record: { ids: ["2"] } } }),
      rule({ id: "mask.iban", effect: "mask", mask: "last4", target: ["PostalItem.senderName"], when: { parent: { kind: ["IBAN"] } } }),
    ]);
    expect(access.decisions.decide(site("reference"), envelope({ id: "1" }), null)).toEqual({ effect: "allow", rule: "allow.postal" });
    expect(access.decisions.decide(site("reference"), envelope({ id: "2" }), null)).toEqual({ effect: "deny", rule: "deny.one" });
    expect(access.decisions.decide(site("senderName"), envelope(), { kind: "IBAN" })).toEqual({ effect: "mask", rule: "mask.iban", mask: "last4" });
    expect(access.decisions.decide(site("senderName"), envelope(), { kind: "PHONE" })).toEqual({ effect: "allow", rule: "allow.postal" });
    expect(decide).toHaveBeenCalledTimes(4);
  });

  it("keeps no decision between requests", () => {
    const first = request();
    first.access.decisions.decide(site("reference"), envelope(), null);
    const second = new AccessContext(first.access.policy, subject);
    second.decisions.decide(site("reference"), envelope(), null);
    expect(first.decide).toHaveBeenCalledTimes(2);
  });
});
