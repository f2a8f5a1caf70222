import "reflect-metadata";
import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../platform/config.js";
import { createTokenVerifier, loadOrCreateDevKeys } from "../platform/auth/index.js";
import { startSubgraph } from "../platform/subgraph/index.js";
import { startGateway } from "../gateway/index.js";
import { SUBGRAPHS } from "../subgraphs/index.js";
import { openDatabase } from "../platform/db/index.js";
import { OperationRegistry } from "../platform/operations/index.js";
import { loadActivePolicy } from "./policy-source.js";
import { loadOperations } from "./start-hub.js";

/*
 * Runs one service per process, as docker-compose does: `tsx hub/service.ts customs`.
 * `keys` creates the dev issuer's key once, before the services that verify with it start.
 */
const name = process.argv[2] ?? "";
const config = loadConfig();

async function main(): Promise<() => Promise<void>> {
  if (name === "keys") {
    await loadOrCreateDevKeys(config.dataDir);
    process.stdout.write("dev issuer key ready\n");
    process.exit(0);
  }
  const verifier = await createTokenVerifier(config);
  if (name === "gateway") {
    const hubDatabaseUrl = config.databaseUrls.hub;
    if (!hubDatabaseUrl) throw new Error("gateway: set DATABASE_URL or DATABASE_URL_HUB (the request audit)");
    // The gateway's process owns the hub database: it brings the operation registry's table up to date.
    await loadOperations(new OperationRegistry(), hubDatabaseUrl);
    const gateway = await startGateway({ config, verifier, hubDatabaseUrl, policy: await loadActivePolicy(config) });
    process.stdout.write(`gateway ready: ${gateway.url}\n`);
    return () => gateway.close();
  }
  if (!SUBGRAPH_NAMES.includes(name as SubgraphName)) {
    process.stderr.write(`usage: tsx hub/service.ts <gateway|${SUBGRAPH_NAMES.join("|")}|keys>\n`);
    process.exit(2);
  }
  const definition = SUBGRAPHS.find((sg) => sg.name === name);
  if (!definition) throw new Error(`unknown subgraph ${name}`);
  const url = definition.database ? config.databaseUrls[name as keyof typeof config.databaseUrls] : undefined;
  if (definition.database && !url) throw new Error(`${name}: set DATABASE_URL or DATABASE_URL_${name.toUpperCase()}`);
  const { operations, closeOperations } = await watchOperations();
  const subgraph = await startSubgraph(definition, { config, verifier, databaseUrl: url, poolMax: 10, policy: await loadActivePolicy(config), operations });
  process.stdout.write(`${name} ready: ${subgraph.url}\n`);
  return async () => {
    await subgraph.close();
    await closeOperations();
  };
}

/**
 * The joint-operation registry, polled from the hub database. Without one (no DATABASE_URL_HUB)
 * or before the gateway has created its table, no operation claim counts.
 */
async function watchOperations(): Promise<{ operations: OperationRegistry; closeOperations: () => Promise<void> }> {
  const operations = new OperationRegistry();
  const url = config.databaseUrls.hub;
  if (!url) {
    process.stderr.write(`${name}: no hub database (DATABASE_URL or DATABASE_URL_HUB): joint-operation claims count for nobody\n`);
    return { operations, closeOperations: async () => {} };
  }
  const hub = await openDatabase({ url, entities: [], migrations: [], poolMax: 1 });
  const report = (error: unknown) => process.stderr.write(`${name}: joint-operation registry not read: ${error instanceof Error ? error.message : String(error)}\n`);
  await operations.load(hub.dataSource).catch(report);
  operations.watch(hub.dataSource, undefined, report);
  return {
    operations,
    async closeOperations() {
      operations.stop();
      await hub.close();
    },
  };
}

const close = await main().catch((error: unknown) => {
  process.stderr.write(`${name}: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void close().then(() => process.exit(0)));
}
