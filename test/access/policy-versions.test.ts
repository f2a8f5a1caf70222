import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompiledPolicy, DEFAULT_POLICY_DIR, loadPolicySet, type PolicyRule, type PolicySet } from "../../policies/index.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * Which fields are checked and which masked is decided by the policy version a request runs
 * under, not fixed when a service starts: a rule added later on a field no earlier rule targeted
 * applies on the next request, without a restart.
 */

let th: TestHub;
let base: PolicySet;
let current: CompiledPolicy;
const use = (version: string, extra: PolicyRule[]) => {
  current = new CompiledPolicy({ version, rules: [...base.rules, ...extra] });
};
const onDescription = (rule: Pick<PolicyRule, "id" | "effect"> & Partial<PolicyRule>): PolicyRule => ({
  description: "test rule on a field no default rule targets",
  target: ["CommodityLine.description"],
  when: { subject: { agency: ["CUSTOMS"] } },
  ...rule,
});

beforeAll(async () => {
  base = await loadPolicySet(DEFAULT_POLICY_DIR, await readSupergraph(), ["investigation", "risk-analysis", "intelligence", "audit"]);
  current = new CompiledPolicy(base);
  th = await startTestHub({ policy: () => current });
  const token = await th.token("CUSTOMS", { roles: ["officer"] });
  const r = await th.query(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: seizureInput({ reference: "PV-1", phone: "+447700900820", handling: "GREEN" }) }, { token });
  expect(r.errors).toBeUndefined();
});
afterAll(async () => {
  await th?.close();
});

async function description() {
  const r = await th.query<{ seizures: { edges: Array<{ node: { commodities: Array<{ description: string | null }> } }> } }>(
    `{ seizures(filter: { reference: "PV-1" }) { edges { node { commodities { description } } } } }`,
    {},
    { token: await th.token("CUSTOMS", { roles: ["officer"] }) },
  );
  return { description: r.data?.seizures.edges[0]?.node.commodities[0]?.description ?? null, errors: r.errors?.map((e) => e.extensions) };
}

describe("policy versions decide per request", () => {
  it("serves the field while no rule targets it, masks it once a version adds a mask, denies it once one adds a deny", async () => {
    expect(await description()).toEqual({ description: "synthetic cannabinoid powder", errors: undefined });
    use("test-mask", [onDescription({ id: "test.mask-description", effect: "mask", mask: "redact" })]);
    expect(await description()).toEqual({ description: "[redacted]", errors: undefined });
    use("test-deny", [onDescription({ id: "test.deny-description", effect: "deny" })]);
    expect(await description()).toEqual({ description: null, errors: [{ code: "FORBIDDEN", rule: "test.deny-description", service: "customs" }] });
    current = new CompiledPolicy(base);
    expect(await description()).toEqual({ description: "synthetic cannabinoid powder", errors: undefined });
  });

  it("notes the version each delivery ran under in the audit", async () => {
    use("test-audited", [onDescription({ id: "test.mask-description-2", effect: "mask", mask: "redact" })]);
    await description();
    const rows = (await th.hub.subgraphs.customs?.dataSource?.query(`SELECT fields_masked FROM access_audit WHERE policy_version = 'test-audited'`)) as Array<{ fields_masked: string[] }>;
    expect(rows).toEqual([{ fields_masked: ["CommodityLine.description"] }]);
  });
});
