import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverageOf, startPolicyTestHub, type PolicyTestHub } from "../../hub/policy-tests.js";
import { DEFAULT_POLICY_DIR } from "../../policies/index.js";
import { readPolicyCases } from "../../policies/testing/index.js";

const CASES_DIR = `${DEFAULT_POLICY_DIR}/cases`;
// Read at collection time so that each case is its own test, named by file and case.
const cases = await readPolicyCases(CASES_DIR);

let hub: PolicyTestHub;
beforeAll(async () => {
  hub = await startPolicyTestHub(DEFAULT_POLICY_DIR);
});
afterAll(async () => {
  await hub?.close();
});

describe("the default policy set", () => {
  it("is covered: every rule is named by some case, and no case names a rule the set lacks", () => {
    expect(cases.length).toBeGreaterThanOrEqual(44);
    expect(coverageOf(hub.set, cases)).toEqual({ uncovered: [], unknown: [] });
  });

  for (const policyCase of cases) {
    it(`${policyCase.file}: ${policyCase.name}`, async () => {
      expect(await hub.run(policyCase)).toEqual([]);
    });
  }
});
