import "reflect-metadata";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../platform/config.js";
import { loadPolicySet, PolicyError } from "../policies/index.js";
import { readSupergraph } from "../schema/supergraph.js";
import { runPolicyTests } from "../hub/policy-tests.js";

const USAGE = `usage: npm run policy -- check [dir]    validate the policy documents (default POLICY_DIR or policies/default)
       npm run policy -- test [dir]     run the test cases in <dir>/cases against a hub with demo data`;

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [command, dirArg] = positionals;
if (command !== "check" && command !== "test") {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const config = loadConfig();
const dir = dirArg ? path.resolve(dirArg) : config.policyDir;

try {
  if (command === "check") {
    const set = await loadPolicySet(dir, await readSupergraph(), config.purposes);
    process.stdout.write(`${dir}: ${set.rules.length} rules, valid, version ${set.version}\n`);
    process.exit(0);
  }
  const report = await runPolicyTests(dir, path.join(dir, "cases"));
  for (const { policyCase, failures } of report.results) {
    process.stdout.write(`${failures.length === 0 ? "PASS" : "FAIL"}  ${policyCase.file}: ${policyCase.name}\n`);
    for (const failure of failures) process.stdout.write(`        ${failure}\n`);
  }
  for (const id of report.uncovered) process.stdout.write(`UNCOVERED  rule ${id} has no test case\n`);
  for (const id of report.unknown) process.stdout.write(`UNKNOWN    a case covers rule ${id}, which the set does not have\n`);
  const passed = report.results.filter((r) => r.failures.length === 0).length;
  process.stdout.write(`${passed}/${report.results.length} cases passed, ${report.uncovered.length} rules uncovered (policy version ${report.version})\n`);
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`${error instanceof PolicyError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
