import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importPKCS8, SignJWT } from "jose";
import { AGENCIES } from "../schema/enums.js";
import { loadConfig, type LiaisonConfig } from "../platform/config.js";
import { mintDevToken, type TokenClaims } from "../platform/auth/index.js";

const USAGE = `usage: npm run -s token -- --agency CUSTOMS|POLICE|FIU|POSTAL|HUB [--role analyst] [--role ...]
                           [--clearance 0-4] [--operation OP-ID ...] [--sub name] [--ttl seconds]
                           [--issuer NAME --key-file PRIVATE.pem]
Prints a token signed by the dev issuer (its key is created under ./data/keys on first use), or with
--issuer and --key-file by that issuer's private key (PKCS#8 PEM; the algorithm of its JWT_ISSUERS
entry when configured here, else ES256), e.g. a demo issuer of npm run deploy:secrets.
--ttl is at most JWT_MAX_TOKEN_AGE_SECONDS (default 86400): older tokens are refused.`;

/** The lifetime when --ttl is not given: a working day, within the configured maximum. */
const DEFAULT_TTL_SECONDS = 8 * 3600;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Signs with a configured issuer's private key; refuses an agency the issuer may not vouch for. */
async function mintIssuerToken(config: LiaisonConfig, issuer: string, keyFile: string, claims: TokenClaims, ttlSeconds: number): Promise<string> {
  if (issuer === config.devIssuer) fail(`--issuer ${issuer} is the dev issuer's name: leave out --issuer and --key-file to use it`);
  const configured = config.issuers.find((entry) => entry.issuer === issuer);
  if (configured?.agency && configured.agency !== claims.agency) fail(`issuer ${issuer} vouches for ${configured.agency} only, not ${claims.agency}`);
  const alg = configured?.algorithms[0] ?? "ES256";
  let pem: string;
  try {
    pem = await readFile(keyFile, "utf8");
  } catch {
    fail(`--key-file ${keyFile} cannot be read`);
  }
  const key = await importPKCS8(pem, alg).catch(() => fail(`--key-file ${keyFile} is not a PKCS#8 PEM private key for ${alg}`));
  const now = Math.floor(Date.now() / 1000);
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest, operations: claims.operations ?? [] })
    // A PEM entry that lists a kid verifies only tokens naming it.
    .setProtectedHeader({ alg, typ: "JWT", ...(configured?.kid ? { kid: configured.kid } : {}) })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(config.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
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
      ttl: { type: "string" },
      issuer: { type: "string" },
      "key-file": { type: "string" },
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
if ((values.issuer === undefined) !== (values["key-file"] === undefined)) fail("--issuer and --key-file go together");
let config: LiaisonConfig;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const maxTtl = config.tokenMaxAgeSeconds;
const ttl = values.ttl === undefined ? Math.min(DEFAULT_TTL_SECONDS, maxTtl) : Number(values.ttl);
if (!Number.isInteger(ttl) || ttl < 60) fail("--ttl must be an integer of at least 60 seconds");
if (ttl > maxTtl) {
  fail(`--ttl ${ttl} is longer than ${maxTtl} seconds (JWT_MAX_TOKEN_AGE_SECONDS): the hub refuses tokens issued longer ago than that`);
}
const roles = values.role ?? ["analyst"];
const claims: TokenClaims = { sub: values.sub ?? `${agency.toLowerCase()}-${roles[0]}`, agency, roles, clearance, operations: values.operation ?? [] };
let token: string;
if (values.issuer !== undefined) {
  token = await mintIssuerToken(config, values.issuer, values["key-file"] as string, claims, ttl);
} else {
  if (!config.issuers.some((issuer) => issuer.dev)) fail("the dev issuer is disabled (NODE_ENV=production or DEV_ISSUER=false): use --issuer and --key-file");
  token = await mintDevToken(config, claims, ttl);
}
process.stdout.write(`${token}\n`);
