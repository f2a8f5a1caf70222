import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SERVICE_PORTS, SUBGRAPH_NAMES, loadConfig } from "../../platform/config.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";

// There is no Docker engine here: the file is checked against the code's configuration instead.
interface Service {
  build?: string;
  image?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(readFileSync("docker-compose.yml", "utf8"), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

describe("docker-compose.yml", () => {
  it("has PostgreSQL, the gateway and one service per subgraph", () => {
    expect(Object.keys(services).sort()).toEqual(["gateway", "keys", "postgres", ...SUBGRAPH_NAMES].sort());
  });

  it("builds every hub service from the one shared Dockerfile", () => {
    for (const name of ["gateway", "keys", ...SUBGRAPH_NAMES]) {
      expect(services[name]?.build, name).toBe(".");
      expect(services[name]?.command, name).toEqual([name]);
    }
  });

  it("publishes each service on its configured port with a matching PORT variable and a health check", () => {
    for (const [name, port] of Object.entries(SERVICE_PORTS)) {
      const service = services[name] as Service;
      expect(service.ports, name).toEqual([`${port}:${port}`]);
      expect(service.environment?.[`${name.toUpperCase()}_PORT`], name).toBe(String(port));
      expect(service.healthcheck?.test.join(" "), name).toContain(`127.0.0.1:${port}/`);
    }
  });

  it("gives each agency subgraph its own database and no other", () => {
    for (const subgraph of SUBGRAPHS) {
      const env = services[subgraph.name]?.environment ?? {};
      const urls = Object.keys(env).filter((key) => key.startsWith("DATABASE_URL"));
      if (subgraph.database) {
        expect(urls, subgraph.name).toEqual([`DATABASE_URL_${subgraph.name.toUpperCase()}`]);
        expect(new URL(env[urls[0] as string] as string).pathname, subgraph.name).toBe(`/${subgraph.name}`);
        expect(services[subgraph.name]?.depends_on?.postgres?.condition).toBe("service_healthy");
      } else {
        expect(urls, subgraph.name).toEqual([]);
      }
    }
  });

  it("points the gateway at every subgraph service by name, and the variables are the ones the code reads", () => {
    const env = services.gateway?.environment ?? {};
    const config = loadConfig(env);
    for (const name of SUBGRAPH_NAMES) {
      expect(config.subgraphUrls[name]).toBe(`http://${name}:${SERVICE_PORTS[name]}/graphql`);
      expect(services.gateway?.depends_on?.[name]?.condition).toBe("service_healthy");
    }
    expect(config.ports.gateway).toBe(4000);
    expect(config.databaseUrls.hub).toBe("postgres://liaison:liaison@postgres:5432/hub");
    expect(services.gateway?.depends_on?.postgres?.condition).toBe("service_healthy");
  });

  it("runs in production mode with the gateway proof required and one shared secret", () => {
    const secrets = new Set(["gateway", ...SUBGRAPH_NAMES].map((name) => services[name]?.environment?.GATEWAY_SECRET));
    expect(secrets.size).toBe(1);
    for (const name of SUBGRAPH_NAMES) expect(loadConfig(services[name]?.environment ?? {}).requireGatewayProof, name).toBe(true);
  });

  it("configures every service through variables the configuration accepts", () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === "postgres") continue;
      expect(() => loadConfig(service.environment ?? {}), name).not.toThrow();
    }
  });

  it("creates one database per data owner in PostgreSQL", () => {
    const sql = readFileSync("scripts/compose/init-databases.sql", "utf8");
    for (const owner of ["customs", "police", "fiu", "postal", "hub"]) expect(sql).toContain(`CREATE DATABASE ${owner};`);
  });
});
