import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WEB = fileURLToPath(new URL("../web", import.meta.url));
const DIST_INDEX = path.join(WEB, "dist", "index.html");
/** The console's sources: a build older than any of them is rebuilt. */
const SOURCES = ["src", "public", "index.html", "vite.config.ts", "tsconfig.json"].map((name) => path.join(WEB, name));

function newestChange(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}

/** Whether web/dist is missing or older than web/src. */
export function consoleBuildStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true;
  const built = statSync(DIST_INDEX).mtimeMs;
  return SOURCES.some((source) => newestChange(source) > built);
}

export type ConsoleBuild = { state: "fresh" | "built"; seconds: number } | { state: "unavailable"; reason: string };

/** Runs `vite build` in a child process: the bundler's memory (about 1 GB at its peak) is never the hub's. */
function viteBuild(): Promise<void> {
  let viteBin: string;
  try {
    viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  } catch {
    return Promise.reject(new Error("vite is not installed (npm install without --omit=dev brings it)"));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, "build", "--config", path.join(WEB, "vite.config.ts"), "--logLevel", "warn"], {
      cwd: WEB,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-4000);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the console build failed: ${stderr.trim().split("\n").slice(-3).join(" ") || `vite exited with ${code}`}`));
    });
  });
}

/** Builds the console with Vite when stale (or when forced); never throws: the hub runs without a console. */
export async function ensureConsoleBuilt(options: { force?: boolean } = {}): Promise<ConsoleBuild> {
  const started = performance.now();
  if (!options.force && !consoleBuildStale()) return { state: "fresh", seconds: 0 };
  try {
    await viteBuild();
  } catch (error) {
    return { state: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
  return { state: "built", seconds: (performance.now() - started) / 1000 };
}

/** The start-up message's console line. */
export function consoleLine(build: ConsoleBuild | null, gatewayUrl: string): string {
  if (!build) return "  console: off (CONSOLE=on serves it)";
  if (build.state === "unavailable") return "  console: not built (see above)";
  return `  console: ${new URL("/console/", gatewayUrl).href}${build.state === "built" ? ` (built in ${build.seconds.toFixed(1)}s)` : ""}`;
}

/** Builds web/dist when it is the folder served and stale; a configured CONSOLE_DIST_DIR is served as it is. */
export async function prepareConsole(config: { console: boolean; consoleDir: string }): Promise<ConsoleBuild | null> {
  if (!config.console) return null;
  if (path.resolve(config.consoleDir) !== path.join(WEB, "dist")) {
    return existsSync(path.join(config.consoleDir, "index.html")) ? { state: "fresh", seconds: 0 } : { state: "unavailable", reason: `no index.html in CONSOLE_DIST_DIR ${config.consoleDir}` };
  }
  return ensureConsoleBuilt();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await ensureConsoleBuilt({ force: !process.argv.includes("--if-stale") });
  if (result.state === "unavailable") {
    process.stderr.write(`build:web: ${result.reason}\n`);
    process.exit(1);
  }
  process.stdout.write(result.state === "fresh" ? "build:web: web/dist is up to date\n" : `build:web: web/dist built in ${result.seconds.toFixed(1)}s\n`);
}
