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

/*
 * Link analysis costs what it returns, not what the hub holds: the same seed's depth-3 graph on
 * demo data at scale 1 and at scale 10 (in-process hubs on throwaway databases: in-memory PGlite,
 * or PostgreSQL when DATABASE_URL is set). The planted networks are the same at every scale (no
 * background record uses their identifiers), so the graph is the same; the time should be too.
 * Target: scale 10 at most 1.5x scale 1. Sequential requests, alternating between the hubs.
 */

const { values } = parseArgs({ options: { rounds: { type: "string", default: "15" }, scales: { type: "string", default: "1,10" } } });
const ROUNDS = Number(values.rounds);
const SCALES = values.scales.split(",").map(Number);
const TARGET = 1.5;

/** Customs in OP-LANTERN from the shop's phone: parcels, seizures, the case and what they mention, three hops out. */
const SEED = { kind: "PHONE", value: "+447700900101" };
const QUERY = `query($seeds: [IdentifierInput!]!) { linkGraph(seeds: $seeds, depth: 3, maxNodes: 500) {
  truncated depth nodes { id kind label agency restricted handling date depth } edges { id source target kind agency date handling } } }`;

const dropAll: Array<() => Promise<void>> = [];

async function hub(scale: number, dataDir: string): Promise<RunningHub> {
  const databases = await createTestDatabases(["customs", "police", "fiu", "postal", "hub"]);
  dropAll.push(() => databases.drop());
  const config = loadConfig({ LIAISON_DATA_DIR: dataDir, ...databases.env });
  const running = await startHub({ config, inMemory: true, randomPorts: true });
  const db = (name: string) => running.subgraphs[name]?.dataSource as DataSource;
  const started = performance.now();
  await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, config, { scale });
  await seedDemoOperations(running);
  process.stdout.write(`scale ${scale}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return running;
}

async function expand(url: string, token: string): Promise<{ ms: number; nodes: number; edges: number; signature: string }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation" },
    body: JSON.stringify({ query: QUERY, variables: { seeds: [SEED] } }),
  });
  const json = (await response.json()) as { data?: { linkGraph: { nodes: Array<{ kind: string; label: string }>; edges: unknown[] } }; errors?: unknown[] };
  const ms = performance.now() - started;
  if (!json.data || json.errors) throw new Error(`linkGraph failed: ${JSON.stringify(json.errors ?? response.status).slice(0, 300)}`);
  const { nodes, edges } = json.data.linkGraph;
  // Records by label (their ids differ between hubs): the same graph on both sides.
  return { ms, nodes: nodes.length, edges: edges.length, signature: nodes.map((n) => `${n.kind} ${n.label}`).sort().join("|") };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-links-"));
const config = loadConfig({ LIAISON_DATA_DIR: dataDir });
process.stdout.write(`seeding ${SCALES.length} hubs (scales ${SCALES.join(", ")}) on ${usingPostgres() ? "PostgreSQL" : "embedded PGlite"}...\n`);
const hubs: RunningHub[] = [];
try {
  for (const scale of SCALES) hubs.push(await hub(scale, dataDir));
  const token = await mintDevToken(config, { sub: "bench", agency: "CUSTOMS", roles: ["analyst"], clearance: 2, operations: ["OP-LANTERN"] }, 3600);
  const times: number[][] = hubs.map(() => []);
  const shapes: string[] = [];
  for (const [i, running] of hubs.entries()) {
    const warm = await expand(running.gateway.url, token);
    await expand(running.gateway.url, token);
    shapes[i] = warm.signature;
    process.stdout.write(`scale ${SCALES[i]}: ${warm.nodes} nodes, ${warm.edges} edges\n`);
  }
  if (new Set(shapes).size !== 1) process.stdout.write("warning: the graphs differ between scales\n");
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, running] of hubs.entries()) times[i]?.push((await expand(running.gateway.url, token)).ms);
  }
  const lines = ["| scale | median ms | min ms | max ms | rounds |", "| ---: | ---: | ---: | ---: | ---: |"];
  for (const [i, list] of times.entries()) {
    lines.push(`| ${SCALES[i]} | ${median(list).toFixed(1)} | ${Math.min(...list).toFixed(1)} | ${Math.max(...list).toFixed(1)} | ${list.length} |`);
  }
  const ratio = median(times[times.length - 1] ?? []) / median(times[0] ?? []);
  process.stdout.write(
    `\n${lines.join("\n")}\n\nscale ${SCALES[SCALES.length - 1]} / scale ${SCALES[0]}: ${ratio.toFixed(2)}x (target at most ${TARGET}x) ${ratio <= TARGET ? "ok" : "ABOVE TARGET"}\n` +
      `(${usingPostgres() ? "PostgreSQL" : "embedded PGlite"}, depth 3 from ${SEED.kind} ${SEED.value}, customs analyst in OP-LANTERN, Node ${process.version}, ${os.cpus().length} cores)\n`,
  );
} finally {
  for (const running of hubs) await running.close();
  for (const drop of dropAll) await drop();
  await rm(dataDir, { recursive: true, force: true });
}
