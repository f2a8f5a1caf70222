import type { LiaisonConfig, SubgraphName } from "../platform/config.js";
import { createTokenVerifier, loadOrCreateDevKeys } from "../platform/auth/index.js";
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "../platform/subgraph/index.js";
import { startGateway, type RunningGateway } from "../gateway/index.js";
import { openDatabase, type Database } from "../platform/db/index.js";
import { PolicySource } from "../platform/policy-store/index.js";
import { HUB_MIGRATIONS } from "./migrations.js";
import { OperationRegistry } from "../platform/operations/index.js";
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
  /** The policy versions this hub enforces, following the hub database (null when a test fixed the policy). */
  readonly policies: PolicySource | null;
  close(): Promise<void>;
}

/** Starts every subgraph and the gateway in this process (the laptop/pilot shape). */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { config } = options;
  const definitions = options.subgraphs ?? SUBGRAPHS;
  if (config.issuers.some((issuer) => issuer.dev)) await loadOrCreateDevKeys(config.dataDir);
  const verifier = await createTokenVerifier(config);
  // The policy files are validated before anything starts: an invalid set stops the hub at once.
  const filePolicy = options.policy ? null : (await loadActivePolicy(config))();
  const databases = await resolveDatabases(definitions, config, { inMemory: options.inMemory, withHub: true });
  const running: Record<string, RunningSubgraph> = {};
  const operations = new OperationRegistry();
  let source: PolicySource | null = null;
  let hub: Database | undefined;
  const closeAll = async () => {
    operations.stop();
    source?.stop();
    await Promise.all(Object.values(running).map((sg) => sg.close()));
    await hub?.close();
    await databases.stop();
  };
  try {
    // One connection to the hub database for the whole process: the embedded database is one
    // session, and the request audit, the registries and the policy store share it.
    hub = await openDatabase({ url: databases.urls.hub as string, entities: [], migrations: [...HUB_MIGRATIONS], poolMax: 1 });
    const hubDataSource = hub.dataSource;
    await operations.load(hubDataSource);
    // The policy files are the version until the hub database holds an active set; from then on
    // every approved change reaches every service here within a second.
    let policy: () => CompiledPolicy;
    let policyVersion: (version: string) => Promise<CompiledPolicy | undefined>;
    if (options.policy) {
      const fixed = options.policy;
      policy = fixed;
      policyVersion = async (version) => (fixed().version === version ? fixed() : undefined);
    } else {
      const followed = new PolicySource(filePolicy as CompiledPolicy);
      source = followed;
      await followed.refreshFrom(hubDataSource);
      policy = () => followed.active();
      policyVersion = async (version) => followed.byVersion(version);
    }
    // The links service sends each hop of a link expansion to this gateway, whose URL is known only
    // once it listens (random ports in tests): its configuration reads it then.
    let gatewayUrl = config.gatewayUrl;
    const linksConfig = Object.freeze(Object.defineProperty({ ...config }, "gatewayUrl", { get: () => gatewayUrl, enumerable: true })) as LiaisonConfig;
    await Promise.all(
      definitions.map(async (definition) => {
        running[definition.name] = await startSubgraph(definition, {
          config: definition.name === "links" ? linksConfig : config,
          verifier,
          databaseUrl: databases.urls[definition.name],
          dataSource: definition.databaseOwner === "hub" ? hubDataSource : undefined,
          port: options.randomPorts ? 0 : undefined,
          // PGlite is one session behind its socket: two connections interleaving the extended
          // protocol clobber each other's unnamed portal, so each embedded database gets one connection.
          poolMax: databases.embedded.length > 0 ? 1 : 10,
          policy,
          policyVersion,
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
      hubDataSource,
      policy,
      operations,
    });
    gatewayUrl = gateway.url;
    const report = (what: string) => (error: unknown) => {
      process.stderr.write(`liaison: ${what} not refreshed: ${error instanceof Error ? error.message : String(error)}\n`);
    };
    operations.watch(hubDataSource, undefined, report("joint-operation registry"));
    source?.watch(hubDataSource, POLICY_CHECK_INTERVAL_MS, report("policy set"));
    if (source && config.databaseUrls.hub) await source.listen(databases.urls.hub as string, hubDataSource, report("policy set"));
    return {
      gateway,
      subgraphs: running,
      embedded: databases.embedded.length > 0,
      operations,
      policies: source,
      async close() {
        operations.stop();
        source?.stop();
        await gateway.close();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** How often each process checks the hub database for a newly activated policy set (the 2-second promise needs well under it). */
export const POLICY_CHECK_INTERVAL_MS = 500;
