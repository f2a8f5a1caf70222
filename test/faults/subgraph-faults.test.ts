import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";
import { median, startFakeSubgraph, type FakeSubgraph } from "./fake-subgraph.js";

/*
 * Issue 10 item 3: the customs subgraph fails in each way an agency's service can (500, invalid
 * JSON, hanging, slow, a connection reset), played by a fake on its port. The police answer still
 * arrives; customs' fields are null with an error naming the service and nothing of its internals
 * (host, port, its error text); a hanging agency is cut at SUBGRAPH_TIMEOUT_MS; a slow agency does
 * not slow the others; a mutation is sent exactly once.
 */

const TIMEOUT_MS = 1500;
let th: TestHub;
let fake: FakeSubgraph;
let port: number;
let police: string;
let customs: string;

beforeAll(async () => {
  th = await startTestHub({ env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } });
  police = await th.token("POLICE", { sub: "fault-police", roles: ["officer"] });
  customs = await th.token("CUSTOMS", { sub: "fault-customs", roles: ["officer"] });
  port = th.hub.subgraphs.customs?.port as number;
  await th.hub.subgraphs.customs?.close();
  fake = await startFakeSubgraph(port, { kind: "status", status: 500 });
});
afterAll(async () => {
  await fake?.close();
  await th?.close();
});

const BOTH = `{ cases { totalCount } seizures { totalCount } }`;

/** The answer holds police's count, customs' null, one error naming customs, and nothing of customs' internals. */
function expectCustomsFailed(r: GraphQLResponse, how: "is unavailable" | "did not answer in time") {
  expect(r.status).toBe(200);
  expect(r.data).toEqual({ cases: { totalCount: 0 }, seizures: null });
  expect(r.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([{ message: `Service "customs" ${how}`, extensions: { code: "INTERNAL_SERVER_ERROR", service: "customs" } }]);
  const text = JSON.stringify(r);
  for (const leak of ["127.0.0.1", `:${port}`, "localhost", "db-7", "oops", "ECONN", "Unexpected token", "stack", "undici"]) expect(text).not.toContain(leak);
}

describe("an agency subgraph failing", () => {
  it("answering 500: the other agency answers, customs is null with an error naming it and none of its text", async () => {
    fake.behaviour = { kind: "status", status: 500 };
    expectCustomsFailed(await th.query(BOTH, {}, { token: police }), "is unavailable");
  });

  it("answering invalid JSON: the same", async () => {
    fake.behaviour = { kind: "invalid-json" };
    expectCustomsFailed(await th.query(BOTH, {}, { token: police }), "is unavailable");
  });

  it("resetting the connection: the same", async () => {
    fake.behaviour = { kind: "reset" };
    expectCustomsFailed(await th.query(BOTH, {}, { token: police }), "is unavailable");
  });

  it(`hanging: answered within SUBGRAPH_TIMEOUT_MS (${TIMEOUT_MS} ms) with customs timed out`, async () => {
    fake.behaviour = { kind: "hang" };
    const started = performance.now();
    const r = await th.query(BOTH, {}, { token: police });
    const took = performance.now() - started;
    expectCustomsFailed(r, "did not answer in time");
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + 1500);
  });

  it("down (nothing listening): the same as unavailable", async () => {
    await fake.close();
    try {
      expectCustomsFailed(await th.query(BOTH, {}, { token: police }), "is unavailable");
    } finally {
      fake = await startFakeSubgraph(port, { kind: "status", status: 500 });
    }
  });
});

describe("a slow agency under load", () => {
  it("leaves the other agencies' latency flat (median of police-only queries, with 16 slow customs queries in flight)", async () => {
    const policeOnly = async () => {
      const started = performance.now();
      const r = await th.query(`{ cases { totalCount } }`, {}, { token: police });
      expect(r).toEqual({ status: 200, data: { cases: { totalCount: 0 } } });
      return performance.now() - started;
    };
    const sample = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push(await policeOnly());
      return times;
    };
    await sample(5); // warm-up
    const quiet = median(await sample(25));
    fake.behaviour = { kind: "slow", ms: 1000, body: { data: { seizures: { totalCount: 7 } } } };
    let loading = true;
    let slowAnswers = 0;
    const load = Array.from({ length: 16 }, async () => {
      while (loading) {
        const r = await th.query<{ seizures: { totalCount: number } }>(`{ seizures { totalCount } }`, {}, { token: customs });
        expect(r.data).toEqual({ seizures: { totalCount: 7 } });
        slowAnswers++;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const loaded = median(await sample(25));
    loading = false;
    await Promise.all(load);
    process.stdout.write(`faults: police-only median ${quiet.toFixed(1)} ms quiet, ${loaded.toFixed(1)} ms with customs slow (${slowAnswers} slow answers)\n`);
    expect(slowAnswers).toBeGreaterThanOrEqual(16);
    // Generous: two shared cores; a police query queued behind customs would take about 1000 ms.
    expect(loaded).toBeLessThan(quiet * 3 + 150);
  });
});

describe("mutations", () => {
  const RECORD = `mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`;
  it.each([
    ["a reset connection", { kind: "reset" } as const],
    ["503", { kind: "status", status: 503 } as const],
    ["a hang past the timeout", { kind: "hang" } as const],
  ])("are sent to the subgraph exactly once, never retried by the gateway, after %s", async (_what, behaviour) => {
    fake.behaviour = behaviour;
    const before = fake.received.length;
    const r = await th.query(RECORD, { i: seizureInput({ reference: `FAULT-${behaviour.kind}`, phone: "+447700900420" }) }, { token: customs });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.received.slice(before).map((body) => (JSON.parse(body) as { query: string }).query.startsWith("mutation"))).toEqual([true]);
    expect(r.data).toEqual({ recordSeizure: null });
    expect(r.errors?.map((e) => [e.message, e.extensions?.service])).toEqual([[`Service "customs" ${behaviour.kind === "hang" ? "did not answer in time" : "is unavailable"}`, "customs"]]);
  });
});
