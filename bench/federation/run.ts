import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/*
 * The side-by-side gateway benchmark (issue 10 item 6): The Guild's federation gateway benchmark
 * (graphql-hive/graphql-gateways-benchmark: its four subgraphs and static data ported to Node, its
 * TestQuery verbatim) driven by autocannon against plain @apollo/gateway, Liaison's gateway with
 * every plugin, and Hive Gateway with its router-runtime planner and with its own. Each gateway
 * runs alone on CPU 1; the subgraphs and autocannon share CPU 0. Every gateway's answer is checked
 * against plain Apollo's before its run, and every answer under load must be a 2xx without
 * "errors". Results: a table here and bench/results/federation-gateways.json.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    gateways: { type: "string", default: "apollo,liaison,hive-router-runtime,hive" },
    "skip-overhead": { type: "boolean", default: false },
    // CPU profiles (node --cpu-prof) of these gateways under the measured load, into bench/results/profiles.
    profile: { type: "string", default: "" },
  },
});
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = Number(values.connections);
const QUERY = readFileSync(path.join(here, "test-query.graphql"), "utf8");
const BODY = JSON.stringify({ query: QUERY });

interface GatewaySpec {
  readonly label: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
}

const GATEWAYS: Record<string, GatewaySpec> = {
  apollo: { label: "plain @apollo/gateway 2.14.4", args: ["peers/apollo.mjs"], env: { NODE_ENV: "production" } },
  liaison: { label: "Liaison gateway (all plugins)", args: ["--import", "tsx", "liaison.ts"] },
  "hive-router-runtime": { label: "Hive Gateway 2.15.1 + router-runtime", args: ["peers/hive.mjs"], env: { NODE_ENV: "production", HIVE_PLANNER: "router-runtime" } },
  hive: { label: "Hive Gateway 2.15.1 (own planner)", args: ["peers/hive.mjs"], env: { NODE_ENV: "production" } },
};

// Pinning needs taskset and two CPUs; without them the run still works, and says it is unpinned.
const pinned = os.availableParallelism() >= 2 && spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const onCpu = (cpu: number, command: string, args: readonly string[]): [string, string[]] =>
  pinned ? ["taskset", ["-c", String(cpu), command, ...args]] : [command, [...args]];

const children = new Set<ChildProcess>();

/** Starts a node process in the bench folder and waits for its `{"ready": url}` line. */
async function startNode(cpu: number, args: readonly string[], env: Record<string, string>, what: string): Promise<{ child: ChildProcess; line: Record<string, unknown> }> {
  const [command, argv] = onCpu(cpu, process.execPath, args);
  const child = spawn(command, argv, { cwd: here, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit", "ipc"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const line = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within 180 s`)), 180_000);
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before it was ready`)));
    lines.on("line", (text) => {
      if (!text.startsWith("{")) return;
      const parsed = JSON.parse(text) as Record<string, unknown>;
      if (typeof parsed.ready === "string") {
        clearTimeout(timer);
        resolve(parsed);
      }
    });
  });
  return { child, line };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time a process has used so far (user + system, all its threads), in ms; null off Linux. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks (100 per second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly mismatches: number;
}

/** One autocannon run on the load CPU. */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<LoadResult> {
  const job = JSON.stringify({ url, headers, body: BODY, connections: CONNECTIONS, duration: seconds });
  const [command, argv] = onCpu(0, process.execPath, ["peers/load.mjs", job]);
  const child = spawn(command, argv, { cwd: here, stdio: ["ignore", "pipe", "inherit"] });
  children.add(child);
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  children.delete(child);
  if (code !== 0) throw new Error(`autocannon exited with ${code}`);
  return JSON.parse(out.trim().split("\n").pop() as string) as LoadResult;
}

async function answer(url: string, headers: Record<string, string>): Promise<{ data: unknown; errors?: unknown }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: BODY });
  return (await response.json()) as { data: unknown; errors?: unknown };
}

function subgraphRequests(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("message", (message) => resolve((message as { subgraphRequests: number }).subgraphRequests));
    child.send("count");
  });
}

function ensureDependencies(): void {
  if (existsSync(path.join(here, "node_modules", "autocannon"))) return;
  process.stdout.write("installing the benchmark's own dependencies (npm ci --prefix bench/federation)...\n");
  const result = spawnSync("npm", ["ci", "--prefix", here, "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm ci --prefix bench/federation failed");
}

interface Row {
  readonly gateway: string;
  readonly label: string;
  readonly rps: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly requests: number;
  readonly failures: number;
  /** The failures by kind: non-2xx answers, connection errors, timeouts (10 s), 2xx answers holding "errors". */
  readonly failuresByKind: { readonly non2xx: number; readonly errors: number; readonly timeouts: number; readonly mismatches: number };
  readonly subgraphFetchesPerOperation: number;
  readonly peakRssMb: number | null;
  /** The gateway's CPU time per answered operation: steadier than RPS on a busy machine. */
  readonly gatewayCpuMsPerOperation: number | null;
  readonly sameAnswerAsApollo: boolean | null;
}

const fixed = (n: number | null, digits = 0) => (n === null ? "-" : n.toFixed(digits));

async function main(): Promise<void> {
  ensureDependencies();
  const names = values.gateways.split(",").map((name) => name.trim());
  for (const name of names) if (!GATEWAYS[name]) throw new Error(`unknown gateway "${name}" (known: ${Object.keys(GATEWAYS).join(", ")})`);
  process.stdout.write(
    `federation benchmark: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s measured per gateway; ` +
      (pinned ? "gateway on CPU 1, subgraphs and autocannon on CPU 0\n" : "NOT pinned (taskset or a second CPU missing): figures are indicative only\n"),
  );
  const subgraphs = await startNode(0, ["peers/subgraphs.mjs"], {}, "the subgraphs");
  const subgraphsUrl = subgraphs.line.ready as string;
  const rows: Row[] = [];
  let reference: string | null = null;
  try {
    for (const name of names) {
      const spec = GATEWAYS[name] as GatewaySpec;
      process.stdout.write(`${spec.label}: starting... `);
      const profiling = values.profile.split(",").includes(name) ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, "bench", "results", "profiles")}`] : [];
      const { child, line } = await startNode(1, [...profiling, ...spec.args], { ...spec.env, SUBGRAPHS_URL: subgraphsUrl }, spec.label);
      try {
        const url = line.ready as string;
        const headers = (line.headers as Record<string, string> | undefined) ?? {};
        const first = await answer(url, headers);
        if (first.errors) throw new Error(`${spec.label} answered with errors: ${JSON.stringify(first.errors).slice(0, 300)}`);
        const shape = JSON.stringify(first.data);
        if (name === "apollo") reference = shape;
        const same = reference === null ? null : shape === reference;
        process.stdout.write(`warm-up ${WARMUP} s... `);
        if (WARMUP > 0) await load(url, headers, WARMUP);
        const before = await subgraphRequests(subgraphs.child);
        const cpuBefore = cpuMs(child.pid);
        process.stdout.write(`measuring ${DURATION} s... `);
        const result = await load(url, headers, DURATION);
        const cpuAfter = cpuMs(child.pid);
        const fetches = (await subgraphRequests(subgraphs.child)) - before;
        const row: Row = {
          gateway: name,
          label: spec.label,
          rps: result.rps,
          p50Ms: result.p50,
          p95Ms: result.p95,
          p99Ms: result.p99,
          requests: result.requests,
          failures: result.non2xx + result.errors + result.timeouts + result.mismatches,
          failuresByKind: { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, mismatches: result.mismatches },
          subgraphFetchesPerOperation: result.requests > 0 ? fetches / result.requests : 0,
          peakRssMb: peakRssMb(child.pid),
          gatewayCpuMsPerOperation: cpuBefore !== null && cpuAfter !== null && result.requests > 0 ? (cpuAfter - cpuBefore) / result.requests : null,
          sameAnswerAsApollo: same,
        };
        rows.push(row);
        process.stdout.write(`${fixed(row.rps)} req/s, p95 ${fixed(row.p95Ms)} ms, ${row.failures} failures\n`);
      } finally {
        await stop(child);
      }
    }
  } finally {
    await stop(subgraphs.child);
  }

  // The reference: plain Apollo's (first) run, when it answered at all.
  const apollo = rows.find((row) => row.gateway === "apollo" && row.rps > 0);
  const table = [
    "| gateway | RPS | vs Apollo (RPS) | p95 ms | vs Apollo (p95, lower is better) | failures | subgraph fetches / op | gateway CPU ms / op | peak RSS MB | same answer as Apollo |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map((row) =>
      [
        row.label,
        fixed(row.rps),
        apollo ? `${(row.rps / apollo.rps).toFixed(2)}x` : "-",
        fixed(row.p95Ms),
        apollo && apollo.p95Ms && row.p95Ms !== null ? `${(row.p95Ms / apollo.p95Ms).toFixed(2)}x` : "-",
        String(row.failures),
        row.subgraphFetchesPerOperation.toFixed(1),
        fixed(row.gatewayCpuMsPerOperation, 1),
        fixed(row.peakRssMb),
        row.sameAnswerAsApollo === null ? "-" : row.sameAnswerAsApollo ? "yes" : "NO",
      ].join(" | "),
    ).map((line) => `| ${line} |`),
  ].join("\n");
  process.stdout.write(
    `\n${table}\n\n` +
      "RPS and p95 from autocannon; failures = non-2xx + connection errors + timeouts (10 s) + 2xx answers holding \"errors\".\n" +
      "Gateway CPU ms / op = the gateway process's CPU time (all threads) over the measured run / answered operations.\n" +
      "Hive Gateway runs as in The Guild's config, with inbound in-flight request deduplication: identical concurrent requests\n" +
      "share one execution (hence ~0.2 subgraph fetches per operation). Liaison merges identical subgraph calls only within one\n" +
      "request: an agency's audit records one request id per call, so merging two requests would drop one disclosure record there.\n",
  );
  const bad = rows.filter((row) => row.failures > 0 || row.sameAnswerAsApollo === false);
  if (bad.length > 0) process.stdout.write(`\nINVALID: ${bad.map((row) => row.label).join(", ")} failed requests or answered differently from Apollo\n`);

  let overhead: unknown = null;
  if (!values["skip-overhead"]) {
    process.stdout.write("\nLiaison's own four-agency query: through the gateway vs one subgraph directly...\n");
    const [command, argv] = onCpu(1, process.execPath, ["--import", "tsx", "overhead.ts", JSON.stringify({ duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, pinned })]);
    const result = spawnSync(command, argv, { cwd: here, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
    process.stdout.write(result.stdout);
    const last = result.stdout.trim().split("\n").pop() ?? "";
    overhead = last.startsWith("{") ? JSON.parse(last) : { error: `overhead run exited with ${result.status}` };
  }

  const resultsDir = path.join(root, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, "federation-gateways.json");
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: os.availableParallelism(), node: process.version, pinned },
        options: { connections: CONNECTIONS, warmupSeconds: WARMUP, durationSeconds: DURATION },
        query: "graphql-gateways-benchmark TestQuery (k6.js), verbatim",
        rows: rows.map((row) => ({ ...row, rpsVsApollo: apollo ? row.rps / apollo.rps : null, p95VsApollo: apollo?.p95Ms && row.p95Ms !== null ? row.p95Ms / apollo.p95Ms : null })),
        overhead,
      },
      null,
      2,
    )}\n`,
  );
  process.stdout.write(`\nresults: ${path.relative(root, file)}\n`);
  if (bad.length > 0) process.exitCode = 1;
}

const cleanup = () => {
  for (const child of children) child.kill("SIGKILL");
};
process.once("SIGINT", () => {
  cleanup();
  process.exit(130);
});
try {
  await main();
} catch (error) {
  cleanup();
  process.stderr.write(`federation benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
