import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.js";
import { createTokenVerifier } from "../../platform/auth/index.js";
import { CONSOLE_CSP, consoleGatewayRoutes } from "../../gateway/console.js";
import { readDevIdentity } from "../../gateway/dev-token.js";
import { consoleLine, prepareConsole } from "../../scripts/build-web.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

const INDEX = '<!doctype html><html><head><script type="module" src="/console/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';

/** A built console as Vite lays it out. */
async function fakeBuild(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-console-"));
  await mkdir(path.join(dir, "assets"));
  await writeFile(path.join(dir, "index.html"), INDEX);
  await writeFile(path.join(dir, "assets", "app-abc123.js"), "console.log('console');");
  await writeFile(path.join(dir, "assets", "style-abc123.css"), "body{}");
  await writeFile(path.join(dir, "favicon.svg"), "<svg/>");
  return dir;
}

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A raw request: the path is sent exactly as written (no client-side normalisation of "..", "%2e"). */
function raw(base: string, rawPath: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: rawPath, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** The console routes alone behind the same exact-path dispatch the hub's server uses (platform/http/serve.ts). */
async function serveRoutes(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const routes = consoleGatewayRoutes(loadConfig(env));
  const server = http.createServer((req: IncomingMessage, res: ServerResponse) => {
    const route = routes[new URL(req.url ?? "/", "http://localhost").pathname];
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    Promise.resolve(route(req, res)).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const IDENTITY = JSON.stringify({ agency: "CUSTOMS", role: "analyst", clearance: 2, operations: ["OP-LANTERN"] });
const JSON_HEADERS = { "content-type": "application/json" };

describe("the console in a running hub (development)", () => {
  let hub: TestHub;
  let dist: string;
  let base: string;

  beforeAll(async () => {
    dist = await fakeBuild();
    hub = await startTestHub({ embedded: true, env: { CONSOLE_DIST_DIR: dist } });
    base = new URL(hub.hub.gateway.url).origin;
  });
  afterAll(async () => {
    await hub?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("serves the console's index with a self-only CSP and no caching", async () => {
    const answer = await raw(base, "/console/");
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["content-security-policy"]).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("default-src 'self'");
    expect(CONSOLE_CSP).toContain("script-src 'self';");
    expect(CONSOLE_CSP).toContain("connect-src 'self'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["cache-control"]).toBe("no-cache");
  });

  it("serves hashed assets with their content type, cached for good", async () => {
    const script = await raw(base, "/console/assets/app-abc123.js");
    expect(script.status).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(script.headers["content-security-policy"]).toBe(CONSOLE_CSP);
    expect((await raw(base, "/console/assets/style-abc123.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await raw(base, "/console/favicon.svg")).headers["content-type"]).toBe("image/svg+xml");
  });

  it.each([
    "/console/../package.json",
    "/console/%2e%2e/package.json",
    "/console/assets/..%2f..%2fpackage.json",
    "/console/assets/%2e%2e%2f%2e%2e%2fgateway%2fconsole.ts",
    "/console/..%5c..%5cpackage.json",
    "//console/../../etc/passwd",
    "/console/assets/app-abc123.js%00.html",
    "/console/assets/",
  ])("refuses %s", async (rawPath) => {
    const answer = await raw(base, rawPath);
    expect(answer.status).not.toBe(200);
    expect(answer.body).not.toContain('"name": "liaison"');
    expect(answer.body).not.toContain("root:");
  });

  it("answers only GET and HEAD on console files", async () => {
    expect((await raw(base, "/console/assets/app-abc123.js", { method: "POST" })).status).toBe(405);
    const head = await raw(base, "/console/assets/app-abc123.js", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  it("redirects / and /console to the console", async () => {
    for (const rawPath of ["/", "/console"]) {
      const answer = await raw(base, rawPath);
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe("/console/");
    }
  });

  it("offers no Apollo landing page (no Sandbox, nothing from Apollo's CDN)", async () => {
    const variants: Array<Record<string, string>> = [{ accept: "text/html" }, { accept: "text/html", "apollo-require-preflight": "true" }];
    for (const headers of variants) {
      const answer = await raw(base, "/graphql", { headers });
      expect(answer.headers["content-type"] ?? "").not.toContain("text/html");
      expect(answer.body).not.toMatch(/<html|embeddable|sandbox|cdn\.apollographql/i);
    }
  });

  it("mints a demo identity's token that the gateway accepts", async () => {
    const answer = await raw(base, "/console/dev-token", { method: "POST", headers: JSON_HEADERS, body: IDENTITY });
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("no-store");
    const { token, claims } = JSON.parse(answer.body) as { token: string; claims: Record<string, unknown> };
    expect(claims).toMatchObject({ sub: "customs-analyst", agency: "CUSTOMS", roles: ["analyst"], clearance: 2, operations: ["OP-LANTERN"] });
    const subject = await (await createTokenVerifier(hub.config))(token);
    expect(subject).toMatchObject({ agency: "CUSTOMS", clearance: 2 });
    const reply = await hub.query<{ phone: { e164: string } | null }>('{ phone(e164: "+44 7700 900101") { e164 } }', {}, { token });
    expect(reply.data?.phone?.e164).toBe("+447700900101");
  });

  it.each([
    ["not JSON", "agency=CUSTOMS", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["an unknown agency", JSON.stringify({ agency: "MI6", role: "analyst", clearance: 2 }), JSON_HEADERS, 400],
    ["a clearance out of range", JSON.stringify({ agency: "POLICE", role: "analyst", clearance: 5 }), JSON_HEADERS, 400],
    ["an unknown role", JSON.stringify({ agency: "POLICE", role: "root", clearance: 2 }), JSON_HEADERS, 400],
    ["an extra claim", JSON.stringify({ agency: "POLICE", role: "analyst", clearance: 2, aud: "other" }), JSON_HEADERS, 400],
    ["a bad operation id", JSON.stringify({ agency: "POLICE", role: "analyst", clearance: 2, operations: ["op lantern"] }), JSON_HEADERS, 400],
    ["a body too large", JSON.stringify({ agency: "POLICE", role: "analyst", clearance: 2, sub: "x".repeat(5000) }), JSON_HEADERS, 413],
  ])("refuses a demo identity with %s", async (_name, body, headers, status) => {
    const answer = await raw(base, "/console/dev-token", { method: "POST", headers, body });
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain("token\"");
  });

  it("refuses GET on the token endpoint", async () => {
    expect((await raw(base, "/console/dev-token")).status).toBe(405);
  });
});

describe("the console's routes by configuration", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await fakeBuild();
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it("serves no console and no landing page in production unless CONSOLE=on", async () => {
    const server = await serveRoutes({ NODE_ENV: "production", CONSOLE_DIST_DIR: dist });
    try {
      for (const rawPath of ["/", "/console", "/console/", "/console/assets/app-abc123.js", "/console/config.json"]) {
        expect((await raw(server.url, rawPath)).status).toBe(404);
      }
      expect((await raw(server.url, "/console/dev-token", { method: "POST", headers: JSON_HEADERS, body: IDENTITY })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("with CONSOLE=on in production serves the console but neither / nor demo identities", async () => {
    const server = await serveRoutes({ NODE_ENV: "production", CONSOLE: "on", CONSOLE_DIST_DIR: dist });
    try {
      expect((await raw(server.url, "/console/")).status).toBe(200);
      expect((await raw(server.url, "/")).status).toBe(404);
      const token = await raw(server.url, "/console/dev-token", { method: "POST", headers: JSON_HEADERS, body: IDENTITY });
      expect(token.status).toBe(403);
      expect(token.body).not.toContain("eyJ");
      expect(JSON.parse((await raw(server.url, "/console/config.json")).body)).toMatchObject({ devTokens: false });
    } finally {
      await server.close();
    }
  });

  it("refuses demo identities when the dev issuer is off", async () => {
    const server = await serveRoutes({ DEV_ISSUER: "false", CONSOLE_DIST_DIR: dist, LIAISON_DATA_DIR: dist });
    try {
      expect((await raw(server.url, "/console/dev-token", { method: "POST", headers: JSON_HEADERS, body: IDENTITY })).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it("says so when the console is not built", async () => {
    const server = await serveRoutes({ CONSOLE_DIST_DIR: path.join(dist, "missing") });
    try {
      const answer = await raw(server.url, "/console/");
      expect(answer.status).toBe(503);
      expect(answer.body).toContain("npm run build:web");
    } finally {
      await server.close();
    }
  });

  it("refuses CONSOLE values other than on and off", () => {
    expect(() => loadConfig({ CONSOLE: "yes" })).toThrow('configuration: CONSOLE must be on or off, got "yes"');
    expect(loadConfig({}).console).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).console).toBe(false);
  });

  it("reads a demo identity strictly", () => {
    expect(readDevIdentity({ agency: "POSTAL", role: "officer", clearance: 0 })).toEqual({ sub: "postal-officer", agency: "POSTAL", roles: ["officer"], clearance: 0, operations: [] });
    expect(readDevIdentity([])).toEqual({ problem: "body must be a JSON object" });
    expect(readDevIdentity({ agency: "POSTAL", role: "officer", clearance: 1.5 })).toEqual({ problem: "clearance must be an integer 0-4" });
  });
});

describe("the start-up message", () => {
  it("names the console URL next to the gateway's", async () => {
    const dist = await fakeBuild();
    try {
      const build = await prepareConsole({ console: true, consoleDir: dist });
      expect(build).toEqual({ state: "fresh", seconds: 0 });
      expect(consoleLine(build, "http://127.0.0.1:4000/graphql")).toBe("  console: http://127.0.0.1:4000/console/");
      expect(consoleLine({ state: "built", seconds: 12.34 }, "http://127.0.0.1:4000/graphql")).toBe("  console: http://127.0.0.1:4000/console/ (built in 12.3s)");
      expect(consoleLine(await prepareConsole({ console: false, consoleDir: dist }), "http://127.0.0.1:4000/graphql")).toBe("  console: off (CONSOLE=on serves it)");
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  });
});
