import "reflect-metadata";
import { loadConfig, type LiaisonConfig } from "../platform/config.js";
import { lockDataDir } from "../hub/lock.js";
import { startHub } from "../hub/start-hub.js";
import { seedDemoIfEmpty } from "../demo/index.js";
import { consoleLine, prepareConsole } from "./build-web.js";

const started = performance.now();
const config = loadConfig();
const embedded = (["customs", "police", "fiu", "postal"] as const).some((name) => !config.databaseUrls[name]);
const fail = (error: unknown): never => {
  process.stderr.write(`liaison: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
};
// The web console is built before the gateway lists its files (only when web/dist is missing or older than web/src).
const consoleBuild = await prepareConsole(config);
if (consoleBuild?.state === "unavailable") process.stderr.write(`liaison: console not built: ${consoleBuild.reason}\n`);
const unlock = embedded ? await lockDataDir(config.dataDir).catch(fail) : async () => {};
const hub = await startHub({ config }).catch(async (error: unknown) => {
  await unlock();
  return fail(error);
});
// Demo data is a convenience: a failure (e.g. a code list without NPS) is reported, the hub keeps running.
const seeded = await seedDemoIfEmpty(hub, config).catch((error: unknown) => {
  process.stderr.write(`liaison: demo data not loaded: ${error instanceof Error ? error.message : String(error)}\n`);
  return "not loaded (see above)";
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  [
    "",
    `Liaison is ready in ${seconds}s: ${hub.gateway.url}`,
    consoleLine(consoleBuild, hub.gateway.url),
    `  storage: ${hub.embedded ? `embedded PGlite under ${config.dataDir}/pglite (set DATABASE_URL for PostgreSQL)` : "PostgreSQL"}`,
    seeded ? `  demo data: ${seeded}` : "  demo data: already present",
    "  get a token:  npm run -s token -- --agency POLICE --role analyst --clearance 2",
    `  then:  curl -s ${hub.gateway.url} -H "authorization: Bearer $TOKEN" -H "x-purpose: investigation" \\`,
    `          -H "content-type: application/json" -d '{"query":"{ phone(e164: \\"+447700900101\\") { e164 cases { id handling } } }"}'`,
    "",
  ].join("\n"),
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`liaison: ${signal}, stopping\n`);
  await hub.close();
  await unlock();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
