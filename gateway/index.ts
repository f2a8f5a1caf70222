import { ApolloGateway, LocalGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { TokenVerifier } from "../platform/auth/index.js";
import type { LiaisonConfig, SubgraphName } from "../platform/config.js";
import { callerPlugin, escapedApolloLogger, legacyJsonStatusPlugin, readCaller, sendJson, serveGraphQL, type RunningServer } from "../platform/http/index.js";
import { readSupergraph } from "../schema/supergraph.js";
import type { GatewayContext } from "./context.js";
import { gatewayErrorFormatter } from "./format-error.js";
import { createRateLimiter, introspectionGuardPlugin, operationLimitsPlugin, refuseTokens } from "./limits/index.js";
import { SubgraphSource } from "./subgraph-source.js";
import { loadGatewayTrust } from "./trust.js";
import { LINK_EXPANSION_TIMEOUT_MS, LinksSource, onBehalfOfPlugin } from "./on-behalf-of.js";
import { startGatewayAnchoring } from "./anchoring.js";
import { AUDIT_SUBGRAPH, buildAuditSchema } from "./audit-api/index.js";
import { logLine } from "../platform/log.js";
import { metricsAccessFrom, metricsRoute, observabilityPlugin, ServiceMetrics, timedSource } from "../platform/observability/index.js";
import { consoleGatewayRoutes } from "./console.js";
import { startPolicyPush, type PolicyPush } from "./policy-push.js";
import { policyVersionPlugin } from "./policy-version.js";
import { HUB_MIGRATIONS } from "../hub/migrations.js";
import { withEffectiveOperations, type OperationDirectory } from "../platform/operations/index.js";
import { auditRefusedRequest, requestAuditPlugin } from "./request-audit.js";
import { openDatabase } from "../platform/db/index.js";
import { loadChainKey } from "../platform/audit/index.js";
import type { CompiledPolicy } from "../policies/index.js";
import type { DataSource } from "typeorm";

export interface GatewayOptions {
  readonly config: LiaisonConfig;
  readonly verifier: TokenVerifier;
  /** Where each subgraph listens; defaults to the configuration's URLs. */
  readonly subgraphUrls?: Readonly<Partial<Record<SubgraphName, string>>>;
  readonly supergraphSdl?: string;
  readonly port?: number;
  /** The hub database, where the gateway appends one audit row per request. */
  readonly hubDatabaseUrl: string;
  /** The hub database already open in this process (the in-process hub: the embedded database is one session); else opened from the URL. */
  readonly hubDataSource?: DataSource;
  /** The active policy set, read once per request: its version goes into every subgraph's token, the audit and the answer. */
  readonly policy: () => CompiledPolicy;
  /** Subgraphs run in their own processes: push each active policy set to them (gateway/policy-push.ts). */
  readonly pushPolicies?: boolean;
  /** The joint-operation registry: only the operations it confirms travel in the gateway's tokens (none without it). */
  readonly operations?: OperationDirectory;
}

export interface RunningGateway extends RunningServer {
  /** The hub database (request audit). */
  readonly hubDataSource: DataSource;
  /** Anchors every audit chain's head now (it also runs every AUDIT_ANCHOR_INTERVAL_SECONDS). */
  anchorNow(): Promise<void>;
  /** Makes every subgraph hold a policy set before it becomes active (only with `pushPolicies`). */
  pushPolicy(policy: CompiledPolicy): Promise<void>;
}

/**
 * The admin service's deadline: an approval may wait for the policy test cases of a sandbox still
 * starting (subgraphs/admin/cases/runs.ts, APPROVAL_CASE_WAIT_MS, is below this).
 */
const ADMIN_CALL_TIMEOUT_MS = 90_000;

/** Serves the federated graph from the committed supergraph (no introspection at run time). */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const urls = { ...config.subgraphUrls, ...options.subgraphUrls };
  const logger = escapedApolloLogger("gateway");
  const trust = await loadGatewayTrust(config);
  const metrics = new ServiceMetrics("gateway");
  const hub = options.hubDataSource
    ? { dataSource: options.hubDataSource, close: async () => {} }
    : await openDatabase({
        url: options.hubDatabaseUrl,
        entities: [],
        // The hub's platform tables, the same list the migrate job and the in-process hub run.
        migrations: [...HUB_MIGRATIONS],
        poolMax: 1,
        runMigrations: config.runMigrations,
      });
  const chainKey = await loadChainKey(config.auditChainKeyFile, { create: !config.production });
  // The audit API runs here: only this process mints the tokens the agencies' audit routes accept, and holds the hub database.
  const audit = new LocalGraphQLDataSource<GatewayContext>(
    await buildAuditSchema({ hub: hub.dataSource, hubKey: chainKey, mint: trust.mint, urls, purposes: config.purposes, timeoutMs: config.subgraphTimeoutMs }),
  );
  const gateway = new ApolloGateway({
    logger,
    supergraphSdl: options.supergraphSdl ?? (await readSupergraph()),
    // Every subgraph call timed and its failures counted (platform/observability), whatever source serves it.
    buildService: ({ name, url }) => timedSource(name,
      name === AUDIT_SUBGRAPH
        ? audit
        : name === "links"
          ? // Its graph expansions run several hops through this gateway: a longer deadline, and an on-behalf-of token.
            new LinksSource(name, urls.links ?? (url as string), Math.max(config.subgraphTimeoutMs, LINK_EXPANSION_TIMEOUT_MS), trust.mint, trust.onBehalfOf)
          : new SubgraphSource(name, urls[name as SubgraphName] ?? (url as string), name === "admin" ? Math.max(config.subgraphTimeoutMs, ADMIN_CALL_TIMEOUT_MS) : config.subgraphTimeoutMs, trust.mint),
    metrics),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    includeStacktraceInErrorResponses: false,
    // The process owner (hub/start-hub, hub/service) stops servers in order; Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    // In production only administrators may introspect: the guard plugin below decides per caller.
    introspection: true,
    // A request with X-Purpose needs a CORS preflight in a browser, like Apollo's own two headers: it is no CSRF.
    csrfPrevention: { requestHeaders: ["x-apollo-operation-name", "apollo-require-preflight", "x-purpose"] },
    // Off unless MAX_BATCH_OPERATIONS allows more than one (serveGraphQL refuses a longer batch).
    allowBatchedHttpRequests: config.limits.maxBatchOperations > 1,
    // Off: whether a hash is known would tell a caller which exact query another agency has run.
    persistedQueries: false,
    // No "Did you mean …" suggestions naming fields a caller may not know exist (formatError strips the rest).
    hideSchemaDetailsFromClientErrors: true,
    plugins: [
      callerPlugin<GatewayContext>(config.purposes),
      // Depth, aliases, cost, directives and page sizes: refused before any subgraph is called (audited below).
      operationLimitsPlugin(config.limits, config.pageSizeMax),
      ...(config.production ? [introspectionGuardPlugin()] : []),
      legacyJsonStatusPlugin<GatewayContext>(),
      observabilityPlugin<GatewayContext>(metrics),
      onBehalfOfPlugin(),
      requestAuditPlugin(hub.dataSource, config.purposes, chainKey),
      policyVersionPlugin(),
      ApolloServerPluginCacheControlDisabled(),
      // No Apollo Sandbox (Apollo's CDN, telemetry): the bundled console's explorer replaces it (gateway/console.ts).
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: gatewayErrorFormatter(config.production),
  });
  await apollo.start();
  const rateLimiter = createRateLimiter(config.limits);
  const server = await serveGraphQL<GatewayContext>({
    apollo,
    host: config.host,
    port: options.port ?? config.ports.gateway,
    // Apollo refuses them itself (persistedQueries: false), inside the audited pipeline.
    refusePersistedQueries: false,
    maxBodyBytes: config.limits.maxBodyBytes,
    maxBatchOperations: config.limits.maxBatchOperations,
    timeouts: config.http,
    context: async (req, body) => {
      // A hop of the links service's expansion comes with an on-behalf-of token; anything else is a caller's own.
      const caller = (await trust.onBehalfOf.readCaller(req, body)) ?? (await readCaller(req, options.verifier, { mintRequestId: true }));
      // Over quota, or a query too long to parse: refused here, before Apollo, and audited (onRefused).
      rateLimiter.take(req, caller);
      refuseTokens(config.limits, body, new URL(req.url ?? "/", "http://localhost").searchParams, caller.actor != null);
      // Subgraphs believe the operations in the gateway's token: only those the registry confirms go there.
      // One policy version for the whole request, taken here: every subgraph call carries it.
      const policyVersion = options.policy().version;
      return { caller, subject: caller.subject ? withEffectiveOperations(caller.subject, options.operations) : null, policyVersion };
    },
    onRefused: async (req, res, refusal) => {
      metrics.refused(refusal.code);
      const caller = await readCaller(req, options.verifier, { mintRequestId: true });
      res.setHeader("x-request-id", caller.requestId);
      await auditRefusedRequest(hub.dataSource, chainKey, caller, config.purposes, options.policy().version, refusal.code);
    },
    routes: {
      ...consoleGatewayRoutes(config),
      "/healthz": (_req, res) => sendJson(res, 200, { status: "ok", service: "gateway" }),
      "/.well-known/jwks.json": (_req, res) => sendJson(res, 200, trust.jwks),
      "/metrics": metricsRoute(metrics, metricsAccessFrom(process.env, config.production)),
      "/readyz": async (_req, res) => {
        const checks = await Promise.all(
          Object.entries(urls).map(async ([name, url]) => {
            try {
              const response = await fetch(new URL("/readyz", url), { signal: AbortSignal.timeout(2000) });
              return [name, response.ok ? "ready" : "not ready"] as const;
            } catch {
              return [name, "unreachable"] as const;
            }
          }),
        );
        const subgraphs = Object.fromEntries(checks);
        const ready = checks.every(([, state]) => state === "ready");
        sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "degraded", subgraphs });
      },
    },
  });
  const anchoring = startGatewayAnchoring(config, hub.dataSource, chainKey, urls, trust);
  const push: PolicyPush | null = options.pushPolicies
    ? startPolicyPush({
        urls,
        trust,
        policy: options.policy,
        intervalMs: 1000,
        onError: (error) => logLine("gateway", "policy push failed:", error instanceof Error ? error.message : String(error)),
      })
    : null;
  return {
    ...server,
    hubDataSource: hub.dataSource,
    anchorNow: () => anchoring.anchorNow(),
    pushPolicy: async (policy) => push?.pushNow(policy),
    async close() {
      rateLimiter.stop();
      await server.close();
      // A last anchor, so what was served up to now is covered (the subgraphs still run: they stop after the gateway).
      await anchoring.anchorNow();
      anchoring.stop();
      push?.stop();
      await hub.close();
    },
  };
}
