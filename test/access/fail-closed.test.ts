import { graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { enforcePolicies, Reachability } from "../../platform/access/index.js";
import { loadConfig } from "../../platform/config.js";
import { CompiledPolicy, supergraphSchema, type PolicyRule } from "../../policies/index.js";
import { Agency } from "../../schema/enums.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";

const rule = (r: Partial<PolicyRule> & Pick<PolicyRule, "id" | "effect" | "target">): PolicyRule => ({ description: "a rule for a test", ...r });
const subject = { sub: "s", agency: Agency.POLICE, roles: ["analyst"], clearance: 2, operations: [], issuer: "test" };

describe("fail closed", () => {
  it("denies a nested value whose record's envelope is missing when a deny or mask would read it", () => {
    const policy = new CompiledPolicy({
      version: "v1",
      rules: [
        rule({ id: "deny.red-parties", effect: "deny", target: ["SeizureParty.name"], when: { record: { handling: ["RED"] } } }),
        rule({ id: "mask.iban", effect: "mask", mask: "last4", target: ["IdentifierRef.value"], when: { record: { ownAgency: false }, parent: { kind: ["IBAN"] } } }),
      ],
    }).forCaller(subject, "investigation");
    expect(policy.blindDenial("SeizureParty", "name")).toEqual({ effect: "deny", rule: "deny.red-parties" });
    expect(policy.blindDenial("IdentifierRef", "value", { kind: "IBAN" })).toEqual({ effect: "deny", rule: "mask.iban" });
    // A rule that does not apply to this value (its parent condition fails) reads no envelope.
    expect(policy.blindDenial("IdentifierRef", "value", { kind: "PHONE" })).toBeNull();
    expect(policy.blindDenial("SeizureParty", "nationality")).toBeNull();
  });

  it("refuses every data field and _entities when a request has no access context", async () => {
    const customs = SUBGRAPHS.find((s) => s.name === "customs");
    const schema = enforcePolicies(await customs!.buildSchema(loadConfig({})), new Reachability(supergraphSchema(await readSupergraph())));
    const noAccess = { message: "Not authorised: no verified subject and purpose", extensions: { code: "FORBIDDEN", rule: "no-subject" } };
    const list = await graphql({ schema, source: `{ seizures { totalCount } }`, contextValue: { access: null } });
    expect(list.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([noAccess]);
    const entities = await graphql({
      schema,
      source: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Phone { e164 } } }`,
      variableValues: { r: [{ __typename: "Phone", e164: "+447700900190" }] },
      contextValue: { access: null },
    });
    expect(entities.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([noAccess]);
    expect(entities.data).toBeNull();
  });
});
