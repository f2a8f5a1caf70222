import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AGENCIES } from "../schema/enums.js";
import { secretProblem } from "./secrets.js";

/** Every process of the hub, with its default port. */
export const SERVICE_PORTS = {
  gateway: 4000,
  customs: 4101,
  police: 4102,
  fiu: 4103,
  postal: 4104,
  links: 4105,
  admin: 4106,
} as const;
export type ServiceName = keyof typeof SERVICE_PORTS;
export type SubgraphName = Exclude<ServiceName, "gateway">;
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ["customs", "police", "fiu", "postal", "links", "admin"];
/** Subgraphs that own a database (links holds no data). */
export const DATABASE_OWNERS = ["customs", "police", "fiu", "postal", "hub"] as const;
export type DatabaseOwner = (typeof DATABASE_OWNERS)[number];

export interface IssuerConfig {
  /** `iss` claim the tokens carry. */
  readonly issuer: string;
  /** One of: a JWKS URL, a PEM public key file, or the dev issuer's generated key. */
  readonly jwksUrl?: string;
  readonly publicKeyFile?: string;
  readonly dev?: boolean;
  /** The one agency this issuer vouches for (required for JWT_ISSUERS entries; the dev issuer has none). */
  readonly agency?: string;
  /** The `kid` tokens must name (a PEM key; a JWKS selects by kid itself). */
  readonly kid?: string;
  /** The only JWS algorithms accepted from this issuer (ES256 unless the entry lists others; one for a PEM key). */
  readonly algorithms: readonly string[];
}

/** Asymmetric JWS algorithms an issuer may list; `none` and shared-secret HMAC are never accepted. */
export const JWT_ALGORITHMS: readonly string[] = ["ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA", "Ed25519"];
const DEFAULT_ALGORITHMS: readonly string[] = Object.freeze(["ES256"]);


export interface LiaisonConfig {
  readonly production: boolean;
  readonly host: string;
  readonly dataDir: string;
  readonly ports: Readonly<Record<ServiceName, number>>;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** Explicit PostgreSQL URL per database owner; absent means the embedded PGlite. */
  readonly databaseUrls: Readonly<Partial<Record<DatabaseOwner, string>>>;
  readonly issuers: readonly IssuerConfig[];
  readonly devIssuer: string;
  readonly audience: string;
  /** Tokens issued longer ago than this are refused, whatever their expiry (JWT_MAX_TOKEN_AGE_SECONDS). */
  readonly tokenMaxAgeSeconds: number;
  readonly purposes: readonly string[];
  readonly subgraphTimeoutMs: number;
  readonly defaultPhoneRegion: string;
  readonly pageSizeMax: number;
  /** What one request to the gateway may ask (gateway/limits): refused before any subgraph is called. */
  readonly limits: OperationLimits;
  /** Slow clients and connection count, for the gateway and every subgraph (platform/http/serve.ts). */
  readonly http: HttpTimeouts;
  /** Folder of the policy documents loaded at start. */
  readonly policyDir: string;
  /** Folder of the policy test cases imported into the policy store with the documents (POLICY_CASES_DIR; default `<policyDir>/cases`). */
  readonly policyCasesDir: string;
  /** `iss` of the tokens the gateway mints for each subgraph call (GATEWAY_ISSUER). */
  readonly gatewayIssuer: string;
  /** Where the links service sends each hop of a link expansion (GATEWAY_URL; default this host's gateway port, /graphql). */
  readonly gatewayUrl: string;
  /** The gateway's private signing key (GATEWAY_SIGNING_KEY_FILE, PKCS#8 PEM); null: generated under dataDir/keys outside production. */
  readonly gatewaySigningKeyFile: string | null;
  /** Where subgraphs find the gateway's public key: a PEM file or a JWKS URL; neither: the generated dev key. */
  readonly gatewayPublicKeyFile: string | null;
  readonly gatewayJwksUrl: string | null;
  /** Subgraphs accept only gateway-minted tokens (always in production; REQUIRE_GATEWAY_TOKEN=true elsewhere). */
  readonly requireGatewayToken: boolean;
  /** This service's audit chain key (AUDIT_CHAIN_KEY_FILE); generated there outside production when absent. */
  readonly auditChainKeyFile: string;
  /** Per chain owner, the key file `npm run audit -- verify` uses (AUDIT_CHAIN_KEY_FILE_<OWNER>, else AUDIT_CHAIN_KEY_FILE). */
  readonly auditChainKeyFiles: Readonly<Record<DatabaseOwner, string>>;
  /** How often the gateway anchors every chain's head in the hub database (AUDIT_ANCHOR_INTERVAL_SECONDS). */
  readonly auditAnchorIntervalSeconds: number;
  /** Whether a service brings its own database schema up to date at start (DATABASE_MIGRATE; off where a migrate job owns the schema). */
  readonly runMigrations: boolean;
  readonly seedScale: number;
  /** The gateway serves the web console under /console/ (CONSOLE=on|off; on outside production, off in production unless set). */
  readonly console: boolean;
  /** The built console the gateway serves (CONSOLE_DIST_DIR; default web/dist, which `npm start` builds when stale). */
  readonly consoleDir: string;
  /** Configurable code lists (data, not enums: they differ between countries and FIUs). */
  readonly codes: Readonly<{
    commodity: readonly string[];
    fiuReport: readonly string[];
    offence: readonly string[];
  }>;
}

/** Operation limits at the gateway; each from its environment variable of the same name. */
export interface OperationLimits {
  readonly maxQueryDepth: number;
  readonly maxAliases: number;
  /** graphql-armor's cost: every field 1 (objects 2), a `first:` multiplies its subtree. */
  readonly maxQueryCost: number;
  readonly maxQueryTokens: number;
  readonly maxDirectives: number;
  readonly maxBodyBytes: number;
  /** Operations in one batched request; 1 turns batching off (the default). */
  readonly maxBatchOperations: number;
  /** Token bucket per subject: refill per second and bucket size; 0 turns rate limiting off. */
  readonly rateLimitPerSecond: number;
  readonly rateLimitBurst: number;
}

export interface HttpTimeouts {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_COMMODITY_CODES = [
  "NPS", "COCAINE", "HEROIN", "CANNABIS", "METHAMPHETAMINE", "FENTANYL", "NITAZENES", "PRECURSORS",
  "WEAPONS", "WEAPON_PARTS", "AMMUNITION", "DRONE_COMPONENTS", "DUAL_USE", "CASH", "TOBACCO", "ALCOHOL",
  "FUEL", "WILDLIFE", "TIMBER", "WASTE", "COUNTERFEITS", "MEDICINES", "CULTURAL_OBJECTS",
];
const DEFAULT_FIU_REPORT_CODES = ["STR", "SAR", "CTR", "EFT", "IFT", "AIF", "IRD"];
const DEFAULT_OFFENCE_CODES = [
  "DRUG_TRAFFICKING", "DRUG_IMPORTATION", "MONEY_LAUNDERING", "SMUGGLING", "FIREARMS_TRAFFICKING",
  "FRAUD", "ORGANISED_CRIME", "SANCTIONS_EVASION", "HUMAN_TRAFFICKING", "THREATS", "ASSAULT",
];

function codeList(env: Env, name: string, fallback: readonly string[]): readonly string[] {
  const raw = env[name];
  if (!raw) return Object.freeze([...fallback]);
  const codes = raw.split(",").map((c) => c.trim().toUpperCase()).filter(Boolean);
  if (codes.length === 0 || !codes.every((c) => /^[A-Z0-9_]{1,32}$/.test(c))) {
    throw new Error(`configuration: ${name} must be a comma-separated list of codes (A-Z, 0-9, _)`);
  }
  return Object.freeze(codes);
}

function int(env: Env, name: string, fallback: number, min = 0, max = 65535 * 1000): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`configuration: ${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

/** Replaces the database name of a base URL, so one DATABASE_URL selects all databases. */
export function databaseUrlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

function issuerAlgorithms(issuer: string, value: unknown, pem: boolean): readonly string[] {
  if (value === undefined) return DEFAULT_ALGORITHMS;
  if (!Array.isArray(value) || value.length === 0 || !value.every((a) => typeof a === "string" && JWT_ALGORITHMS.includes(a))) {
    throw new Error(`configuration: JWT_ISSUERS "${issuer}": algorithms must be a non-empty list of ${JWT_ALGORITHMS.join(", ")}`);
  }
  // A PEM key is imported for exactly one algorithm.
  if (pem && value.length !== 1) throw new Error(`configuration: JWT_ISSUERS "${issuer}": a publicKeyFile takes exactly one algorithm`);
  return Object.freeze([...new Set(value as string[])]);
}

/** Issuer names namespace subjects (`<issuer> <sub>`): printable, no spaces. */
const ISSUER_NAME = /^[\x21-\x7e]{1,200}$/;

function readIssuers(env: Env, devIssuer: string, devEnabled: boolean): IssuerConfig[] {
  const issuers: IssuerConfig[] = [];
  if (env.JWT_ISSUERS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.JWT_ISSUERS);
    } catch {
      throw new Error("configuration: JWT_ISSUERS must be a JSON array of {issuer, jwksUrl | publicKeyFile, agency?, algorithms?}");
    }
    if (!Array.isArray(parsed)) throw new Error("configuration: JWT_ISSUERS must be a JSON array");
    for (const item of parsed as Array<Record<string, unknown>>) {
      if (typeof item.issuer !== "string" || (typeof item.jwksUrl !== "string" && typeof item.publicKeyFile !== "string")) {
        throw new Error("configuration: each JWT_ISSUERS entry needs issuer and jwksUrl or publicKeyFile");
      }
      // An issuer not bound to an agency could vouch for any agency, HUB included (a customs key minting FIU tokens).
      if (typeof item.agency !== "string" || !(AGENCIES as readonly string[]).includes(item.agency)) {
        throw new Error(`configuration: JWT_ISSUERS "${item.issuer}": agency must be one of ${AGENCIES.join(", ")} (each issuer vouches for one agency only)`);
      }
      if (!ISSUER_NAME.test(item.issuer)) throw new Error(`configuration: JWT_ISSUERS issuer names are 1-200 printable characters without spaces`);
      if (item.kid !== undefined && (typeof item.kid !== "string" || item.kid.length === 0)) throw new Error(`configuration: JWT_ISSUERS "${item.issuer}": kid must be a non-empty string`);
      if (issuers.some((known) => known.issuer === item.issuer)) throw new Error(`configuration: JWT_ISSUERS "${item.issuer}" is listed twice (one entry per issuer)`);
      if (item.issuer === devIssuer) throw new Error(`configuration: JWT_ISSUERS "${item.issuer}" is the dev issuer's name (DEV_ISSUER_NAME)`);
      const publicKeyFile = typeof item.publicKeyFile === "string" ? item.publicKeyFile : undefined;
      issuers.push({
        issuer: item.issuer,
        jwksUrl: typeof item.jwksUrl === "string" ? item.jwksUrl : undefined,
        publicKeyFile,
        agency: item.agency,
        ...(typeof item.kid === "string" ? { kid: item.kid } : {}),
        algorithms: issuerAlgorithms(item.issuer, item.algorithms, publicKeyFile !== undefined),
      });
    }
  }
  if (devEnabled) issuers.push({ issuer: devIssuer, dev: true, algorithms: DEFAULT_ALGORITHMS });
  return issuers;
}

/** Puts DATABASE_PASSWORD_FILE's password into a URL that names a user but no password (docker secrets). */
function withPasswordFile(url: string, env: Env): string {
  const file = env.DATABASE_PASSWORD_FILE;
  if (!file) return url;
  const parsed = new URL(url);
  if (parsed.password) return url;
  let password: string;
  try {
    password = readFileSync(file, "utf8").trim();
  } catch {
    throw new Error(`configuration: DATABASE_PASSWORD_FILE ${file} cannot be read`);
  }
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw !== "true" && raw !== "false") throw new Error(`configuration: ${name} must be true or false, got "${raw}"`);
  return raw === "true";
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "true") return true;
  if (raw === "off" || raw === "false") return false;
  throw new Error(`configuration: ${name} must be on or off, got "${raw}"`);
}

/** Database passwords in production: at least this long, and no placeholder. */
export const MIN_DATABASE_PASSWORD_LENGTH = 16;

/**
 * Settings that are fine on a laptop and unsafe in production, refused by name with the reason.
 * Key files are checked where they are loaded (gateway signing key, audit chain key).
 */
function refuseUnsafeProductionSettings(env: Env, databaseUrls: Partial<Record<DatabaseOwner, string>>, devEnabled: boolean): void {
  if (devEnabled) {
    throw new Error("configuration: DEV_ISSUER=true is refused in production: the dev issuer's key is generated on this machine and can mint tokens for any agency");
  }
  if (env.REQUIRE_GATEWAY_TOKEN === "false") {
    throw new Error("configuration: REQUIRE_GATEWAY_TOKEN=false is refused in production: subgraphs must only answer the gateway's own tokens");
  }
  for (const [owner, url] of Object.entries(databaseUrls)) {
    const parsed = new URL(url);
    const source = env[`DATABASE_URL_${owner.toUpperCase()}`] ? `DATABASE_URL_${owner.toUpperCase()}` : env.DATABASE_PASSWORD_FILE ? "DATABASE_PASSWORD_FILE" : "DATABASE_URL";
    if (!parsed.password) continue; // certificate or peer authentication: nothing to judge here
    const password = decodeURIComponent(parsed.password);
    const problem = password === decodeURIComponent(parsed.username) ? "is the user name" : secretProblem(password, MIN_DATABASE_PASSWORD_LENGTH);
    if (problem) throw new Error(`configuration: the ${owner} database password (${source}) ${problem}; production needs a generated password`);
  }
}

/** Reads the environment once into a frozen, typed configuration; fails fast on bad values. */
export function loadConfig(env: Env = process.env): LiaisonConfig {
  const production = env.NODE_ENV === "production";
  const dataDir = path.resolve(env.LIAISON_DATA_DIR ?? "data");
  const ports = {} as Record<ServiceName, number>;
  for (const [name, fallback] of Object.entries(SERVICE_PORTS) as Array<[ServiceName, number]>) {
    ports[name] = int(env, `${name.toUpperCase()}_PORT`, fallback, 0, 65535);
  }
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    subgraphUrls[name] = env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${ports[name]}/graphql`;
  }
  const databaseUrls: Partial<Record<DatabaseOwner, string>> = {};
  for (const owner of DATABASE_OWNERS) {
    const own = env[`DATABASE_URL_${owner.toUpperCase()}`];
    if (own) databaseUrls[owner] = withPasswordFile(own, env);
    else if (env.DATABASE_URL) databaseUrls[owner] = withPasswordFile(databaseUrlFor(env.DATABASE_URL, `${env.DATABASE_PREFIX ?? ""}${owner}`), env);
  }
  const devIssuer = env.DEV_ISSUER_NAME ?? "liaison-dev";
  const devEnabled = bool(env, "DEV_ISSUER", !production);
  const auditChainKeyFile = path.resolve(env.AUDIT_CHAIN_KEY_FILE ?? path.join(dataDir, "keys", "audit-chain.key"));
  const auditChainKeyFiles = {} as Record<DatabaseOwner, string>;
  for (const owner of DATABASE_OWNERS) {
    const own = env[`AUDIT_CHAIN_KEY_FILE_${owner.toUpperCase()}`];
    auditChainKeyFiles[owner] = own ? path.resolve(own) : auditChainKeyFile;
  }
  if (production) refuseUnsafeProductionSettings(env, databaseUrls, devEnabled);
  const purposes = (env.PURPOSES ?? "investigation,risk-analysis,intelligence,audit")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return Object.freeze({
    production,
    host: env.LIAISON_HOST ?? "127.0.0.1",
    dataDir,
    ports: Object.freeze(ports),
    subgraphUrls: Object.freeze(subgraphUrls),
    databaseUrls: Object.freeze(databaseUrls),
    issuers: Object.freeze(readIssuers(env, devIssuer, devEnabled)),
    devIssuer,
    audience: env.JWT_AUDIENCE ?? "liaison",
    tokenMaxAgeSeconds: int(env, "JWT_MAX_TOKEN_AGE_SECONDS", 24 * 3600, 60, 30 * 24 * 3600),
    purposes: Object.freeze(purposes),
    subgraphTimeoutMs: int(env, "SUBGRAPH_TIMEOUT_MS", 10_000, 100, 600_000),
    defaultPhoneRegion: (env.DEFAULT_PHONE_REGION ?? "GB").toUpperCase(),
    pageSizeMax: int(env, "PAGE_SIZE_MAX", 100, 1, 10_000),
    limits: Object.freeze({
      maxQueryDepth: int(env, "MAX_QUERY_DEPTH", 12, 1, 1000),
      maxAliases: int(env, "MAX_ALIASES", 30, 0, 100_000),
      maxQueryCost: int(env, "MAX_QUERY_COST", 20_000, 1, 100_000_000),
      maxQueryTokens: int(env, "MAX_QUERY_TOKENS", 5_000, 100, 10_000_000),
      maxDirectives: int(env, "MAX_DIRECTIVES", 50, 0, 100_000),
      maxBodyBytes: int(env, "MAX_BODY_BYTES", 1_000_000, 1_000, 100_000_000),
      maxBatchOperations: int(env, "MAX_BATCH_OPERATIONS", 1, 1, 100),
      rateLimitPerSecond: int(env, "RATE_LIMIT_PER_SECOND", 50, 0, 1_000_000),
      rateLimitBurst: int(env, "RATE_LIMIT_BURST", 200, 0, 1_000_000),
    }),
    http: Object.freeze({
      headersTimeoutMs: int(env, "HTTP_HEADERS_TIMEOUT_MS", 10_000, 100, 600_000),
      requestTimeoutMs: int(env, "HTTP_REQUEST_TIMEOUT_MS", 30_000, 100, 3_600_000),
      keepAliveTimeoutMs: int(env, "HTTP_KEEP_ALIVE_TIMEOUT_MS", 5_000, 100, 600_000),
      maxConnections: int(env, "HTTP_MAX_CONNECTIONS", 1_000, 1, 1_000_000),
    }),
    gatewayIssuer: env.GATEWAY_ISSUER ?? "liaison-gateway",
    gatewayUrl: env.GATEWAY_URL ?? `http://127.0.0.1:${ports.gateway}/graphql`,
    gatewaySigningKeyFile: env.GATEWAY_SIGNING_KEY_FILE ? path.resolve(env.GATEWAY_SIGNING_KEY_FILE) : null,
    gatewayPublicKeyFile: env.GATEWAY_PUBLIC_KEY_FILE ? path.resolve(env.GATEWAY_PUBLIC_KEY_FILE) : null,
    gatewayJwksUrl: env.GATEWAY_JWKS_URL ?? null,
    requireGatewayToken: production || bool(env, "REQUIRE_GATEWAY_TOKEN", false),
    auditChainKeyFile,
    auditChainKeyFiles: Object.freeze(auditChainKeyFiles),
    auditAnchorIntervalSeconds: int(env, "AUDIT_ANCHOR_INTERVAL_SECONDS", 60, 1, 24 * 3600),
    runMigrations: bool(env, "DATABASE_MIGRATE", true),
    policyDir: path.resolve(env.POLICY_DIR ?? fileURLToPath(new URL("../policies/default", import.meta.url))),
    policyCasesDir: path.resolve(env.POLICY_CASES_DIR ?? path.join(env.POLICY_DIR ?? fileURLToPath(new URL("../policies/default", import.meta.url)), "cases")),
    seedScale: int(env, "SEED_SCALE", 1, 1, 1000),
    console: onOff(env, "CONSOLE", !production),
    consoleDir: path.resolve(env.CONSOLE_DIST_DIR ?? fileURLToPath(new URL("../web/dist", import.meta.url))),
    codes: Object.freeze({
      commodity: codeList(env, "COMMODITY_CODES", DEFAULT_COMMODITY_CODES),
      fiuReport: codeList(env, "FIU_REPORT_CODES", DEFAULT_FIU_REPORT_CODES),
      offence: codeList(env, "OFFENCE_CODES", DEFAULT_OFFENCE_CODES),
    }),
  });
}
