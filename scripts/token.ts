import { parseArgs } from "node:util";
import { AGENCIES } from "../schema/enums.js";
import { loadConfig } from "../platform/config.js";
import { mintDevToken } from "../platform/auth/index.js";

const USAGE = `usage: npm run -s token -- --agency CUSTOMS|POLICE|FIU|POSTAL|HUB [--role analyst] [--role ...]
                           [--clearance 0-4] [--operation OP-ID ...] [--sub name] [--ttl seconds]
Prints a token signed by the dev issuer (its key is created under ./data/keys on first use).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      agency: { type: "string" },
      role: { type: "string", multiple: true },
      clearance: { type: "string", default: "1" },
      operation: { type: "string", multiple: true },
      sub: { type: "string" },
      ttl: { type: "string", default: "28800" },
      help: { type: "boolean" },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const agency = values.agency?.toUpperCase();
if (!agency || !AGENCIES.includes(agency as (typeof AGENCIES)[number])) fail(`--agency must be one of ${AGENCIES.join(", ")}`);
const clearance = Number(values.clearance);
if (!Number.isInteger(clearance) || clearance < 0 || clearance > 4) fail("--clearance must be an integer 0-4");
const ttl = Number(values.ttl);
if (!Number.isInteger(ttl) || ttl < 60 || ttl > 7 * 24 * 3600) fail("--ttl must be 60 .. 604800 seconds");
const roles = values.role ?? ["analyst"];
const config = loadConfig();
if (!config.issuers.some((issuer) => issuer.dev)) fail("the dev issuer is disabled (NODE_ENV=production or DEV_ISSUER=false)");
const token = await mintDevToken(
  config,
  { sub: values.sub ?? `${agency.toLowerCase()}-${roles[0]}`, agency, roles, clearance, operations: values.operation ?? [] },
  ttl,
);
process.stdout.write(`${token}\n`);
