import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { mintDevToken } from "../platform/auth/index.js";
import { loadConfig } from "../platform/config.js";
import { checkCase, readPolicyCases, type GraphQLAnswer, type PolicyCase } from "../policies/testing/index.js";
import { CompiledPolicy, loadPolicySet, type PolicySet } from "../policies/index.js";
import { readSupergraph } from "../schema/supergraph.js";
import { seedDemo, seedDemoOperations } from "../demo/index.js";
import { startHub } from "./start-hub.js";

export interface CaseResult {
  readonly policyCase: PolicyCase;
  readonly failures: readonly string[];
}

export interface Coverage {
  /** Rules of the set that no case says it covers. */
  readonly uncovered: readonly string[];
  /** Rule ids named in `covers` that the set does not have. */
  readonly unknown: readonly string[];
}

export interface PolicyTestReport extends Coverage {
  readonly version: string;
  readonly results: readonly CaseResult[];
  readonly ok: boolean;
}

/** A hub serving the policy set under test over the demo data, ready to run cases one by one. */
export interface PolicyTestHub {
  readonly set: PolicySet;
  /** Asks the case's query through the gateway as its subject; every way the answer differs (empty: it passes). */
  run(policyCase: PolicyCase): Promise<string[]>;
  close(): Promise<void>;
}

/** Which rules the cases cover, and which covered ids the set lacks. */
export function coverageOf(set: PolicySet, cases: readonly PolicyCase[]): Coverage {
  const ids = new Set(set.rules.map((r) => r.id));
  const covered = new Set(cases.flatMap((c) => c.covers));
  return { uncovered: [...ids].filter((id) => !covered.has(id)), unknown: [...covered].filter((id) => !ids.has(id)) };
}

/**
 * Starts a real hub for policy test cases: the policy set under test, in-memory embedded
 * databases with the deterministic demo data and the demo's joint operations. Nothing outside a temporary folder is touched.
 */
export async function startPolicyTestHub(policyDir: string): Promise<PolicyTestHub> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-policy-test-"));
  // A clean environment: never the deployment's databases.
  const config = loadConfig({ LIAISON_DATA_DIR: dataDir, POLICY_DIR: policyDir });
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  let set: PolicySet;
  let hub: Awaited<ReturnType<typeof startHub>>;
  try {
    set = await loadPolicySet(policyDir, await readSupergraph(), config.purposes);
    const compiled = new CompiledPolicy(set);
    hub = await startHub({ config, inMemory: true, randomPorts: true, policy: () => compiled });
  } catch (error) {
    await removeDir();
    throw error;
  }
  try {
    const db = (name: string) => hub.subgraphs[name]?.dataSource as DataSource;
    await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, config);
    await seedDemoOperations(hub);
  } catch (error) {
    await hub.close();
    await removeDir();
    throw error;
  }
  return {
    set,
    async run(policyCase) {
      const token = await mintDevToken(config, { sub: `policy-test-${policyCase.subject.agency.toLowerCase()}`, ...policyCase.subject });
      const response = await fetch(hub.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": policyCase.purpose },
        body: JSON.stringify({ query: policyCase.query, variables: policyCase.variables }),
      });
      return checkCase(policyCase, (await response.json()) as GraphQLAnswer);
    },
    async close() {
      await hub.close();
      await removeDir();
    },
  };
}

/** Runs every case of `casesDir` against one hub (the `npm run policy -- test` command). */
export async function runPolicyTests(policyDir: string, casesDir: string): Promise<PolicyTestReport> {
  const cases = await readPolicyCases(casesDir);
  const hub = await startPolicyTestHub(policyDir);
  try {
    const results: CaseResult[] = [];
    for (const policyCase of cases) results.push({ policyCase, failures: await hub.run(policyCase) });
    const coverage = coverageOf(hub.set, cases);
    const ok = results.every((r) => r.failures.length === 0) && coverage.uncovered.length === 0 && coverage.unknown.length === 0;
    return { version: hub.set.version, results, ...coverage, ok };
  } finally {
    await hub.close();
  }
}
