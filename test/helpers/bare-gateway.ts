import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createTokenVerifier, loadOrCreateDevKeys, mintDevToken, type TokenClaims } from "../../platform/auth/index.js";
import { loadConfig } from "../../platform/config.js";
import { startGateway, type RunningGateway } from "../../gateway/index.js";
import { resolveDatabases } from "../../hub/databases.js";
import { loadActivePolicy } from "../../hub/policy-source.js";
import { createTestDatabases } from "./databases.js";

export interface BareGateway {
  readonly gateway: RunningGateway;
  /** A dev token the gateway accepts; defaults: analyst, clearance 2, no operations. */
  token(agency: string, overrides?: Partial<TokenClaims>): Promise<string>;
  close(): Promise<void>;
}

/**
 * Liaison's gateway with every plugin (token check, purpose, request audit, per-call tokens) over
 * a supergraph of the test's or benchmark's own subgraphs, no agency services: a hub database of
 * its own (a fresh PostgreSQL database when DATABASE_URL is set, else in-memory PGlite).
 */
export async function startBareGateway(supergraphSdl: string, env: Record<string, string> = {}): Promise<BareGateway> {
  const databases = await createTestDatabases(["hub"]);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-bare-gateway-"));
  // No anchoring during the run: the agencies' audit routes it anchors are not there.
  const config = loadConfig({ ...process.env, LIAISON_DATA_DIR: dataDir, AUDIT_ANCHOR_INTERVAL_SECONDS: "86400", ...databases.env, ...env });
  await loadOrCreateDevKeys(config.dataDir);
  const hub = await resolveDatabases([], config, { inMemory: true, withHub: true });
  const gateway = await startGateway({
    config,
    verifier: await createTokenVerifier(config),
    supergraphSdl,
    port: 0,
    hubDatabaseUrl: hub.urls.hub as string,
    policy: await loadActivePolicy(config),
  });
  return {
    gateway,
    token: (agency, overrides = {}) => mintDevToken(config, { sub: `${agency.toLowerCase()}-tester`, agency, roles: ["analyst"], clearance: 2, ...overrides }, 3600),
    async close() {
      await gateway.close();
      await hub.stop();
      await databases.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
