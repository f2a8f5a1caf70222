import http from "node:http";
import net from "node:net";
import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveGraphQL } from "../../platform/http/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * Issue 10 item 1: a refused request never breaks the client's connection (the next request on the
 * same keep-alive connection is answered), and slow clients are cut at the configured timeouts.
 */

let th: TestHub;
let subjects = 0;
/** A subject of its own for each request pair: the rate limit (burst 2) is this test's only for the 429 case. */
const fresh = () => th.token("POLICE", { sub: `keep-alive-${(subjects += 1)}` });
const TIMEOUTS = { HTTP_HEADERS_TIMEOUT_MS: "500", HTTP_REQUEST_TIMEOUT_MS: "1500", HTTP_KEEP_ALIVE_TIMEOUT_MS: "2000" };

beforeAll(async () => {
  th = await startTestHub({ env: { ...TIMEOUTS, RATE_LIMIT_BURST: "2", RATE_LIMIT_PER_SECOND: "1" } });
});
afterAll(async () => {
  await th?.close();
});

const OK_BODY = JSON.stringify({ query: "{ cases { totalCount } }" });
const headers = (bearer: string) => ({ "content-type": "application/json", authorization: `Bearer ${bearer}`, "x-purpose": "investigation" });

/** The refused requests a client may send before an ordinary one: a 2 MB body, bad JSON, an operation over a limit, one over the rate. */
const REFUSALS: ReadonlyArray<{ name: string; status: number; body: () => string; exhausted?: boolean }> = [
  { name: "a 2 MB body (413)", status: 413, body: () => JSON.stringify({ query: "{ cases { totalCount } }", variables: { pad: "x".repeat(2_000_000) } }) },
  { name: "invalid JSON (400)", status: 400, body: () => "{ not json" },
  { name: "an operation over a limit (400)", status: 400, body: () => JSON.stringify({ query: `{ cases(first: 1000) { totalCount } }` }) },
  { name: "a rate-limited request (429)", status: 429, body: () => OK_BODY, exhausted: true },
];

/** Uses up the rate-limited subject's burst, so its next request is refused. */
async function exhaust(bearer: string): Promise<void> {
  for (let i = 0; i < 3; i += 1) await fetch(th.hub.gateway.url, { method: "POST", headers: headers(bearer), body: OK_BODY }).then((r) => r.arrayBuffer());
}

function post(agent: http.Agent, body: string, bearer: string): Promise<{ status: number; reused: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(th.hub.gateway.url, { method: "POST", agent, headers: { ...headers(bearer), "content-length": Buffer.byteLength(body) }, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("timeout", () => req.destroy(new Error("no answer within 5 s")));
    req.on("error", reject);
    req.end(body);
  });
}

describe("a refused request leaves the keep-alive connection usable", () => {
  for (const refusal of REFUSALS) {
    it(`node:http keep-alive agent: ${refusal.name}, then an ordinary request on the same connection`, async () => {
      const bearer = await fresh();
      if (refusal.exhausted) await exhaust(bearer);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refused = await post(agent, refusal.body(), bearer);
        expect(refused.status).toBe(refusal.status);
        const started = Date.now();
        const next = await post(agent, OK_BODY, await fresh());
        expect([next.status, JSON.parse(next.text).data, next.reused]).toEqual([200, { cases: { totalCount: 0 } }, true]);
        expect(Date.now() - started).toBeLessThan(3000);
      } finally {
        agent.destroy();
      }
    });

    it(`Node's fetch: ${refusal.name}, then an ordinary request`, async () => {
      const bearer = await fresh();
      if (refusal.exhausted) await exhaust(bearer);
      const refused = await fetch(th.hub.gateway.url, { method: "POST", headers: headers(bearer), body: refusal.body(), signal: AbortSignal.timeout(5000) });
      expect(refused.status).toBe(refusal.status);
      await refused.arrayBuffer();
      const next = await fetch(th.hub.gateway.url, { method: "POST", headers: headers(await fresh()), body: OK_BODY, signal: AbortSignal.timeout(3000) });
      expect([next.status, ((await next.json()) as { data: unknown }).data]).toEqual([200, { cases: { totalCount: 0 } }]);
    });
  }
});

/** Opens a raw connection, writes `chunks`, and resolves with what the server sent and how long until it closed the connection. */
function rawUntilClosed(port: number, chunks: string[]): Promise<{ ms: number; received: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    let received = "";
    socket.on("data", (d) => (received += d.toString("utf8")));
    socket.on("close", () => resolve({ ms: Date.now() - started, received }));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error("server never closed the connection")));
  });
}

describe("slow clients are cut at the configured timeouts", () => {
  it("cuts a half-sent header after HTTP_HEADERS_TIMEOUT_MS (500 ms) with 408", async () => {
    const r = await rawUntilClosed(th.hub.gateway.port, ["POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl"]);
    expect(r.received.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(r.ms).toBeGreaterThanOrEqual(450);
    expect(r.ms).toBeLessThan(2000);
  });

  it("cuts a slow body after HTTP_REQUEST_TIMEOUT_MS (1,500 ms) with 408", async () => {
    const r = await rawUntilClosed(th.hub.gateway.port, ["POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n", '{"query":']);
    expect(r.received.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(r.ms).toBeGreaterThanOrEqual(1400);
    expect(r.ms).toBeLessThan(3500);
  });

  it("closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS (2,000 ms)", async () => {
    const request = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nApollo-Require-Preflight: true\r\nContent-Length: ${Buffer.byteLength('{"query":"{ __typename }"}')}\r\n\r\n{"query":"{ __typename }"}`;
    const r = await rawUntilClosed(th.hub.gateway.port, [request]);
    expect(r.received.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    expect(r.received).toContain("Keep-Alive: timeout=2");
    expect(r.ms).toBeGreaterThanOrEqual(1900);
    expect(r.ms).toBeLessThan(4500);
  });

  it("holds no more than HTTP_MAX_CONNECTIONS connections open", async () => {
    const apollo = new ApolloServer({ typeDefs: "type Query { ok: Boolean }", resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    const server = await serveGraphQL({
      apollo,
      host: "127.0.0.1",
      port: 0,
      context: async () => ({}),
      timeouts: { headersTimeoutMs: 5000, requestTimeoutMs: 5000, keepAliveTimeoutMs: 5000, maxConnections: 2 },
    });
    const open: net.Socket[] = [];
    try {
      const connect = () =>
        new Promise<{ closedBy: "server" | "still open" }>((resolve) => {
          const socket = net.connect(server.port, "127.0.0.1");
          open.push(socket);
          socket.on("close", () => resolve({ closedBy: "server" }));
          socket.on("error", () => undefined);
          setTimeout(() => resolve({ closedBy: "still open" }), 500);
        });
      expect(await Promise.all([connect(), connect(), connect()])).toEqual([{ closedBy: "still open" }, { closedBy: "still open" }, { closedBy: "server" }]);
    } finally {
      for (const socket of open) socket.destroy();
      await server.close();
    }
  });
});
