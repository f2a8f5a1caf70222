import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { mintDevToken } from "../platform/auth/index.js";
import { loadConfig } from "../platform/config.js";
import { checkCase, readPolicyCases, type GraphQLAnswer, type PolicyCase } from "../policies/testing/index.js";
import { CompiledPolicy, loadPolicySet } from "../policies/index.js";
import { readSupergraph } from "../schema/supergraph.js";
import { seedDemo } from "../demo/index.js";
import { startHub } from "./start-hub.js";

export interface CaseResult {
  readonly policyCase: PolicyCase;
  readonly failures: readonly string[];
}

export interface PolicyTestReport {
  readonly version: string;
  readonly results: readonly CaseResult[];
  /** Rules of the set that no case says it covers. */
  readonly uncovered: readonly string[];
  /** Rule ids named in `covers` that the set does not have. */
  readonly unknown: readonly string[];
  readonly ok: boolean;
}

/**
 * Runs policy test cases against a real hub: the policy set under test, in-memory embedded
 * databases with the deterministic demo data, each case's query through the gateway as its
 * subject. Nothing outside a temporary folder is touched.
 */
export async function runPolicyTests(policyDir: string, casesDir: string): Promise<PolicyTestReport> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-policy-test-"));
  // A clean environment: never the deployment's databases.
  const config = loadConfig({ LIAISON_DATA_DIR: dataDir, POLICY_DIR: policyDir });
  const set = await loadPolicySet(policyDir, await readSupergraph(), config.purposes);
  const cases = await readPolicyCases(casesDir);
  const compiled = new CompiledPolicy(set);
  const hub = await startHub({ config, inMemory: true, randomPorts: true, policy: () => compiled });
  try {
    const db = (name: string) => hub.subgraphs[name]?.dataSource as DataSource;
    await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, config);
    const results: CaseResult[] = [];
    for (const policyCase of cases) {
      const token = await mintDevToken(config, { sub: `policy-test-${policyCase.subject.agency.toLowerCase()}`, ...policyCase.subject });
      const response = await fetch(hub.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": policyCase.purpose },
        body: JSON.stringify({ query: policyCase.query, variables: policyCase.variables }),
      });
      results.push({ policyCase, failures: checkCase(policyCase, (await response.json()) as GraphQLAnswer) });
    }
    const ids = new Set(set.rules.map((r) => r.id));
    const covered = new Set(cases.flatMap((c) => c.covers));
    const uncovered = [...ids].filter((id) => !covered.has(id));
    const unknown = [...covered].filter((id) => !ids.has(id));
    return { version: set.version, results, uncovered, unknown, ok: results.every((r) => r.failures.length === 0) && uncovered.length === 0 && unknown.length === 0 };
  } finally {
    await hub.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
