import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import type { Agency } from "../../schema/enums.js";
import { ErrorCode } from "../../schema/errors.js";
import type { PolicySource } from "../policy-store/index.js";
import { POLICY_INSTALL_PATH, policyInstallRoute } from "./policy-install.js";
import { AccessContext, enforcePolicies, Reachability } from "../access/index.js";
import { supergraphSchema } from "../../policies/index.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { accessAuditPlugin, AGENCY_AUDIT_MIGRATIONS, loadChainKey, readChainHead, type AuditedRecords } from "../audit/index.js";
import { auditRoutes } from "./audit-routes.js";
import type { CompiledPolicy } from "../../policies/index.js";
import { createGatewayTokenVerifier, gatewayAudience, loadGatewayPublicKey, type TokenVerifier } from "../auth/index.js";
import type { DatabaseOwner, LiaisonConfig, SubgraphName } from "../config.js";
import { attachDatabase, openDatabase, type Database, type DatabaseOptions } from "../db/index.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import { callerPlugin, formatError, readSubgraphCaller, Refusal, sendJson, serveGraphQL, type SubgraphTrust } from "../http/index.js";
import { LoaderCache } from "../records/loader-cache.js";
import { withEffectiveOperations, type OperationDirectory } from "../operations/index.js";
import type { SubgraphContext } from "./context.js";
import { metricsAccessFrom, metricsRoute, observabilityPlugin, ServiceMetrics } from "../observability/index.js";

/** What a subgraph folder exports: its name, owner, database parts and schema builder. */
export interface SubgraphDefinition {
  readonly name: SubgraphName;
  /** The agency whose records these are; null for the links subgraph. */
  readonly agency: Agency | null;
  readonly database: Pick<DatabaseOptions, "entities" | "migrations"> | null;
  /** Whose database it uses when not its own (the admin subgraph works on the hub database). */
  readonly databaseOwner?: DatabaseOwner;
  /**
   * Field policies and the delivery audit apply (default true). False only for a service that
   * authorises in code what the editable policies must never decide (the admin API).
   */
  readonly enforced?: boolean;
  /** The agency's own records tables: its audit routes resolve a record's reference to the ids the audit names. */
  readonly records?: readonly AuditedRecords[];
  /** Runs once the database is open and up to date, before the service answers; may return what to stop when the service closes. */
  prepare?(dataSource: DataSource, config: LiaisonConfig): Promise<void | (() => Promise<void>)>;
  /** The federated schema before access rules are applied. */
  buildSchema(config: LiaisonConfig): Promise<GraphQLSchema>;
}

export interface StartOptions {
  readonly config: LiaisonConfig;
  /** Callers' own tokens, accepted straight from them only outside production (REQUIRE_GATEWAY_TOKEN off). */
  readonly verifier: TokenVerifier;
  /** PostgreSQL URL of this subgraph's own database (required when it has one). */
  readonly databaseUrl?: string;
  /** An already-open database to use instead of opening `databaseUrl` (the in-process hub's one hub session); never closed here. */
  readonly dataSource?: DataSource;
  readonly port?: number;
  readonly poolMax?: number;
  /** The active policy set; read per request, so a new version applies to the next request. */
  readonly policy: () => CompiledPolicy;
  /** A policy version a gateway token names: held, or fetched from its source; undefined when unavailable (the request is refused). */
  readonly policyVersion?: (version: string) => Promise<CompiledPolicy | undefined>;
  /** A service in its own process: the gateway pushes policy sets here (POST /policy/install, gateway token `scope: policy`). */
  readonly policyInstall?: Pick<PolicySource, "hold" | "install" | "byVersion">;
  /** Benchmarks only: serve without policy enforcement or audit, to measure their cost. Never configurable. */
  readonly enforcement?: boolean;
  /** The joint-operation registry: a token's operation claims count only where it says so (none without it). */
  readonly operations?: OperationDirectory;
}

export interface RunningSubgraph {
  readonly name: SubgraphName;
  readonly url: string;
  readonly port: number;
  readonly dataSource: DataSource | undefined;
  /** SQL statements sent so far (tests compare before and after a request). */
  sqlQueries(): number;
  close(): Promise<void>;
}

/** Opens the subgraph's database, applies the access rules and serves it on HTTP. */
export async function startSubgraph(definition: SubgraphDefinition, options: StartOptions): Promise<RunningSubgraph> {
  const { config } = options;
  const enforced = definition.enforced ?? true;
  let database: Database | undefined;
  let prepared: void | (() => Promise<void>);
  if (definition.database) {
    // Every agency database also holds its own delivery audit.
    const migrations = [...(definition.database.migrations as unknown[]), ...(enforced ? AGENCY_AUDIT_MIGRATIONS : [])] as typeof definition.database.migrations;
    if (options.dataSource) database = await attachDatabase(options.dataSource, migrations, config.runMigrations);
    else if (!options.databaseUrl) throw new Error(`${definition.name}: no database URL configured`);
    else database = await openDatabase({ url: options.databaseUrl, entities: definition.database.entities, migrations, poolMax: options.poolMax, runMigrations: config.runMigrations });
    try {
      prepared = await definition.prepare?.(database.dataSource, config);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  const enforcement = (options.enforcement ?? true) && enforced;
  const unprotected = await definition.buildSchema(config);
  // Reachability is judged on the whole federated graph: entry points may live in other subgraphs.
  const schema = enforcement ? enforcePolicies(unprotected, new Reachability(supergraphSchema(await readSupergraph()))) : unprotected;
  const chainKey = database && enforcement ? await loadChainKey(config.auditChainKeyFile, { create: !config.production }) : null;
  // The version the gateway runs the request under (named in its token), else the active one.
  const policyFor = async (named: string | null): Promise<CompiledPolicy> => {
    const active = options.policy();
    if (named === null || named === active.version) return active;
    const held = await options.policyVersion?.(named);
    if (!held) throw new Refusal(503, `policy version ${named} is not available on this service yet; try again`, ErrorCode.INTERNAL_SERVER_ERROR);
    return held;
  };
  const trust: SubgraphTrust = {
    gateway: createGatewayTokenVerifier({
      key: await loadGatewayPublicKey(config),
      issuer: config.gatewayIssuer,
      audience: gatewayAudience(config.audience, definition.name),
      purposes: config.purposes,
    }),
    users: config.requireGatewayToken ? null : options.verifier,
  };
  const metrics = new ServiceMetrics(definition.name, () => database?.counter.queries ?? 0);
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // The process owner (hub/start-hub, hub/service) stops servers in order; Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    introspection: !config.production,
    csrfPrevention: true,
    plugins: [
      callerPlugin<SubgraphContext>(config.purposes),
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are used; the plugin would instrument every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      ...(database && chainKey ? [accessAuditPlugin(database.dataSource, definition.name, chainKey)] : []),
      // Requests, denials by rule and refusals counted where they are decided; log lines carry the gateway's request id.
      observabilityPlugin<SubgraphContext>(metrics),
    ],
    formatError: (formatted, error) => formatError(formatted, error, definition.name),
  });
  await apollo.start();
  const server = await serveGraphQL<SubgraphContext>({
    apollo,
    host: config.host,
    port: options.port ?? config.ports[definition.name],
    timeouts: config.http,
    context: async (req, body) => {
      const caller = await readSubgraphCaller(req, body, trust);
      // One policy version per request: the compiled set is taken once, here. Policies see only
      // the operations the registry confirms for the subject's agency today, never a bare claim:
      // the gateway's token carries only confirmed ones; a caller's own token is checked here.
      const subject = caller.subject ? (caller.viaGateway ? caller.subject : withEffectiveOperations(caller.subject, options.operations)) : null;
      const policy = await policyFor(caller.policyVersion);
      const access =
        subject && caller.purpose && config.purposes.includes(caller.purpose)
          ? new AccessContext(policy.forCaller(subject, caller.purpose, caller.justification ?? null), subject)
          : null;
      return { caller, loaders: new LoaderCache(), config, db: database?.dataSource, access };
    },
    routes: {
      "/healthz": (_req, res) => sendJson(res, 200, { status: "ok", service: definition.name }),
      ...(options.policyInstall ? { [POLICY_INSTALL_PATH]: policyInstallRoute(options.policyInstall, trust) } : {}),
      // The delivery audit's head, for the gateway's anchoring: answered only to a gateway token minted for it.
      ...(database && enforced
        ? {
            "/audit/head": async (req: IncomingMessage, res: ServerResponse) => {
              try {
                await readSubgraphCaller(req, undefined, trust, "audit-head");
              } catch (error) {
                if (error instanceof Refusal) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
                throw error;
              }
              sendJson(res, 200, { source: `${definition.name}.access_audit`, head: await readChainHead((database as Database).dataSource, "access_audit") });
            },
          }
        : {}),
      // The auditors' questions to this agency's delivery audit, from the gateway's audit API (gateway tokens `audit-read`, `audit-verify`).
      ...(database && chainKey && definition.agency
        ? auditRoutes({ dataSource: database.dataSource, agency: definition.agency, service: definition.name, records: definition.records ?? [], chainKey, trust })
        : {}),
      "/readyz": async (_req, res) => {
        try {
          if (database) await database.dataSource.query("SELECT 1");
          sendJson(res, 200, { status: "ready", service: definition.name });
        } catch {
          sendJson(res, 503, { status: "database unavailable", service: definition.name });
        }
      },
      "/metrics": metricsRoute(metrics, metricsAccessFrom(process.env, config.production)),
    },
  });
  return {
    name: definition.name,
    url: server.url,
    port: server.port,
    dataSource: database?.dataSource,
    sqlQueries: () => database?.counter.queries ?? 0,
    async close() {
      await server.close();
      await prepared?.();
      await database?.close();
    },
  };
}
