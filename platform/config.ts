import path from "node:path";
import { fileURLToPath } from "node:url";

/** Every process of the hub, with its default port. */
export const SERVICE_PORTS = {
  gateway: 4000,
  customs: 4101,
  police: 4102,
  fiu: 4103,
  postal: 4104,
  links: 4105,
} as const;
export type ServiceName = keyof typeof SERVICE_PORTS;
export type SubgraphName = Exclude<ServiceName, "gateway">;
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ["customs", "police", "fiu", "postal", "links"];
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
  /** When set, this issuer may only vouch for subjects of that agency. */
  readonly agency?: string;
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
  readonly embeddedDbPort: number;
  readonly issuers: readonly IssuerConfig[];
  readonly devIssuer: string;
  readonly audience: string;
  /** Tokens issued longer ago than this are refused, whatever their expiry (JWT_MAX_TOKEN_AGE_SECONDS). */
  readonly tokenMaxAgeSeconds: number;
  readonly purposes: readonly string[];
  readonly subgraphTimeoutMs: number;
  readonly defaultPhoneRegion: string;
  readonly pageSizeMax: number;
  /** Folder of the policy documents loaded at start. */
  readonly policyDir: string;
  /** Key the gateway signs subgraph calls with (GATEWAY_SECRET); never logged. */
  readonly gatewaySecret: string | null;
  /** Subgraphs refuse calls without the gateway's proof (always in production). */
  readonly requireGatewayProof: boolean;
  readonly seedScale: number;
  /** Configurable code lists (data, not enums: they differ between countries and FIUs). */
  readonly codes: Readonly<{
    commodity: readonly string[];
    fiuReport: readonly string[];
    offence: readonly string[];
  }>;
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
      const publicKeyFile = typeof item.publicKeyFile === "string" ? item.publicKeyFile : undefined;
      issuers.push({
        issuer: item.issuer,
        jwksUrl: typeof item.jwksUrl === "string" ? item.jwksUrl : undefined,
        publicKeyFile,
        agency: typeof item.agency === "string" ? item.agency : undefined,
        algorithms: issuerAlgorithms(item.issuer, item.algorithms, publicKeyFile !== undefined),
      });
    }
  }
  if (devEnabled) issuers.push({ issuer: devIssuer, dev: true, algorithms: DEFAULT_ALGORITHMS });
  return issuers;
}

function gatewaySecret(value: string): string {
  if (value.length < 32) throw new Error("configuration: GATEWAY_SECRET must be at least 32 characters");
  return value;
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
    if (own) databaseUrls[owner] = own;
    else if (env.DATABASE_URL) databaseUrls[owner] = databaseUrlFor(env.DATABASE_URL, `${env.DATABASE_PREFIX ?? ""}${owner}`);
  }
  const devIssuer = env.DEV_ISSUER_NAME ?? "liaison-dev";
  const devEnabled = (env.DEV_ISSUER ?? (production ? "false" : "true")) === "true";
  if ((production || env.REQUIRE_GATEWAY_PROOF === "true") && !env.GATEWAY_SECRET) {
    throw new Error("configuration: GATEWAY_SECRET is required in production (subgraphs only answer the gateway)");
  }
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
    embeddedDbPort: int(env, "EMBEDDED_DB_PORT", 54329, 0, 65535),
    issuers: Object.freeze(readIssuers(env, devIssuer, devEnabled)),
    devIssuer,
    audience: env.JWT_AUDIENCE ?? "liaison",
    tokenMaxAgeSeconds: int(env, "JWT_MAX_TOKEN_AGE_SECONDS", 24 * 3600, 60, 30 * 24 * 3600),
    purposes: Object.freeze(purposes),
    subgraphTimeoutMs: int(env, "SUBGRAPH_TIMEOUT_MS", 10_000, 100, 600_000),
    defaultPhoneRegion: (env.DEFAULT_PHONE_REGION ?? "GB").toUpperCase(),
    pageSizeMax: int(env, "PAGE_SIZE_MAX", 100, 1, 10_000),
    gatewaySecret: env.GATEWAY_SECRET ? gatewaySecret(env.GATEWAY_SECRET) : null,
    requireGatewayProof: production || env.REQUIRE_GATEWAY_PROOF === "true",
    policyDir: path.resolve(env.POLICY_DIR ?? fileURLToPath(new URL("../policies/default", import.meta.url))),
    seedScale: int(env, "SEED_SCALE", 1, 1, 1000),
    codes: Object.freeze({
      commodity: codeList(env, "COMMODITY_CODES", DEFAULT_COMMODITY_CODES),
      fiuReport: codeList(env, "FIU_REPORT_CODES", DEFAULT_FIU_REPORT_CODES),
      offence: codeList(env, "OFFENCE_CODES", DEFAULT_OFFENCE_CODES),
    }),
  });
}
