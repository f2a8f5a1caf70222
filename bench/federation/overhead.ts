import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createTokenVerifier, mintDevToken } from "../../platform/auth/index.js";
import { loadConfig } from "../../platform/config.js";
import { canonicalJson } from "../../platform/canonical-json.js";
import { seedDemo, seedDemoOperations } from "../../demo/index.js";
import { startHub } from "../../hub/start-hub.js";
import { loadGatewayTrust } from "../../gateway/trust.js";
import { createTestDatabases, usingPostgres } from "../../test/helpers/databases.js";
import { closedLoop, type ClosedLoopRequest } from "../closed-loop.js";

/*
 * The gateway's own overhead on Liaison's data (part of npm run bench:gateway): a demo hub in
 * this process (scale 1; in-memory PGlite, or PostgreSQL when DATABASE_URL is set) and, one after
 * the other, the same closed-loop load on
 *   A. the four-agency query (a phone's customs seizures, police cases, postal items, FIU hit) through the gateway;
 *   B. its customs part alone through the gateway (token check, purpose, plan, per-call token, request audit);
 *   C. exactly the call the gateway makes for B, sent straight to the customs subgraph with a
 *      per-call token minted like the gateway's (the subgraph's enforcement and audit still run).
 * B against C is the gateway's overhead on one subgraph's data (B's plan also asks the links
 * subgraph, which owns phone(e164), before customs: two calls where C makes one). Prints a table
 * and one JSON line.
 */

const job = JSON.parse(process.argv[2] ?? "{}") as { duration?: number; warmup?: number };
const SECONDS = job.duration ?? 10;
const WARMUP = job.warmup ?? 3;
const CONCURRENCY = 8;
const E164 = "+447700900101";
const SEIZURES = "seizures { reference date commodities { code quantity unit } parties { role name identifiers { kind value } } }";
const FOUR_AGENCIES = `{ phone(e164: "${E164}") { e164 ${SEIZURES} cases { reference title status } postalItems { itemId reference category sender { name country } } fiuHit { hit contactPoint } } }`;
const CUSTOMS_ONLY = `{ phone(e164: "${E164}") { e164 ${SEIZURES} } }`;
const DIRECT = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Phone { ${SEIZURES} } } }`;

interface Stats {
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly errors: number;
}

/** Closed-loop load: CONCURRENCY workers, each request built by `request` (a fresh token for direct calls). */
async function load(seconds: number, request: () => Promise<ClosedLoopRequest>): Promise<Stats> {
  const run = await closedLoop({ seconds, concurrency: CONCURRENCY, request, requireData: true });
  return { requests: run.requests, rps: run.rps, p50Ms: run.latencyAt(0.5), p95Ms: run.latencyAt(0.95), errors: run.errors };
}

const databases = await createTestDatabases(["customs", "police", "fiu", "postal", "hub"]);
const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-overhead-"));
// One subject drives the load (the limiter runs, out of reach); no policy test cases (their sandbox would start a third hub mid-measure).
const config = loadConfig({ LIAISON_DATA_DIR: dataDir, AUDIT_ANCHOR_INTERVAL_SECONDS: "86400", RATE_LIMIT_PER_SECOND: "1000000", RATE_LIMIT_BURST: "1000000", POLICY_CASES_DIR: path.join(dataDir, "no-cases"), ...databases.env });
const hub = await startHub({ config, inMemory: true, randomPorts: true });
try {
  const db = (name: string) => hub.subgraphs[name]?.dataSource as DataSource;
  await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, config, { scale: 1 });
  await seedDemoOperations(hub);
  const token = await mintDevToken(config, { sub: "bench", agency: "CUSTOMS", roles: ["analyst"], clearance: 3, operations: ["OP-LANTERN"] }, 3600);
  const subject = await (await createTokenVerifier(config))(token);
  const trust = await loadGatewayTrust(config);
  const customsUrl = hub.subgraphs.customs?.url as string;
  const viaGateway = (query: string) => async () => ({
    url: hub.gateway.url,
    headers: { authorization: `Bearer ${token}`, "x-purpose": "investigation" },
    body: JSON.stringify({ query }),
  });
  const direct = async () => {
    const body = { query: DIRECT, variables: { representations: [{ __typename: "Phone", e164: E164 }] } };
    const text = canonicalJson(body);
    const policyVersion = (hub.policies?.active().version ?? undefined) as string | undefined;
    const callToken = await trust.mint({ subgraph: "customs", scope: "graphql", body, bodyText: text, subject, purpose: "investigation", requestId: randomUUID(), policyVersion });
    return { url: customsUrl, headers: { authorization: `Bearer ${callToken}` }, body: text };
  };
  const runs: Array<[string, () => Promise<{ url: string; headers: Record<string, string>; body: string }>]> = [
    ["A. four-agency query through the gateway", viaGateway(FOUR_AGENCIES)],
    ["B. customs part through the gateway", viaGateway(CUSTOMS_ONLY)],
    ["C. the same customs call straight to the subgraph", direct],
  ];
  const results: Record<string, Stats> = {};
  for (const [name, request] of runs) {
    await load(WARMUP, request);
    results[name] = await load(SECONDS, request);
  }
  const lines = ["| run | req/s | p50 ms | p95 ms | requests | errors |", "|---|---:|---:|---:|---:|---:|"];
  for (const [name, stats] of Object.entries(results)) {
    lines.push(`| ${name} | ${stats.rps.toFixed(1)} | ${stats.p50Ms.toFixed(1)} | ${stats.p95Ms.toFixed(1)} | ${stats.requests} | ${stats.errors} |`);
  }
  const [, b, c] = Object.values(results) as [Stats, Stats, Stats];
  const summary = {
    database: usingPostgres() ? "PostgreSQL" : "embedded PGlite",
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    runs: results,
    gatewayThroughputVsDirect: b.rps / c.rps,
    gatewayAddedP50Ms: b.p50Ms - c.p50Ms,
  };
  process.stdout.write(
    `${lines.join("\n")}\n(${summary.database}, ${CONCURRENCY} concurrent clients, ${SECONDS} s each, hub and load in one process on one CPU)\n` +
      `gateway overhead on one subgraph's data: B/C throughput ${summary.gatewayThroughputVsDirect.toFixed(2)}, +${summary.gatewayAddedP50Ms.toFixed(1)} ms at p50\n` +
      `${JSON.stringify(summary)}\n`,
  );
} finally {
  await hub.close();
  await databases.drop();
  await rm(dataDir, { recursive: true, force: true });
}
