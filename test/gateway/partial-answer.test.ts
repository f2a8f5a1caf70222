import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
  const customs = await th.token("CUSTOMS", { roles: ["officer"] });
  const police = await th.token("POLICE", { roles: ["officer"] });
  await th.query(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: seizureInput({ reference: "DOWN-S1", phone: "+447700900160" }) }, { token: customs });
  await th.query(`mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`, { i: caseInput({ reference: "DOWN-C1", phone: "+447700900160" }) }, { token: police });
  // Stop one agency's subgraph; the hub itself keeps running.
  await th.hub.subgraphs.police?.close();
});
afterAll(async () => {
  await th?.close();
});

describe("gateway with one agency's subgraph down", () => {
  it("still answers the other agencies; the missing agency's fields are null with an error naming the service", async () => {
    const r = await th.query<{ phone: { e164: string; seizures: Array<{ reference: string }>; cases: unknown } }>(
      `{ phone(e164: "+447700900160") { e164 seizures { reference } cases { reference } } }`,
      {},
      { token: await th.token("CUSTOMS") },
    );
    expect(r.status).toBe(200);
    expect(r.data?.phone).toEqual({ e164: "+447700900160", seizures: [{ reference: "DOWN-S1" }], cases: null });
    expect(r.errors).toEqual([{ message: 'Service "police" is unavailable', extensions: { code: "INTERNAL_SERVER_ERROR", service: "police" } }]);
  });

  it("reports itself degraded on /readyz, naming the unreachable service", async () => {
    const response = await fetch(th.hub.gateway.url.replace("/graphql", "/readyz"));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { subgraphs: Record<string, string> }).subgraphs).toEqual({
      customs: "ready", police: "unreachable", fiu: "ready", postal: "ready", links: "ready", admin: "ready",
    });
  });
});
