import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mintDevToken } from "../platform/auth/index.js";
import { loadConfig, SERVICE_PORTS } from "../platform/config.js";
import { createTestDatabases, usingPostgres } from "../test/helpers/databases.js";

/*
 * Soak (issue 10 item 9): starts a hub the way `npm start` does (its own process, its own temp
 * data folder, embedded PGlite unless DATABASE_URL is set, demo data), drives a fixed request
 * rate at it on 127.0.0.1 for --seconds, and samples the hub process's resident memory every
 * --sample seconds once the warm-up is over. The rate climbs linearly to --rate over the first
 * --ramp seconds (inside the warm-up; errors there count like any other). The load starts once
 * the hub has settled (demo data in, the policy case sandbox warm). Passes with 0 errors and RSS
 * growth under 10% between the start and the end of the measured window (each the median of a
 * minute of samples, so one garbage collection does not decide). Denials (FORBIDDEN fields) are policy outcomes, not
 * errors; anything else is (HTTP status, another error code, a transport failure, a request
 * still unanswered when the next second's budget of in-flight requests is spent).
 */

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "300" },
    rate: { type: "string", default: "50" },
    warmup: { type: "string", default: "60" },
    sample: { type: "string", default: "5" },
    ramp: { type: "string", default: "30" },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const WARMUP = Math.min(Number(values.warmup), Math.max(0, SECONDS - 30));
const SAMPLE = Number(values.sample);
/** Seconds over which the rate climbs from 0 to --rate (inside the warm-up): a cold hub is not hit at full rate in its first second. */
const RAMP = Math.min(Number(values.ramp), WARMUP);
const GROWTH_LIMIT = 0.1;
/** Requests allowed in flight at once; past it the hub is not keeping up and the request counts as an error. */
const MAX_IN_FLIGHT = RATE * 10;

/** The demo agencies' questions, each asked by several subjects (the rate limit is per subject). */
const QUERIES = [
  `{ phone(e164: "+447700900101") { e164 seizures { reference handling } postalItems { itemId } cases { reference } } }`,
  `{ seizures(first: 5) { totalCount edges { node { reference date } } } }`,
  `{ cases(first: 5) { totalCount edges { node { reference } } } }`,
  `{ fiuReports(first: 5) { totalCount edges { node { reference reportCode } } } }`,
  `{ postalItems(first: 5) { totalCount edges { node { itemId } } } }`,
  `{ phone(e164: "+447700900501") { e164 cases { reference handling } postalItems { itemId } } }`,
];
const SUBJECTS = [
  { sub: "soak-customs-1", agency: "CUSTOMS", roles: ["officer"], clearance: 2 },
  { sub: "soak-customs-2", agency: "CUSTOMS", roles: ["analyst"], clearance: 2 },
  { sub: "soak-police-1", agency: "POLICE", roles: ["officer"], clearance: 2 },
  { sub: "soak-police-2", agency: "POLICE", roles: ["analyst"], clearance: 3 },
  { sub: "soak-fiu-1", agency: "FIU", roles: ["analyst"], clearance: 2 },
  { sub: "soak-fiu-2", agency: "FIU", roles: ["officer"], clearance: 2 },
  { sub: "soak-postal-1", agency: "POSTAL", roles: ["officer"], clearance: 2 },
  { sub: "soak-postal-2", agency: "POSTAL", roles: ["analyst"], clearance: 2 },
];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resident memory of a process, from /proc (Linux), in bytes. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function waitUntilReady(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the hub exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
  throw new Error(`the hub was not ready within ${deadlineMs / 1000} s`);
}

/** Waits until the hub's log matches `line`; false when `ms` pass first. */
async function waitForLine(file: string, child: ChildProcess, line: RegExp, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (line.test(await readFile(file, "utf8"))) return true;
    if (child.exitCode !== null) throw new Error(`the hub exited with code ${child.exitCode} during start-up`);
    await sleep(1000);
  }
  return false;
}

async function stopHub(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}

async function main(): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-soak-"));
  // With DATABASE_URL: throwaway databases on that server (dropped at the end), not the ones npm start would use.
  const databases = usingPostgres() ? await createTestDatabases(["customs", "police", "fiu", "postal", "hub"]) : { env: {}, drop: async () => {} };
  const ports = Object.fromEntries(await Promise.all(Object.keys(SERVICE_PORTS).map(async (name) => [`${name.toUpperCase()}_PORT`, String(await freePort())])));
  // The hub's own environment: the caller's (DATABASE_URL, RATE_LIMIT_*, …) with a fresh data folder and free ports; no console build.
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LIAISON_DATA_DIR: dataDir, LIAISON_HOST: "127.0.0.1", CONSOLE: "off", ...databases.env, ...ports };
  const config = loadConfig(env);
  const gateway = `http://127.0.0.1:${config.ports.gateway}`;
  const log = createWriteStream(path.join(dataDir, "hub.log"));
  // One process, like `npm start` (tsx as a loader, so the pid sampled is the hub's own).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  process.stdout.write(`soak: hub pid ${child.pid} (${config.databaseUrls.customs ? "PostgreSQL" : "embedded PGlite"}), data ${dataDir}, gateway ${gateway}\n`);
  let code = 2;
  try {
    const startedAt = performance.now();
    await waitUntilReady(`${gateway}/readyz`, child, 300_000);
    // Ready answers before the demo data is in: wait for the start-up line, which comes after seeding;
    // then for the policy case sandbox (a second hub in the same process, started after it) to be warm,
    // so the load and the memory measure see the hub as it runs, not its start-up.
    await waitForLine(path.join(dataDir, "hub.log"), child, /Liaison is ready/, 300_000);
    const settled = await waitForLine(path.join(dataDir, "hub.log"), child, /policy case sandbox (warm|did not start)/, 420_000);
    if (!settled) process.stdout.write("soak: no policy case sandbox line within 420 s; loading anyway\n");
    process.stdout.write(`soak: hub ready with demo data and warm in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; ${RATE} req/s for ${SECONDS} s (warm-up ${WARMUP} s), ${SUBJECTS.length} subjects\n`);
    const tokens = await Promise.all(SUBJECTS.map((subject) => mintDevToken(config, { ...subject, operations: [] })));
    code = await drive(`${gateway}/graphql`, tokens, child.pid as number);
    return code;
  } finally {
    await stopHub(child);
    await databases.drop();
    log.end();
    if (code !== 0) process.stdout.write(`soak: hub log kept at ${path.join(dataDir, "hub.log")}\n`);
    else await rm(dataDir, { recursive: true, force: true });
  }
}

async function drive(url: string, tokens: string[], pid: number): Promise<number> {
  // The ramp sends half a full-rate ramp's worth of requests.
  const total = Math.round((SECONDS - RAMP / 2) * RATE);
  const rampRequests = (RATE * RAMP) / 2;
  // When request i leaves (seconds from the start): quadratic through the linear ramp, then one every 1/RATE.
  const dueAt = (i: number) => (i < rampRequests ? Math.sqrt((2 * RAMP * i) / RATE) : i / RATE + RAMP / 2);
  const latencies = new Float64Array(total);
  const problems = new Map<string, number>();
  const problem = (kind: string) => problems.set(kind, (problems.get(kind) ?? 0) + 1);
  let answered = 0;
  let denials = 0;
  let inFlight = 0;
  const samples: Array<{ at: number; rss: number }> = [];
  // The V8 heap in use, from the gateway's /metrics (the hub's process metrics): tells heap growth from RSS the allocator keeps.
  const heap: number[] = [];
  const metricsUrl = url.replace(/\/graphql$/, "/metrics");
  const heapUsed = async () => Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(await (await fetch(metricsUrl)).text())?.[1]);
  const started = performance.now();
  const one = async (i: number) => {
    const token = tokens[i % tokens.length] as string;
    const query = QUERIES[Math.floor(i / tokens.length) % QUERIES.length] as string;
    const sent = performance.now();
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation" },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      if (response.status !== 200) problem(`HTTP ${response.status} ${body.errors?.[0]?.extensions?.code ?? ""}`.trim());
      for (const error of body.errors ?? []) {
        if (error.extensions?.code === "FORBIDDEN") denials += 1;
        else problem(String(error.extensions?.code ?? "no code"));
      }
    } catch (error) {
      problem(error instanceof Error ? error.name : "failure");
    }
    latencies[answered++] = performance.now() - sent;
  };
  const pending: Array<Promise<void>> = [];
  const sampler = setInterval(() => {
    const at = (performance.now() - started) / 1000;
    if (at < WARMUP) return;
    void rssOf(pid).then((rss) => samples.push({ at, rss }), () => problem("rss sample"));
    void heapUsed().then((used) => heap.push(used), () => undefined);
  }, SAMPLE * 1000);
  for (let i = 0; i < total; i += 1) {
    // Open loop: request i leaves on schedule (dueAt) whatever the answers before it did.
    const due = started + dueAt(i) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (inFlight >= MAX_IN_FLIGHT) {
      problem("not sent: too many in flight");
      continue;
    }
    inFlight += 1;
    pending.push(one(i).finally(() => (inFlight -= 1)));
    if (i % (RATE * 30) === 0 && i > 0) process.stdout.write(`soak: ${Math.round((performance.now() - started) / 1000)} s, ${answered} answered, ${[...problems.values()].reduce((a, b) => a + b, 0)} errors\n`);
  }
  await Promise.all(pending);
  clearInterval(sampler);
  samples.push({ at: (performance.now() - started) / 1000, rss: await rssOf(pid) });

  const sorted = latencies.slice(0, answered).sort();
  const errors = [...problems.values()].reduce((a, b) => a + b, 0);
  // A minute of samples at each end (at least three): one collection's high or low does not decide.
  const edge = Math.max(3, Math.round(60 / SAMPLE));
  const first = samples.slice(0, edge).map((s) => s.rss);
  const last = samples.slice(-edge).map((s) => s.rss);
  const rssStart = median(first);
  const rssEnd = median(last);
  const growth = (rssEnd - rssStart) / rssStart;
  const peak = Math.max(...samples.map((s) => s.rss));
  const elapsed = (performance.now() - started) / 1000;
  const lines = [
    "",
    `Soak: ${RATE} req/s (reached after a ${RAMP} s ramp) for ${SECONDS} s on 127.0.0.1 (${elapsed.toFixed(0)} s with the last answers), ${SUBJECTS.length} subjects, ${QUERIES.length} queries`,
    `  requests: ${answered} answered of ${total} (${(answered / elapsed).toFixed(1)} req/s)`,
    `  errors: ${errors}${errors ? ` (${[...problems].map(([kind, n]) => `${kind}: ${n}`).join(", ")})` : ""}`,
    `  denied fields (policy decisions, not errors): ${denials}`,
    `  latency: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${percentile(sorted, 100).toFixed(1)} ms`,
    `  hub RSS every 30 s: ${samples.filter((_, i) => i % Math.max(1, Math.round(30 / SAMPLE)) === 0).map((s) => (s.rss / 1024 / 1024).toFixed(0)).join(" ")} MB`,
    `  V8 heap used every 30 s: ${heap.filter((_, i) => i % Math.max(1, Math.round(30 / SAMPLE)) === 0).map((h) => (h / 1024 / 1024).toFixed(0)).join(" ")} MB`,
    `  hub RSS: ${mb(rssStart)} over the first minute of the measure (from ${WARMUP} s) -> ${mb(rssEnd)} over the last, growth ${(growth * 100).toFixed(1)}% (target < ${GROWTH_LIMIT * 100}%), peak ${mb(peak)}, ${samples.length} samples every ${SAMPLE} s`,
    "",
  ];
  process.stdout.write(lines.join("\n"));
  const failed = errors > 0 || !(growth < GROWTH_LIMIT);
  process.stdout.write(failed ? "soak: FAILED\n" : "soak: passed\n");
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`soak: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
