import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoundedLabel, metricsRoute, OTHER, ServiceMetrics } from "../../platform/observability/index.js";
import { caseInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;

beforeAll(async () => {
  th = await startTestHub();
}, 120_000);

afterAll(async () => {
  await th?.close();
});

const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, "");

/** One scrape: every sample line as `name{labels}` → value. */
async function scrape(graphqlUrl: string): Promise<Map<string, number>> {
  const response = await fetch(`${base(graphqlUrl)}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

/** What changed between two scrapes, for the series named (missing before counts as 0). */
function increments(before: Map<string, number>, after: Map<string, number>, series: readonly string[]): Record<string, number> {
  return Object.fromEntries(series.map((name) => [name, (after.get(name) ?? 0) - (before.get(name) ?? 0)]));
}

/** Every label value of a scrape. */
function labelValues(samples: Map<string, number>): string[] {
  return [...samples.keys()].flatMap((key) => [...key.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] as string));
}

const INFORMANT_FILTER = `query CustomsInformants { cases(filter: { partyRole: INFORMANT }) { totalCount } }`;

describe("/metrics (issue 10 item 8)", () => {
  it("counts a request per operation, its denial under the rule that decided, and the subgraph call, on the gateway and on the police subgraph", async () => {
    const police = th.hub.subgraphs.police?.url as string;
    const [gatewayBefore, policeBefore] = [await scrape(th.hub.gateway.url), await scrape(police)];
    const customs = await th.token("CUSTOMS", { sub: "obs-customs-1", roles: ["officer"] });
    const r = await th.query(INFORMANT_FILTER, {}, { token: customs });
    expect(r.errors?.map((e) => e.extensions)).toEqual([{ code: "FORBIDDEN", rule: "police.informants-stay-in-police", service: "police" }]);
    const [gatewayAfter, policeAfter] = [await scrape(th.hub.gateway.url), await scrape(police)];
    expect(
      increments(gatewayBefore, gatewayAfter, [
        'liaison_requests_total{service="gateway"}',
        'liaison_operations_total{operation="CustomsInformants",outcome="partial"}',
        'liaison_operation_duration_seconds_count{operation="CustomsInformants"}',
        'liaison_denials_total{rule="police.informants-stay-in-police"}',
        'liaison_subgraph_calls_total{subgraph="police"}',
        'liaison_subgraph_call_duration_seconds_count{subgraph="police"}',
        'liaison_subgraph_errors_total{subgraph="police",kind="denied"}',
        'liaison_subgraph_calls_total{subgraph="customs"}',
        'liaison_audit_write_duration_seconds_count{audit="request"}',
      ]),
    ).toEqual({
      'liaison_requests_total{service="gateway"}': 1,
      'liaison_operations_total{operation="CustomsInformants",outcome="partial"}': 1,
      'liaison_operation_duration_seconds_count{operation="CustomsInformants"}': 1,
      'liaison_denials_total{rule="police.informants-stay-in-police"}': 1,
      'liaison_subgraph_calls_total{subgraph="police"}': 1,
      'liaison_subgraph_call_duration_seconds_count{subgraph="police"}': 1,
      'liaison_subgraph_errors_total{subgraph="police",kind="denied"}': 1,
      'liaison_subgraph_calls_total{subgraph="customs"}': 0,
      'liaison_audit_write_duration_seconds_count{audit="request"}': 1,
    });
    // Where the decision was made: the police subgraph counts the same denial on its own /metrics.
    expect(increments(policeBefore, policeAfter, ['liaison_requests_total{service="police"}', 'liaison_denials_total{rule="police.informants-stay-in-police"}'])).toEqual({
      'liaison_requests_total{service="police"}': 1,
      'liaison_denials_total{rule="police.informants-stay-in-police"}': 1,
    });
    expect(policeAfter.get('liaison_sql_queries_total{service="police"}')).toBeGreaterThanOrEqual(0);
    expect(gatewayAfter.get("process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("times the agency's access audit write on its own /metrics when records are served", async () => {
    const police = th.hub.subgraphs.police?.url as string;
    const token = await th.token("POLICE", { sub: "obs-police-1", roles: ["officer"] });
    const opened = await th.query<{ openCase: { id: string } }>(`mutation ($i: OpenCaseInput!) { openCase(input: $i) { id } }`, { i: caseInput({ reference: "OBS-C-1", phone: "+447700900777" }) }, { token });
    expect(opened.errors).toBeUndefined();
    const before = await scrape(police);
    const read = await th.query(`query ReadCases { cases { edges { node { reference } } } }`, {}, { token });
    expect(read.errors).toBeUndefined();
    const after = await scrape(police);
    expect(increments(before, after, ['liaison_audit_write_duration_seconds_count{audit="access"}'])).toEqual({ 'liaison_audit_write_duration_seconds_count{audit="access"}': 1 });
  });

  it("counts refusals once per code: no purpose, no token, and one refused before GraphQL (a body that is not JSON)", async () => {
    const before = await scrape(th.hub.gateway.url);
    const notJson = await fetch(th.hub.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(notJson.status).toBe(400);
    expect((await th.query(`{ cases { totalCount } }`, {}, { purpose: null })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await th.query(`{ cases { totalCount } }`, {}, { token: null })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const after = await scrape(th.hub.gateway.url);
    expect(increments(before, after, ['liaison_refusals_total{code="BAD_USER_INPUT"}', 'liaison_refusals_total{code="UNAUTHENTICATED"}', 'liaison_operations_total{operation="anonymous",outcome="error"}'])).toEqual({
      'liaison_refusals_total{code="BAD_USER_INPUT"}': 2,
      'liaison_refusals_total{code="UNAUTHENTICATED"}': 1,
      'liaison_operations_total{operation="anonymous",outcome="error"}': 2,
    });
  });

  it("never puts caller text in a label beyond a bounded operation name", async () => {
    const token = await th.token("POLICE", { sub: "obs-subject-7731", roles: ["officer"] });
    const secretPhone = "+447700900999";
    const long = `Op${"x".repeat(70)}`;
    const injected = 'A"} 1\nliaison_forged_total 9';
    await th.query(`query PhoneLookup($p: String!) { cases(filter: { reference: $p }) { totalCount } }`, { p: secretPhone }, { token, justification: "OBS-JUSTIFICATION-TEXT" });
    await th.query(`query ${long} { cases { totalCount } }`, {}, { token });
    await th.query(`query StrangerOperation { cases { totalCount } }`, {}, { token: null });
    const forged = await fetch(th.hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation" },
      body: JSON.stringify({ query: `query A { cases { totalCount } }`, operationName: injected }),
    });
    expect(forged.status).toBe(400);
    const samples = await scrape(th.hub.gateway.url);
    const text = [...samples.keys()].join("\n");
    for (const caller of ["obs-subject-7731", secretPhone, "OBS-JUSTIFICATION-TEXT", long, "liaison_forged_total", "StrangerOperation", "totalCount"]) expect(text).not.toContain(caller);
    expect(samples.get('liaison_operations_total{operation="PhoneLookup",outcome="ok"}')).toBe(1);
    expect(samples.get('liaison_operations_total{operation="other",outcome="error"}')).toBeGreaterThanOrEqual(2);
    // Every label value has the shape of a name, a rule id or a number: nothing to inject into the format.
    for (const value of labelValues(samples)) expect(value).toMatch(/^[A-Za-z0-9_.:+-]{1,64}$/);
  });

  it("keeps at most the budget of distinct values per label, then counts under other", () => {
    const label = new BoundedLabel(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 3);
    expect(["a", "b", "c", "d", "a", "bad name", "e"].map((v) => label.of(v))).toEqual(["a", "b", "c", OTHER, "a", OTHER, OTHER]);
  });
});

describe("/metrics access (METRICS_TOKEN)", () => {
  async function serve(route: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer(route);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }
  const metrics = new ServiceMetrics("metrics-access-test");

  it("wants the bearer when a token is set, in constant time, and says so", async () => {
    const server = await serve(metricsRoute(metrics, { production: true, token: "scrape-secret" }));
    try {
      const none = await fetch(server.url);
      expect([none.status, none.headers.get("www-authenticate"), await none.text()]).toEqual([401, 'Bearer realm="metrics"', "metrics need the METRICS_TOKEN bearer\n"]);
      expect((await fetch(server.url, { headers: { authorization: "Bearer scrape-secreT" } })).status).toBe(401);
      expect((await fetch(server.url, { headers: { authorization: "Bearer " } })).status).toBe(401);
      const ok = await fetch(server.url, { headers: { authorization: "Bearer scrape-secret" } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('liaison_requests_total{service="metrics-access-test"} 0');
    } finally {
      await server.close();
    }
  });

  it("is closed in production without a token, open elsewhere", async () => {
    const closed = await serve(metricsRoute(metrics, { production: true, token: null }));
    const open = await serve(metricsRoute(metrics, { production: false, token: null }));
    try {
      const refused = await fetch(closed.url);
      expect([refused.status, await refused.text()]).toEqual([403, "metrics are closed in production until METRICS_TOKEN is set\n"]);
      expect((await fetch(open.url)).status).toBe(200);
    } finally {
      await closed.close();
      await open.close();
    }
  });
});
