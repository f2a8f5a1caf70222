import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { mintDevToken } from "../platform/auth/index.js";
import { loadConfig } from "../platform/config.js";
import { checkCase, coverageOf, readPolicyCases, type Coverage, type GraphQLAnswer, type PolicyCase } from "../policies/testing/index.js";
import { CompiledPolicy, loadPolicySet, type PolicySet } from "../policies/index.js";
import { readSupergraph } from "../schema/supergraph.js";
import { seedDemo, seedDemoOperations } from "../demo/index.js";
import { startHub } from "./start-hub.js";

export { coverageOf, type Coverage } from "../policies/testing/index.js";

export interface CaseResult {
  readonly policyCase: PolicyCase;
  readonly failures: readonly string[];
}

export interface PolicyTestReport extends Coverage {
  readonly version: string;
  readonly results: readonly CaseResult[];
  readonly ok: boolean;
}

/** A hub serving the policy set under test over the demo data, ready to run cases one by one. */
export interface PolicyTestHub {
  /** The set it serves now. */
  readonly set: PolicySet;
  /**
   * Serves another set from the next request on (the admin service's case sandbox runs drafts so).
   * The caller runs one set's cases at a time: a request in flight while the set changes would mix two.
   */
  use(set: PolicySet): void;
  /** Asks the case's query through the gateway as its subject; every way the answer differs (empty: it passes). */
  run(policyCase: PolicyCase): Promise<string[]>;
  close(): Promise<void>;
}

export interface PolicyTestHubOptions {
  /** The purposes the set was validated with (default: the built-in list). */
  readonly purposes?: readonly string[];
}

/** Compiled sets kept for `use`: the active set and a few drafts, so switching back costs nothing. */
const COMPILED_KEPT = 4;

/**
 * Starts a real hub for policy test cases: the policy set under test (a folder of documents, or a
 * validated set), in-memory embedded databases with the deterministic demo data and the demo's joint
 * operations. Nothing outside a temporary folder is touched: its configuration is built from scratch
 * (no DATABASE_URL, its own data folder and keys), so it never reaches the deployment's databases.
 */
export async function startPolicyTestHub(policy: string | PolicySet, options: PolicyTestHubOptions = {}): Promise<PolicyTestHub> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-policy-test-"));
  const config = loadConfig({
    LIAISON_DATA_DIR: dataDir,
    ...(typeof policy === "string" ? { POLICY_DIR: policy } : {}),
    // No cases in its own policy store: its admin service must not start a case sandbox of its own.
    POLICY_CASES_DIR: path.join(dataDir, "no-cases"),
    ...(options.purposes ? { PURPOSES: options.purposes.join(",") } : {}),
  });
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  const compiled = new Map<string, CompiledPolicy>();
  let current: CompiledPolicy | undefined;
  const use = (set: PolicySet) => {
    if (current?.version === set.version) return;
    const held = compiled.get(set.version) ?? new CompiledPolicy(set);
    compiled.delete(set.version);
    compiled.set(set.version, held);
    for (const version of [...compiled.keys()].slice(0, Math.max(0, compiled.size - COMPILED_KEPT))) compiled.delete(version);
    current = held;
  };
  let hub: Awaited<ReturnType<typeof startHub>>;
  try {
    use(typeof policy === "string" ? await loadPolicySet(policy, await readSupergraph(), config.purposes) : policy);
    hub = await startHub({ config, inMemory: true, randomPorts: true, policy: () => current as CompiledPolicy });
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
    get set() {
      return (current as CompiledPolicy).set;
    },
    use,
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
