import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureLogger } from "../../platform/observability/index.js";
import { logLine } from "../../platform/log.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/** Every line the hub's services log while this file runs (pino's destination, injected). */
const lines: string[] = [];
let th: TestHub;

beforeAll(async () => {
  configureLogger({ destination: { write: (line: string) => void lines.push(line) }, level: "debug" });
  th = await startTestHub();
}, 120_000);

afterAll(async () => {
  await th?.close();
  configureLogger({ destination: null, level: null });
});

const events = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

async function post(query: string, headers: Record<string, string>): Promise<{ requestId: string; body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(th.hub.gateway.url, { method: "POST", headers: { "content-type": "application/json", "x-purpose": "investigation", ...headers }, body: JSON.stringify({ query }) });
  return { requestId: response.headers.get("x-request-id") as string, body: (await response.json()) as never };
}

describe("JSON logs (issue 10 item 8)", () => {
  it("writes one JSON object per line with level, time, service and msg", () => {
    lines.length = 0;
    logLine("gateway", "policy push failed:", "boom\n{\"level\":\"info\"}");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("}\n") && lines[0].indexOf("\n") === lines[0].length - 1).toBe(true);
    const { time, ...event } = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(typeof time).toBe("string");
    expect(event).toEqual({ level: "error", service: "gateway", msg: 'policy push failed: boom\\u000a{"level":"info"}' });
  });

  it("gives a request's gateway and subgraph lines the same request id", async () => {
    lines.length = 0;
    const token = await th.token("CUSTOMS", { sub: "log-customs-1", roles: ["officer"] });
    const { requestId, body } = await post(`query InformantFilter { cases(filter: { partyRole: INFORMANT }) { totalCount } }`, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.rule).toBe("police.informants-stay-in-police");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const mine = events().filter((event) => event.requestId === requestId);
    expect(mine.map(({ time: _time, ms: _ms, ...event }) => event).sort((a, b) => String(a.service).localeCompare(String(b.service)))).toEqual([
      { level: "debug", service: "gateway", requestId, operation: "InformantFilter", outcome: "partial", codes: ["FORBIDDEN"], msg: "request answered with errors" },
      // The police subgraph runs the gateway's own operation (its name is the gateway's, bounded like any other).
      { level: "debug", service: "police", requestId, operation: expect.stringMatching(/^[A-Za-z_][A-Za-z0-9_]*$/), outcome: "partial", codes: ["FORBIDDEN"], msg: "request answered with errors" },
    ]);
  });

  it("never logs a token, a forged one included, nor the caller's query or justification", async () => {
    lines.length = 0;
    const token = await th.token("POLICE", { sub: "log-police-1", roles: ["officer"] });
    const [header, payload] = token.split(".");
    const forged = `${header}.${payload}.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXZhbGlk`;
    await post(`{ cases { totalCount } }`, { authorization: `Bearer ${forged}` });
    await post(`query Fine { cases(filter: { reference: "LOG-SECRET-REF" }) { totalCount } }`, { authorization: `Bearer ${token}`, "x-justification": "LOG-SECRET-JUSTIFICATION" });
    await post(`{ cases { totalCount } }`, { authorization: "Bearer not-a-jwt-LOG-SECRET" });
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const written = lines.join("");
    for (const secret of [token, forged, payload as string, "c2lnbmF0dXJlLXRoYXQtaXMtbm90LXZhbGlk", "not-a-jwt-LOG-SECRET", "LOG-SECRET-REF", "LOG-SECRET-JUSTIFICATION", "log-police-1", "Bearer"]) {
      expect(written).not.toContain(secret);
    }
    // The subgraphs' own tokens (minted by the gateway per call) stay out too: no line holds a JWT.
    expect(written).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  });
});
