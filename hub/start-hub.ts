import type { LiaisonConfig, SubgraphName } from "../platform/config.js";
import { createTokenVerifier, loadOrCreateDevKeys } from "../platform/auth/index.js";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "../platform/subgraph/index.js";
import { startGateway, type RunningGateway } from "../gateway/index.js";
import { openDatabase } from "../platform/db/index.js";
import { CreateJointOperation1764300000000, OperationRegistry } from "../platform/operations/index.js";
import { SUBGRAPHS } from "../subgraphs/index.js";
import { resolveDatabases } from "./databases.js";
import { loadActivePolicy } from "./policy-source.js";
import type { CompiledPolicy } from "../policies/index.js";

export interface HubOptions {
  readonly config: LiaisonConfig;
  /** Embedded databases in memory instead of under ./data (tests). */
  readonly inMemory?: boolean;
  /** Port 0 everywhere (tests run several hubs side by side). */
  readonly randomPorts?: boolean;
  readonly subgraphs?: readonly SubgraphDefinition[];
  /** Overrides the policy documents of the configuration (tests of policy sets). */
  readonly policy?: () => CompiledPolicy;
  /** Benchmarks only: serve without enforcement and audit, to measure their cost. */
  readonly enforcement?: boolean;
}

export interface RunningHub {
  readonly gateway: RunningGateway;
  readonly subgraphs: Readonly<Record<string, RunningSubgraph>>;
  /** Whether any database is the embedded PGlite. */
  readonly embedded: boolean;
  /** The joint-operation registry every subgraph consults (hub database; `refresh()` after an edit). */
  readonly operations: OperationRegistry;
  close(): Promise<void>;
}

/** Starts every subgraph and the gateway in this process (the laptop/pilot shape). */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { config } = options;
  const definitions = options.subgraphs ?? SUBGRAPHS;
  if (config.issuers.some((issuer) => issuer.dev)) await loadOrCreateDevKeys(config.dataDir);
  const verifier = await createTokenVerifier(config);
  const policy = options.policy ?? (await loadActivePolicy(config));
  const databases = await resolveDatabases(definitions, config, { inMemory: options.inMemory, withHub: true });
  const running: Record<string, RunningSubgraph> = {};
  const operations = new OperationRegistry();
  const closeAll = async () => {
    operations.stop();
    await Promise.all(Object.values(running).map((sg) => sg.close()));
    await databases.stop();
  };
  try {
    await loadOperations(operations, databases.urls.hub as string);
    await Promise.all(
      definitions.map(async (definition) => {
        running[definition.name] = await startSubgraph(definition, {
          config,
          verifier,
          databaseUrl: databases.urls[definition.name],
          port: options.randomPorts ? 0 : undefined,
          // PGlite is one session behind its socket: two connections interleaving the extended
          // protocol clobber each other's unnamed portal, so each embedded database gets one connection.
          poolMax: databases.embedded.length > 0 ? 1 : 10,
          policy,
          enforcement: options.enforcement,
          operations,
        });
      }),
    );
    const subgraphUrls = Object.fromEntries(Object.values(running).map((sg) => [sg.name, sg.url])) as Partial<Record<SubgraphName, string>>;
    const gateway = await startGateway({
      config,
      verifier,
      subgraphUrls,
      port: options.randomPorts ? 0 : undefined,
      hubDatabaseUrl: databases.urls.hub as string,
      policy,
      operations,
    });
    // From here on the registry polls through the gateway's hub connection: the embedded hub
    // database is one session, and a second client could interleave with the request audit.
    operations.watch(gateway.hubDataSource, undefined, (error) => {
      process.stderr.write(`liaison: joint-operation registry not refreshed: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    return {
      gateway,
      subgraphs: running,
      embedded: databases.embedded.length > 0,
      operations,
      async close() {
        operations.stop();
        await gateway.close();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Brings the hub database's joint-operation table up to date and reads it once, through a
 * connection of its own that is closed before the gateway opens the hub database.
 */
export async function loadOperations(registry: OperationRegistry, hubDatabaseUrl: string): Promise<void> {
  const hub = await openDatabase({ url: hubDatabaseUrl, entities: [], migrations: [CreateJointOperation1764300000000], poolMax: 1 });
  try {
    await registry.load(hub.dataSource);
  } finally {
    await hub.close();
  }
}
