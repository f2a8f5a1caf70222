import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig, type LiaisonConfig } from "../../platform/config.js";
import { mintDevToken, type TokenClaims } from "../../platform/auth/index.js";
import type { SubgraphDefinition } from "../../platform/subgraph/index.js";
import { startHub, type RunningHub } from "../../hub/start-hub.js";
import { createTestDatabases } from "./databases.js";
import type { CompiledPolicy } from "../../policies/index.js";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  /** Only with `Caller.extensions`: the answer's extensions (`policyVersion`). */
  extensions?: Record<string, unknown>;
}

export interface Caller {
  token?: string | null;
  purpose?: string | null;
  justification?: string;
  requestId?: string;
  headers?: Record<string, string>;
  /** Return the answer's `extensions` too. */
  extensions?: boolean;
}

export interface TestHub {
  readonly hub: RunningHub;
  readonly config: LiaisonConfig;
  /** The environment the hub was configured with (for CLI children that must reach the same databases). */
  readonly env: Record<string, string>;
  /** A dev token for the subject; defaults: analyst, clearance 2, no operations. */
  token(agency: string, overrides?: Partial<TokenClaims>, ttlSeconds?: number): Promise<string>;
  /** POSTs an operation to a URL (the gateway by default) as the caller. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller, url?: string): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Starts a whole hub on random ports with fresh databases (in-memory PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function startTestHub(
  options: {
    subgraphs?: readonly SubgraphDefinition[];
    env?: Record<string, string>;
    persist?: boolean;
    enforcement?: boolean;
    /** Embedded databases even when DATABASE_URL names a server (production-mode tests: CI's server password is a placeholder). */
    embedded?: boolean;
    /** The policy set every service reads per request (tests that change it while the hub runs). */
    policy?: () => CompiledPolicy;
    /** The data folder to use (a test that prepared key files in it); removed on close like a generated one. */
    dataDir?: string;
  } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "liaison-test-")));
  const databases = options.embedded ? { env: {}, drop: async () => {} } : await createTestDatabases(["customs", "police", "fiu", "postal", "hub"]);
  // No policy test cases in the store unless a test asks (POLICY_CASES_DIR): a store with cases warms a
  // case sandbox (a second in-memory hub) and gates approvals on it, which only the case tests want to pay for.
  const env = { LIAISON_DATA_DIR: dataDir, SUBGRAPH_TIMEOUT_MS: "3000", POLICY_CASES_DIR: path.join(dataDir, "no-policy-cases"), ...databases.env, ...options.env };
  const config = loadConfig(env);
  let hub: RunningHub;
  try {
    hub = await startHub({ config, inMemory: !options.persist, randomPorts: true, subgraphs: options.subgraphs, enforcement: options.enforcement, policy: options.policy });
  } catch (error) {
    await databases.drop();
    throw error;
  }
  const defaultToken = new Map<string, string>();
  const token: TestHub["token"] = (agency, overrides = {}, ttl) =>
    mintDevToken(config, { sub: `${agency.toLowerCase()}-tester`, agency, roles: ["analyst"], clearance: 2, operations: [], ...overrides }, ttl);
  return {
    hub,
    config,
    env,
    token,
    async query(query, variables = {}, caller = {}, url = hub.gateway.url) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      let bearer = caller.token;
      if (bearer === undefined) {
        bearer = defaultToken.get("POLICE") ?? (await token("POLICE"));
        defaultToken.set("POLICE", bearer);
      }
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const purpose = caller.purpose === undefined ? "investigation" : caller.purpose;
      if (purpose) headers["x-purpose"] = purpose;
      if (caller.justification) headers["x-justification"] = caller.justification;
      if (caller.requestId) headers["x-request-id"] = caller.requestId;
      Object.assign(headers, caller.headers);
      const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      const { extensions, ...body } = (await response.json()) as Omit<GraphQLResponse, "status">;
      // The policy version every executed answer names is left out unless asked for: most tests compare whole answers.
      return { status: response.status, ...body, ...(caller.extensions ? { extensions } : {}) } as GraphQLResponse<never>;
    },
    async close() {
      await hub.close();
      await databases.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
