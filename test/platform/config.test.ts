import { describe, expect, it } from "vitest";
import { databaseUrlFor, loadConfig } from "../../platform/config.js";

describe("configuration", () => {
  it("uses the default ports and the embedded database when nothing is set", () => {
    const config = loadConfig({});
    expect(config.ports).toEqual({ gateway: 4000, customs: 4101, police: 4102, fiu: 4103, postal: 4104, links: 4105, admin: 4106 });
    expect(config.subgraphUrls.police).toBe("http://127.0.0.1:4102/graphql");
    expect(config.databaseUrls).toEqual({});
    expect(config.issuers).toEqual([{ issuer: "liaison-dev", dev: true, algorithms: ["ES256"] }]);
    expect(config.tokenMaxAgeSeconds).toBe(86_400);
  });

  it("gives every issuer an explicit algorithm list, ES256 unless the entry lists its own", () => {
    const issuers = [
      { issuer: "https://idp.police.example", jwksUrl: "https://idp.police.example/jwks", agency: "POLICE", algorithms: ["RS256", "PS256"] },
      { issuer: "customs-pem", publicKeyFile: "/keys/customs.pem", agency: "CUSTOMS" },
      { issuer: "fiu-pem", publicKeyFile: "/keys/fiu.pem", agency: "FIU", algorithms: ["EdDSA"] },
    ];
    expect(loadConfig({ JWT_ISSUERS: JSON.stringify(issuers), DEV_ISSUER: "false" }).issuers).toEqual([
      { issuer: "https://idp.police.example", jwksUrl: "https://idp.police.example/jwks", publicKeyFile: undefined, agency: "POLICE", algorithms: ["RS256", "PS256"] },
      { issuer: "customs-pem", jwksUrl: undefined, publicKeyFile: "/keys/customs.pem", agency: "CUSTOMS", algorithms: ["ES256"] },
      { issuer: "fiu-pem", jwksUrl: undefined, publicKeyFile: "/keys/fiu.pem", agency: "FIU", algorithms: ["EdDSA"] },
    ]);
  });

  it("refuses shared-secret, none and unknown algorithms, and a PEM key with several", () => {
    const one = (entry: Record<string, unknown>) => () => loadConfig({ JWT_ISSUERS: JSON.stringify([{ issuer: "x", jwksUrl: "https://x/jwks", agency: "CUSTOMS", ...entry }]) });
    const message = 'configuration: JWT_ISSUERS "x": algorithms must be a non-empty list of ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512, EdDSA, Ed25519';
    expect(one({ algorithms: ["HS256"] })).toThrow(message);
    expect(one({ algorithms: ["none"] })).toThrow(message);
    expect(one({ algorithms: [] })).toThrow(message);
    expect(one({ algorithms: "ES256" })).toThrow(message);
    expect(one({ jwksUrl: undefined, publicKeyFile: "/k.pem", algorithms: ["ES256", "RS256"] })).toThrow(
      'configuration: JWT_ISSUERS "x": a publicKeyFile takes exactly one algorithm',
    );
  });

  it("reads the maximum token age, within bounds", () => {
    expect(loadConfig({ JWT_MAX_TOKEN_AGE_SECONDS: "3600" }).tokenMaxAgeSeconds).toBe(3600);
    expect(() => loadConfig({ JWT_MAX_TOKEN_AGE_SECONDS: "0" })).toThrow('configuration: JWT_MAX_TOKEN_AGE_SECONDS must be an integer between 60 and 2592000, got "0"');
  });

  it("derives one database per owner from DATABASE_URL, and a per-owner URL wins", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/postgres", DATABASE_URL_FIU: "postgres://u:p@fiu-db:5432/fiu_prod" });
    expect(config.databaseUrls).toEqual({
      customs: "postgres://u:p@db:5432/customs",
      police: "postgres://u:p@db:5432/police",
      fiu: "postgres://u:p@fiu-db:5432/fiu_prod",
      postal: "postgres://u:p@db:5432/postal",
      hub: "postgres://u:p@db:5432/hub",
    });
  });

  it("replaces only the database name of a base URL", () => {
    expect(databaseUrlFor("postgres://u:p@h:5/x?sslmode=require", "police")).toBe("postgres://u:p@h:5/police?sslmode=require");
  });

  it("turns the dev issuer off in production, and refuses it there by name", () => {
    expect(loadConfig({ NODE_ENV: "production" }).issuers).toEqual([]);
    expect(() => loadConfig({ NODE_ENV: "production", DEV_ISSUER: "true" })).toThrow(
      "configuration: DEV_ISSUER=true is refused in production: the dev issuer's key is generated on this machine and can mint tokens for any agency",
    );
  });

  it("requires gateway tokens in production, and refuses turning that off there", () => {
    expect(loadConfig({ NODE_ENV: "production" }).requireGatewayToken).toBe(true);
    expect(loadConfig({}).requireGatewayToken).toBe(false);
    expect(loadConfig({ REQUIRE_GATEWAY_TOKEN: "true" }).requireGatewayToken).toBe(true);
    expect(() => loadConfig({ NODE_ENV: "production", REQUIRE_GATEWAY_TOKEN: "false" })).toThrow(
      "configuration: REQUIRE_GATEWAY_TOKEN=false is refused in production: subgraphs must only answer the gateway's own tokens",
    );
  });

  it("refuses placeholder, short and user-name database passwords in production, naming the database and variable", () => {
    const good = "Zq8-vR2m_Lw5pXc9Tn3b";
    expect(loadConfig({ NODE_ENV: "production", DATABASE_URL: `postgres://customs:${good}@db:5432/x` }).databaseUrls.customs).toBe(`postgres://customs:${good}@db:5432/customs`);
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL_POLICE: "postgres://liaison:liaison@db:5432/police" })).toThrow(
      "configuration: the police database password (DATABASE_URL_POLICE) is the user name; production needs a generated password",
    );
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL_FIU: "postgres://fiu:change-me-to-a-long-random-secret@db/fiu" })).toThrow(
      'configuration: the fiu database password (DATABASE_URL_FIU) looks like a placeholder (contains "change-me"); production needs a generated password',
    );
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://hub:Zq8vR2m@db/x" })).toThrow(
      "configuration: the customs database password (DATABASE_URL) is shorter than 16 characters; production needs a generated password",
    );
    // The same settings are fine on a laptop.
    expect(loadConfig({ DATABASE_URL_POLICE: "postgres://liaison:liaison@db:5432/police" }).databaseUrls.police).toBe("postgres://liaison:liaison@db:5432/police");
  });

  it("refuses an issuer listed twice", () => {
    const entry = { issuer: "https://idp.police.example", jwksUrl: "https://idp.police.example/jwks", agency: "POLICE" };
    expect(() => loadConfig({ JWT_ISSUERS: JSON.stringify([entry, { ...entry, agency: "HUB" }]) })).toThrow('configuration: JWT_ISSUERS "https://idp.police.example" is listed twice (one entry per issuer)');
  });

  it("refuses a JWT_ISSUERS entry not bound to one agency, in every mode", () => {
    const issuers = (entry: Record<string, unknown>) => JSON.stringify([{ issuer: "https://idp.customs.example", jwksUrl: "https://idp.customs.example/jwks", ...entry }]);
    const message = 'configuration: JWT_ISSUERS "https://idp.customs.example": agency must be one of CUSTOMS, POLICE, FIU, POSTAL, HUB (each issuer vouches for one agency only)';
    expect(() => loadConfig({ JWT_ISSUERS: issuers({}) })).toThrow(message);
    expect(() => loadConfig({ JWT_ISSUERS: issuers({ agency: "customs" }) })).toThrow(message);
    expect(loadConfig({ JWT_ISSUERS: issuers({ agency: "CUSTOMS" }) }).issuers[0]?.agency).toBe("CUSTOMS");
  });

  it("fails fast, naming the variable, on a bad value", () => {
    expect(() => loadConfig({ GATEWAY_PORT: "http" })).toThrow('configuration: GATEWAY_PORT must be an integer between 0 and 65535, got "http"');
    expect(() => loadConfig({ JWT_ISSUERS: "{" })).toThrow("configuration: JWT_ISSUERS must be a JSON array");
    expect(() => loadConfig({ FIU_REPORT_CODES: "STR,s a r" })).toThrow("configuration: FIU_REPORT_CODES must be a comma-separated list of codes");
  });

  it("reads configurable code lists", () => {
    expect(loadConfig({ FIU_REPORT_CODES: "str, ctr ,EFT" }).codes.fiuReport).toEqual(["STR", "CTR", "EFT"]);
  });

  it("reads the gateway's operation limits, rate limit and HTTP timeouts, with defaults", () => {
    const defaults = loadConfig({});
    expect(defaults.limits).toEqual({
      maxQueryDepth: 12,
      maxAliases: 30,
      maxQueryCost: 20_000,
      maxQueryTokens: 5_000,
      maxDirectives: 50,
      maxBodyBytes: 1_000_000,
      maxBatchOperations: 1,
      rateLimitPerSecond: 50,
      rateLimitBurst: 200,
    });
    expect(defaults.http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
    const set = loadConfig({ MAX_QUERY_DEPTH: "8", MAX_BATCH_OPERATIONS: "5", RATE_LIMIT_PER_SECOND: "0", HTTP_HEADERS_TIMEOUT_MS: "2000" });
    expect([set.limits.maxQueryDepth, set.limits.maxBatchOperations, set.limits.rateLimitPerSecond, set.http.headersTimeoutMs]).toEqual([8, 5, 0, 2000]);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: "0" })).toThrow('configuration: MAX_QUERY_DEPTH must be an integer between 1 and 1000, got "0"');
    expect(() => loadConfig({ MAX_BATCH_OPERATIONS: "many" })).toThrow('configuration: MAX_BATCH_OPERATIONS must be an integer between 1 and 100, got "many"');
  });
});
