import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DATABASE_OWNERS, SERVICE_PORTS, SUBGRAPH_NAMES, loadConfig, type LiaisonConfig } from "../../platform/config.js";
import { AGENCIES } from "../../schema/enums.js";
import { demoIssuer, makeSecrets, SECRET_FILES } from "../../scripts/compose/make-secrets.js";

// There is no Docker engine here: the file is checked against the code's configuration instead.
interface ServiceSecret {
  source: string;
  target?: string;
}
interface Service {
  build?: string;
  image?: string;
  user?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  secrets?: Array<string | ServiceSecret>;
  networks?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  networks: Record<string, { internal?: boolean }>;
};
const services = compose.services;
const AGENCY_SERVICES = ["customs", "police", "fiu", "postal"] as const;
const APP_SERVICES = ["gateway", ...SUBGRAPH_NAMES] as const;
const SECRETS = "/run/secrets/";

/** Where each mounted secret appears in a service: its target, by default /run/secrets/<name>. */
function mounts(name: string): Map<string, string> {
  const entries = (services[name]?.secrets ?? []).map((s) => (typeof s === "string" ? { source: s } : s));
  return new Map(entries.map((s) => [s.source, s.target ?? `${SECRETS}${s.source}`]));
}
const mounted = (name: string) => [...mounts(name).keys()].sort();

let secretsDir: string;
/** The service's environment with every /run/secrets path pointing at a file make-secrets wrote. */
function envFor(name: string): Record<string, string> {
  const env = services[name]?.environment ?? {};
  const local = (target: string) => {
    const source = [...mounts(name)].find(([, t]) => t === target)?.[0];
    if (!source) throw new Error(`${name} reads ${target}, which it does not mount`);
    return path.join(secretsDir, path.basename(compose.secrets[source]?.file as string));
  };
  const remap = (value: string) => value.replace(/\/run\/secrets\/[a-z0-9-]+/g, local);
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, remap(value)]));
}
const configOf = (name: string): LiaisonConfig => loadConfig(envFor(name));

beforeAll(async () => {
  secretsDir = await mkdtemp(path.join(os.tmpdir(), "liaison-compose-secrets-"));
  await makeSecrets(secretsDir);
});
afterAll(async () => {
  await rm(secretsDir, { recursive: true, force: true });
});

describe("docker-compose.yml services", () => {
  it("has PostgreSQL, the migrate job, the gateway and one service per subgraph", () => {
    expect(Object.keys(services).sort()).toEqual(["gateway", "migrate", "postgres", ...SUBGRAPH_NAMES].sort());
  });

  it("builds every Liaison service from the one shared Dockerfile, picked by its command", () => {
    for (const name of [...APP_SERVICES, "migrate"]) {
      expect(services[name]?.build, name).toBe(".");
      expect(services[name]?.command, name).toEqual([name]);
    }
  });

  it("runs every container as the uid that owns the secret files (compose bind-mounts them as they are)", () => {
    for (const name of Object.keys(services)) expect(services[name]?.user, name).toBe("${LIAISON_UID:-1000}:${LIAISON_GID:-1000}");
  });
});

describe("docker-compose.yml network exposure", () => {
  it("publishes no PostgreSQL port", () => {
    expect(services.postgres?.ports).toBeUndefined();
  });

  it("publishes the gateway alone: in production a subgraph answers nothing but the gateway's tokens", () => {
    const published = Object.entries(services).filter(([, s]) => s.ports).map(([name, s]) => [name, s.ports]);
    expect(published).toEqual([["gateway", ["4000:4000"]]]);
  });

  it("keeps PostgreSQL and the subgraphs on internal networks and puts only the gateway on the edge", () => {
    expect(compose.networks).toEqual({ data: { internal: true }, mesh: { internal: true }, edge: {} });
    expect(services.postgres?.networks).toEqual(["data"]);
    expect(services.migrate?.networks).toEqual(["data"]);
    for (const name of AGENCY_SERVICES) expect(services[name]?.networks, name).toEqual(["data", "mesh"]);
    expect(services.links?.networks).toEqual(["mesh"]);
    expect(services.admin?.networks).toEqual(["data", "mesh"]);
    expect(services.gateway?.networks).toEqual(["data", "mesh", "edge"]);
  });

  it("listens on each service's configured port with a matching PORT variable and a health check", () => {
    for (const [name, port] of Object.entries(SERVICE_PORTS)) {
      expect(services[name]?.environment?.[`${name.toUpperCase()}_PORT`], name).toBe(String(port));
      expect(services[name]?.healthcheck?.test.join(" "), name).toContain(`127.0.0.1:${port}/`);
    }
  });

  it("points the gateway at every subgraph service by name and waits for each to be healthy", () => {
    const config = configOf("gateway");
    for (const name of SUBGRAPH_NAMES) {
      expect(config.subgraphUrls[name], name).toBe(`http://${name}:${SERVICE_PORTS[name]}/graphql`);
      expect(services.gateway?.depends_on?.[name]?.condition, name).toBe("service_healthy");
    }
  });
});

describe("docker-compose.yml production settings", () => {
  it("loads every Liaison service's environment in production mode", () => {
    for (const name of [...APP_SERVICES, "migrate"]) {
      expect(services[name]?.environment?.NODE_ENV, name).toBe("production");
      expect(configOf(name).production, name).toBe(true);
    }
  });

  it("never turns the dev issuer on", () => {
    for (const [name, service] of Object.entries(services)) {
      expect(service.environment?.DEV_ISSUER, name).not.toBe("true");
      if (name !== "postgres") expect(configOf(name).issuers.filter((i) => i.dev), name).toEqual([]);
    }
  });

  it("gives the gateway one issuer per agency, each bound to that agency, keyed by a mounted public key", () => {
    const issuers = configOf("gateway").issuers;
    expect(issuers.map((i) => [i.issuer, i.agency]).sort()).toEqual(AGENCIES.map((a) => [demoIssuer(a), a]).sort());
    const raw = JSON.parse(services.gateway?.environment?.JWT_ISSUERS as string) as Array<{ agency: string; publicKeyFile: string }>;
    for (const entry of raw) expect(entry.publicKeyFile, entry.agency).toBe(`${SECRETS}issuer-${entry.agency.toLowerCase()}-public-key`);
  });

  it("gives no caller issuer to a subgraph: it accepts the gateway's tokens only", () => {
    for (const name of SUBGRAPH_NAMES) {
      expect(services[name]?.environment?.JWT_ISSUERS, name).toBeUndefined();
      expect(configOf(name).requireGatewayToken, name).toBe(true);
      expect(services[name]?.environment?.GATEWAY_PUBLIC_KEY_FILE, name).toBe(`${SECRETS}gateway-public-key`);
    }
  });

  it("signs the gateway's tokens with the mounted signing key", () => {
    expect(services.gateway?.environment?.GATEWAY_SIGNING_KEY_FILE).toBe(`${SECRETS}gateway-signing-key`);
  });
});

describe("docker-compose.yml secrets", () => {
  it("takes every secret from a file deploy:secrets writes, and no issuer private key at all", () => {
    const files = Object.values(compose.secrets).map((s) => s.file);
    for (const file of files) expect(path.dirname(file), file).toBe("./deploy/secrets");
    const written = new Set(readdirSync(secretsDir));
    for (const file of files) expect(written.has(path.basename(file)), file).toBe(true);
    for (const agency of AGENCIES) expect(files.map((f) => path.basename(f))).not.toContain(SECRET_FILES.issuerPrivateKey(agency));
    expect(files.filter((f) => f.includes("private"))).toEqual([]);
  });

  it("mounts into the gateway its signing key, the issuers' public keys, the hub password and the hub audit key", () => {
    expect(mounted("gateway")).toEqual(
      ["gateway-signing-key", "hub-audit-chain-key", "hub-db-password", ...AGENCIES.map((a) => `issuer-${a.toLowerCase()}-public-key`)].sort(),
    );
  });

  it("mounts into each agency subgraph its own password, audit key and cursor key, and the gateway's public key", () => {
    for (const name of AGENCY_SERVICES) {
      expect(mounted(name), name).toEqual([`${name}-audit-chain-key`, `${name}-cursor-key`, `${name}-db-password`, "gateway-public-key"].sort());
      expect(mounts(name).get(`${name}-cursor-key`), name).toBe("/data/keys/cursor.key");
      expect(services[name]?.environment?.AUDIT_CHAIN_KEY_FILE, name).toBe(`${SECRETS}${name}-audit-chain-key`);
      expect(services[name]?.environment?.DATABASE_PASSWORD_FILE, name).toBe(`${SECRETS}${name}-db-password`);
    }
  });

  it("mounts into links the gateway's public key only", () => {
    expect(mounted("links")).toEqual(["gateway-public-key"]);
  });

  it("mounts into admin the hub password and the hub audit key (admin_audit), and the gateway's public key", () => {
    expect(mounted("admin")).toEqual(["gateway-public-key", "hub-audit-chain-key", "hub-db-password"]);
    expect(services.admin?.environment?.AUDIT_CHAIN_KEY_FILE).toBe(`${SECRETS}hub-audit-chain-key`);
    expect(services.admin?.environment?.DATABASE_PASSWORD_FILE).toBe(`${SECRETS}hub-db-password`);
  });

  it("mounts into the migrate job the superuser password only, and into PostgreSQL the passwords it creates roles with", () => {
    expect(mounted("migrate")).toEqual(["postgres-password"]);
    expect(mounted("postgres")).toEqual(["postgres-password", ...DATABASE_OWNERS.map((o) => `${o}-db-password`)].sort());
  });

  it("mounts the gateway's signing key into the gateway alone", () => {
    const holders = Object.keys(services).filter((name) => mounts(name).has("gateway-signing-key"));
    expect(holders).toEqual(["gateway"]);
  });

  it("gives no service another agency's database password or audit key", () => {
    for (const name of Object.keys(services)) {
      const own = name === "gateway" || name === "admin" ? "hub" : name;
      for (const owner of DATABASE_OWNERS) {
        if (owner === own || name === "postgres") continue;
        expect(mounts(name).has(`${owner}-db-password`), `${name} holds ${owner}-db-password`).toBe(false);
        expect(mounts(name).has(`${owner}-audit-chain-key`), `${name} holds ${owner}-audit-chain-key`).toBe(false);
      }
    }
  });
});

describe("docker-compose.yml databases", () => {
  it("connects each agency subgraph and the gateway to their own database as their own runtime role", () => {
    for (const [name, owner] of [...AGENCY_SERVICES.map((a) => [a, a]), ["gateway", "hub"], ["admin", "hub"]] as const) {
      const env = services[name]?.environment ?? {};
      expect(Object.keys(env).filter((key) => key.startsWith("DATABASE_URL")), name).toEqual([`DATABASE_URL_${owner.toUpperCase()}`]);
      const url = new URL(configOf(name).databaseUrls[owner] as string);
      expect([url.username, url.hostname, url.pathname], name).toEqual([owner, "postgres", `/${owner}`]);
      expect(url.password.length, name).toBeGreaterThanOrEqual(16);
      expect(new URL(env[`DATABASE_URL_${owner.toUpperCase()}`] as string).password, `${name}: no password in the file`).toBe("");
    }
  });

  it("connects links to no database", () => {
    expect(Object.keys(services.links?.environment ?? {}).filter((key) => key.startsWith("DATABASE_"))).toEqual(["DATABASE_MIGRATE"]);
    expect(configOf("links").databaseUrls).toEqual({});
  });

  it("runs the services without migrations and the migrate job with them", () => {
    for (const name of APP_SERVICES) expect(configOf(name).runMigrations, name).toBe(false);
    expect(configOf("migrate").runMigrations).toBe(true);
  });

  it("migrates every database as its owner role, through the superuser's connection", () => {
    const urls = configOf("migrate").databaseUrls;
    expect(Object.keys(urls).sort()).toEqual([...DATABASE_OWNERS].sort());
    for (const owner of DATABASE_OWNERS) {
      const url = new URL(urls[owner] as string);
      expect([url.username, url.pathname, url.searchParams.get("options")], owner).toEqual(["postgres", `/${owner}`, `-c role=${owner}_owner`]);
    }
  });

  it("starts every service with a database after the migrate job completed, and the job after PostgreSQL is healthy", () => {
    expect(services.migrate?.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const name of [...AGENCY_SERVICES, "admin", "gateway"]) {
      expect(services[name]?.depends_on?.migrate, name).toEqual({ condition: "service_completed_successfully" });
    }
  });

  it("creates the databases and roles with the init script, from the mounted passwords", () => {
    expect(services.postgres?.volumes).toContain("./scripts/compose/init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro");
    expect(services.postgres?.environment?.POSTGRES_PASSWORD_FILE).toBe(`${SECRETS}postgres-password`);
  });
});

describe("scripts/compose/init-databases.sh", () => {
  const script = readFileSync("scripts/compose/init-databases.sh", "utf8");
  const lines = script.split("\n");

  it("runs once per data owner with <owner>_owner and <owner> as the roles and the owner's password file", () => {
    expect(lines).toContain(`for owner in ${DATABASE_OWNERS.join(" ")}; do`);
    expect(lines).toContain('  password_file="$SECRETS_DIR/$owner-db-password"');
    expect(script).toContain('-v db="$owner" -v owner="${owner}_owner" -v runtime="$owner" -v password="$password"');
  });

  it("creates a NOLOGIN owner that owns the database and its schema, and a login role without CREATE", () => {
    for (const line of [
      'CREATE ROLE :"owner" NOLOGIN;',
      `CREATE ROLE :"runtime" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';`,
      'CREATE DATABASE :"db" OWNER :"owner";',
      'REVOKE ALL ON DATABASE :"db" FROM PUBLIC;',
      'GRANT CONNECT ON DATABASE :"db" TO :"runtime";',
      '\\connect :"db"',
      'ALTER SCHEMA public OWNER TO :"owner";',
      'REVOKE ALL ON SCHEMA public FROM PUBLIC;',
      'GRANT USAGE ON SCHEMA public TO :"runtime";',
    ]) {
      expect(lines, line).toContain(line);
    }
  });

  it("grants the runtime role row access to what the owner creates, through default privileges", () => {
    expect(lines).toContain('ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"runtime";');
    expect(lines).toContain('ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"runtime";');
    expect(script).not.toMatch(/GRANT (ALL|CREATE)/);
  });

  it("keeps the secrets folder out of git and out of the image", () => {
    expect(readFileSync(".gitignore", "utf8").split("\n")).toContain("deploy/secrets/");
    expect(readFileSync(".dockerignore", "utf8").split("\n")).toContain("deploy/secrets");
  });
});

