import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { DataSource } from "typeorm";
import { mintDevToken } from "../platform/auth/index.js";
import { loadConfig } from "../platform/config.js";
import { seedDemo, seedDemoOperations } from "../demo/index.js";
import { startHub, type RunningHub } from "../hub/start-hub.js";
import { createTestDatabases, usingPostgres } from "../test/helpers/databases.js";
import { closedLoop } from "./closed-loop.js";

/*
 * The cost of policy enforcement and the delivery audit, measured in one run: two hubs on the
 * same demo data (in-memory embedded databases, loopback only), one with enforcement and audit,
 * one without, the same queries against both, in alternating rounds. Bounded in time.
 */

const { values } = parseArgs({ options: { seconds: { type: "string", default: "8" }, concurrency: { type: "string", default: "8" }, rounds: { type: "string", default: "2" } } });
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);

const WORKLOADS = [
  {
    name: "three-agency query (phone: seizures, cases, postal items, FIU hit)",
    agency: "CUSTOMS",
    operations: ["OP-LANTERN"],
    query: `{ phone(e164: "+447700900101") { e164
      seizures { reference date commodities { code quantity unit } parties { role name identifiers { kind value } } }
      cases { reference title status }
      postalItems { itemId reference category sender { name country } }
      fiuHit { hit contactPoint } } }`,
  },
  {
    name: "1000-row list (postal items, own agency)",
    agency: "POSTAL",
    operations: [],
    query: `{ postalItems(first: 1000) { edges { node { itemId reference handling category destinationCountry sender { name country } contents { description value currency } } } } }`,
  },
];

interface Stats { requests: number; rps: number; p50: number; p99: number; errors: number }

async function load(url: string, token: string, query: string): Promise<Stats> {
  const request = { url, headers: { authorization: `Bearer ${token}`, "x-purpose": "investigation" }, body: JSON.stringify({ query }) };
  const run = await closedLoop({ seconds: SECONDS, concurrency: CONCURRENCY, request: () => request });
  return { requests: run.requests, rps: run.rps, p50: run.latencyAt(0.5), p99: run.latencyAt(0.99), errors: run.errors };
}

const dropAll: Array<() => Promise<void>> = [];

/** A hub on throwaway databases: PostgreSQL when DATABASE_URL is set, else in-memory PGlite. */
async function hub(enforcement: boolean, dataDir: string): Promise<RunningHub> {
  const databases = await createTestDatabases(["customs", "police", "fiu", "postal", "hub"]);
  dropAll.push(() => databases.drop());
  // No policy test cases: the admin service would otherwise start its case sandbox (a third hub,
  // seeded) in the background, in the middle of the measurement. A subgraph deadline long enough
  // for a 1000-row page on a loaded 2-core machine: a timed-out answer is not a measurement. The
  // per-subject rate limit (50/s) would cap both hubs alike at the one bench subject: raised.
  const config = loadConfig({
    LIAISON_DATA_DIR: dataDir, PAGE_SIZE_MAX: "1000", POLICY_CASES_DIR: path.join(dataDir, "no-cases"), SUBGRAPH_TIMEOUT_MS: "60000",
    RATE_LIMIT_PER_SECOND: "1000000", RATE_LIMIT_BURST: "1000000", ...databases.env,
  });
  const running = await startHub({ config, inMemory: true, randomPorts: true, enforcement });
  const db = (name: string) => running.subgraphs[name]?.dataSource as DataSource;
  await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, config, { scale: 4 });
  // The three-agency workload claims OP-LANTERN: the registry must know it for the claim to count.
  await seedDemoOperations(running);
  return running;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-"));
const config = loadConfig({ LIAISON_DATA_DIR: dataDir });
process.stdout.write(`seeding two hubs (scale 4) on ${usingPostgres() ? "PostgreSQL" : "embedded PGlite"}...\n`);
const on = await hub(true, dataDir);
const off = await hub(false, dataDir);
try {
  const lines = ["| workload | enforcement | req/s | p50 ms | p99 ms | requests | errors |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"];
  const ratios: string[] = [];
  for (const workload of WORKLOADS) {
    const token = await mintDevToken(config, { sub: "bench", agency: workload.agency, roles: ["analyst"], clearance: 3, operations: workload.operations });
    await load(on.gateway.url, token, workload.query); // warm-up, both sides
    await load(off.gateway.url, token, workload.query);
    const totals = { on: [] as Stats[], off: [] as Stats[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      totals.on.push(await load(on.gateway.url, token, workload.query));
      totals.off.push(await load(off.gateway.url, token, workload.query));
    }
    const merge = (list: Stats[]): Stats => ({
      requests: list.reduce((s, x) => s + x.requests, 0),
      rps: list.reduce((s, x) => s + x.rps, 0) / list.length,
      p50: list.reduce((s, x) => s + x.p50, 0) / list.length,
      p99: list.reduce((s, x) => s + x.p99, 0) / list.length,
      errors: list.reduce((s, x) => s + x.errors, 0),
    });
    for (const [label, stats] of [["on", merge(totals.on)], ["off", merge(totals.off)]] as const) {
      lines.push(`| ${workload.name} | ${label} | ${stats.rps.toFixed(1)} | ${stats.p50.toFixed(1)} | ${stats.p99.toFixed(1)} | ${stats.requests} | ${stats.errors} |`);
    }
    ratios.push(`${workload.name}: on/off throughput ${(merge(totals.on).rps / merge(totals.off).rps).toFixed(2)}`);
  }
  process.stdout.write(`\n${lines.join("\n")}\n\n${ratios.join("\n")}\n(${usingPostgres() ? "PostgreSQL" : "embedded PGlite"}, ${CONCURRENCY} concurrent clients, ${ROUNDS} alternating rounds of ${SECONDS}s per side, Node ${process.version}, ${os.cpus().length} cores)\n`);
} finally {
  await on.close();
  await off.close();
  for (const drop of dropAll) await drop();
  await rm(dataDir, { recursive: true, force: true });
}
