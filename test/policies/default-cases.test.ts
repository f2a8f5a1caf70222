import { describe, expect, it } from "vitest";
import { runPolicyTests } from "../../hub/policy-tests.js";
import { DEFAULT_POLICY_DIR } from "../../policies/index.js";

describe("the default policy set", () => {
  it("passes every test case in policies/default/cases, and every rule is covered by one", async () => {
    const report = await runPolicyTests(DEFAULT_POLICY_DIR, `${DEFAULT_POLICY_DIR}/cases`);
    const failures = report.results.filter((r) => r.failures.length > 0).map((r) => `${r.policyCase.name}: ${r.failures.join("; ")}`);
    expect(failures).toEqual([]);
    expect(report.uncovered).toEqual([]);
    expect(report.unknown).toEqual([]);
    expect(report.results.length).toBeGreaterThanOrEqual(29);
  });
});
