import diagnostics from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { dataSourceOf, plantRecords, type Planted } from "./records.js";

/*
 * Issue 10 item 4: with REQUIRE_GATEWAY_TOKEN (always on in production) an agency subgraph answers
 * only the gateway's one-use tokens. The test captures a real token the gateway sent to the police
 * subgraph and replays it; no refused call is audited as a delivery.
 */

let th: TestHub;
let ids: Planted;

beforeAll(async () => {
  th = await startTestHub({ env: { REQUIRE_GATEWAY_TOKEN: "true" } });
  ids = await plantRecords(th, "DS", "+447700900414");
});
afterAll(async () => {
  await th?.close();
});

const GATEWAY_ONLY = { status: 401, errors: [{ message: "this service only answers requests that come through the gateway", extensions: { code: "UNAUTHENTICATED" } }] };
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { reference informants { name } } } }`;

async function post(url: string, body: unknown, authorization?: string) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as object) };
}
const policeUrl = () => th.hub.subgraphs.police?.url as string;
const auditRows = async () => ((await dataSourceOf(th, "police").query(`SELECT count(*)::int AS n FROM access_audit`)) as Array<{ n: number }>)[0]?.n;

/**
 * Runs one gateway request and returns the authorization header and body the gateway sent the police
 * subgraph, read from undici's diagnostics channel (Node's fetch and the undici client both publish
 * there), the way anyone on the path between gateway and subgraph could read them.
 */
async function captureGatewayCall(): Promise<{ authorization: string; body: string }> {
  const seen: Array<{ authorization: string; body: string }> = [];
  const { port } = new URL(policeUrl());
  const listener = (message: unknown) => {
    const request = (message as { request: { origin: string | URL; headers: string | string[]; body: unknown } }).request;
    if (!String(request.origin).endsWith(`:${port}`)) return;
    const headers = Array.isArray(request.headers) ? request.headers : request.headers.split("\r\n").flatMap((line) => line.split(/: (.*)/s).slice(0, 2));
    const at = headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === "authorization");
    seen.push({ authorization: headers[at + 1] ?? "", body: Buffer.isBuffer(request.body) || request.body instanceof Uint8Array ? Buffer.from(request.body).toString("utf8") : String(request.body) });
  };
  diagnostics.subscribe("undici:request:create", listener);
  try {
    const r = await th.query(`{ case(id: "${ids.case.green}") { reference } }`, {}, { token: await th.token("POLICE", { sub: "ds-police", roles: ["officer"] }) });
    expect(r).toEqual({ status: 200, data: { case: { reference: "DS-GREEN-C" } } });
  } finally {
    diagnostics.unsubscribe("undici:request:create", listener);
  }
  expect(seen).toHaveLength(1);
  expect(seen[0]?.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  return seen[0] as { authorization: string; body: string };
}

describe("direct calls to an agency subgraph", () => {
  it("refuses a call without a token, and _entities without one, before any GraphQL work", async () => {
    const before = await auditRows();
    expect(await post(policeUrl(), { query: `{ cases { totalCount } }` })).toEqual(GATEWAY_ONLY);
    expect(await post(policeUrl(), { query: ENTITIES, variables: { r: [{ __typename: "Case", id: ids.case.red }] } })).toEqual(GATEWAY_ONLY);
    expect(await auditRows()).toBe(before);
  });

  it("refuses a user's own valid token, the owning agency's officer's included, and for _entities too", async () => {
    const before = await auditRows();
    const own = `Bearer ${await th.token("POLICE", { sub: "ds-police", roles: ["officer"], clearance: 3 })}`;
    expect(await post(policeUrl(), { query: `{ case(id: "${ids.case.red}") { reference } }` }, own)).toEqual(GATEWAY_ONLY);
    expect(await post(policeUrl(), { query: ENTITIES, variables: { r: [{ __typename: "Case", id: ids.case.green }] } }, `Bearer ${await th.token("CUSTOMS")}`)).toEqual(GATEWAY_ONLY);
    expect(await auditRows()).toBe(before);
  });

  it("refuses a captured gateway token replayed with the same body: it was good for one call", async () => {
    const call = await captureGatewayCall();
    const before = await auditRows();
    const response = await fetch(policeUrl(), { method: "POST", headers: { "content-type": "application/json", authorization: call.authorization }, body: call.body });
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 401, body: { errors: [{ message: "gateway token has already been used", extensions: { code: "UNAUTHENTICATED" } }] } });
    expect(await auditRows()).toBe(before);
  });

  it("refuses a captured gateway token on another body (_entities for the RED case) and at another subgraph", async () => {
    const call = await captureGatewayCall();
    const entities = await post(policeUrl(), { query: ENTITIES, variables: { r: [{ __typename: "Case", id: ids.case.red }] } }, call.authorization);
    expect(entities).toEqual({ status: 401, errors: [{ message: "gateway token does not match the request body", extensions: { code: "UNAUTHENTICATED" } }] });
    const customs = await post(th.hub.subgraphs.customs?.url as string, JSON.parse(call.body), call.authorization);
    expect(customs).toEqual({ status: 401, errors: [{ message: 'gateway token claim "aud" is invalid', extensions: { code: "UNAUTHENTICATED" } }] });
  });
});
