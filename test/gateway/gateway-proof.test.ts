import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { PROOF_HEADER, signGatewayRequest } from "../../platform/http/index.js";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
let th: TestHub;
beforeAll(async () => {
  th = await startTestHub({ env: { REQUIRE_GATEWAY_PROOF: "true", GATEWAY_SECRET: SECRET } });
});
afterAll(async () => {
  await th?.close();
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Phone { seizures { id } } } }`;
const REPS = { r: [{ __typename: "Phone", e164: "+447700900190" }] };

describe("subgraphs answer only the gateway when proof is required", () => {
  it("serves through the gateway", async () => {
    const r = await th.query(`{ phone(e164: "+447700900190") { e164 seizures { id } } }`, {}, { token: await th.token("CUSTOMS") });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ phone: { e164: "+447700900190", seizures: [] } });
  });

  it("answers a direct _entities call without proof with 401, even with a valid token", async () => {
    const r = await th.query(ENTITIES, REPS, { token: await th.token("CUSTOMS") }, th.hub.subgraphs.customs?.url);
    expect(r.status).toBe(401);
    expect(r.errors).toEqual([{ message: "this service only answers requests that come through the gateway", extensions: { code: "UNAUTHENTICATED" } }]);
  });

  it("refuses a proof made with another key, or for another request", async () => {
    const token = await th.token("CUSTOMS");
    const forged = await th.query(ENTITIES, REPS, { token, headers: { [PROOF_HEADER]: signGatewayRequest("another-secret-of-sufficient-length-000", ENTITIES, REPS) } }, th.hub.subgraphs.customs?.url);
    expect(forged.status).toBe(401);
    const replayed = await th.query(ENTITIES, { r: [{ __typename: "Phone", e164: "+447700900191" }] }, { token, headers: { [PROOF_HEADER]: signGatewayRequest(SECRET, ENTITIES, REPS) } }, th.hub.subgraphs.customs?.url);
    expect(replayed.errors?.[0]?.message).toBe("gateway proof does not match the request");
  });

  it("accepts a correct proof, and still applies the caller's token and policies", async () => {
    const signed = { [PROOF_HEADER]: signGatewayRequest(SECRET, ENTITIES, REPS) };
    const ok = await th.query(ENTITIES, REPS, { token: await th.token("CUSTOMS"), headers: signed }, th.hub.subgraphs.customs?.url);
    expect(ok.data).toEqual({ _entities: [{ seizures: [] }] });
    const fiu = await th.query(ENTITIES, REPS, { token: await th.token("FIU"), headers: signed }, th.hub.subgraphs.customs?.url);
    expect(fiu.errors?.[0]?.extensions).toEqual({ code: "FORBIDDEN", rule: "default-deny" });
  });

  it("keeps health checks open", async () => {
    const response = await fetch(th.hub.subgraphs.customs?.url.replace("/graphql", "/healthz") as string);
    expect(response.status).toBe(200);
  });
});
