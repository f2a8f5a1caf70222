import "reflect-metadata";
import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "../platform/config.js";
import { createTokenVerifier } from "../platform/auth/index.js";
import { startSubgraph } from "../platform/subgraph/index.js";
import { startGateway } from "../gateway/index.js";
import { OperationRegistry } from "../platform/operations/index.js";
import { SUBGRAPHS } from "../subgraphs/index.js";
import { migrateDatabases } from "./migrations.js";
import { loadActivePolicy } from "./policy-source.js";
import { POLICY_CHECK_INTERVAL_MS } from "./start-hub.js";
import { PolicySource } from "../platform/policy-store/index.js";

/*
 * Runs one service per process, as docker-compose does: `tsx hub/service.ts customs`.
 * `migrate` brings every configured database's schema up to date and exits: in the reference
 * deployment it alone connects as the databases' owners, and the services run with
 * DATABASE_MIGRATE=false under roles that cannot change a schema.
 */
const name = process.argv[2] ?? "";
const config = loadConfig();
const log = (line: string) => process.stdout.write(`${name}: ${line}\n`);

async function main(): Promise<() => Promise<void>> {
  if (name === "migrate") {
    const migrated = await migrateDatabases(config, log);
    if (migrated.length === 0) throw new Error("no database configured (DATABASE_URL or DATABASE_URL_<OWNER>)");
    process.exit(0);
  }
  if (name === "gateway") {
    const hubDatabaseUrl = config.databaseUrls.hub;
    if (!hubDatabaseUrl) throw new Error("gateway: set DATABASE_URL or DATABASE_URL_HUB (the request audit)");
    // Without a migrate job, the gateway's process owns the hub database and brings all of it up to date.
    if (config.runMigrations) await migrateDatabases({ databaseUrls: { hub: hubDatabaseUrl } });
    const verifier = await createTokenVerifier(config);
    // The joint-operation registry: only operations it confirms travel in the tokens the gateway mints.
    const operations = new OperationRegistry();
    // The policy files until the hub database holds an active set; then every activation, within a second.
    const policies = new PolicySource((await loadActivePolicy(config))());
    const gateway = await startGateway({ config, verifier, hubDatabaseUrl, policy: () => policies.active(), operations, pushPolicies: true });
    // A new version reaches every subgraph before the gateway runs a request under it.
    policies.beforeActivate = (policy) => gateway.pushPolicy(policy);
    const report = (what: string) => (error: unknown) => process.stderr.write(`gateway: ${what} not read: ${error instanceof Error ? error.message : String(error)}\n`);
    await operations.load(gateway.hubDataSource).catch(report("joint-operation registry"));
    operations.watch(gateway.hubDataSource, undefined, report("joint-operation registry"));
    await policies.refreshFrom(gateway.hubDataSource).catch(report("policy set"));
    policies.watch(gateway.hubDataSource, POLICY_CHECK_INTERVAL_MS, report("policy set"));
    await policies.listen(hubDatabaseUrl, gateway.hubDataSource, report("policy set")).catch(report("policy notifications"));
    process.stdout.write(`gateway ready: ${gateway.url}\n`);
    return async () => {
      operations.stop();
      policies.stop();
      await gateway.close();
    };
  }
  if (!SUBGRAPH_NAMES.includes(name as SubgraphName)) {
    process.stderr.write(`usage: tsx hub/service.ts <gateway|${SUBGRAPH_NAMES.join("|")}|migrate>\n`);
    process.exit(2);
  }
  const definition = SUBGRAPHS.find((sg) => sg.name === name);
  if (!definition) throw new Error(`unknown subgraph ${name}`);
  // The admin service works on the hub database.
  const owner = definition.databaseOwner ?? (name as keyof typeof config.databaseUrls);
  const url = definition.database ? config.databaseUrls[owner] : undefined;
  if (definition.database && !url) throw new Error(`${name}: set DATABASE_URL or DATABASE_URL_${owner.toUpperCase()}`);
  // No joint-operation registry here: the operations a caller may act under arrive confirmed in the gateway's token.
  const verifier = await createTokenVerifier(config);
  // The gateway pushes the policy set (a gateway token binds it); until the first push, everything is denied.
  const policies = new PolicySource();
  const subgraph = await startSubgraph(definition, {
    config,
    verifier,
    databaseUrl: url,
    poolMax: 10,
    policy: () => policies.active(),
    policyVersion: async (version) => policies.byVersion(version),
    policyInstall: policies,
  });
  process.stdout.write(`${name} ready: ${subgraph.url}\n`);
  // Link expansions query the graph through the gateway, once per hop, as the caller (GATEWAY_URL).
  if (name === "links") process.stdout.write(`links: link expansions go through the gateway at ${config.gatewayUrl}\n`);
  return () => subgraph.close();
}

const close = await main().catch((error: unknown) => {
  process.stderr.write(`${name}: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void close().then(() => process.exit(0)));
}
