import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChainHead } from "../../platform/audit/index.js";
import { loadGatewaySigningKey, mintGatewayToken } from "../../platform/auth/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * The gateway anchors every chain's head in the hub database: the hub's request audit directly,
 * each agency's delivery audit through that service's /audit/head, which answers only a gateway
 * token minted for it (the head says how much an agency's users were served).
 */

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});

const anchors = async () =>
  (await th.hub.gateway.hubDataSource.query(`SELECT source, head_seq, head_hash, rows FROM audit_anchor ORDER BY seq`)) as Array<{ source: string; head_seq: string; head_hash: string; rows: string }>;
const headUrl = (name: string) => (th.hub.subgraphs[name]?.url as string).replace("/graphql", "/audit/head");

describe("audit anchoring through the gateway", () => {
  it("anchors the hub's and each agency's head, and only again once a head moved", async () => {
    await th.query(`{ phone(e164: "+447700900186") { seizures { id } cases { id } } }`, {}, { token: await th.token("CUSTOMS") });
    await th.hub.gateway.anchorNow();
    const customs = await readChainHead(th.hub.subgraphs.customs?.dataSource as DataSource, "access_audit");
    const police = await readChainHead(th.hub.subgraphs.police?.dataSource as DataSource, "access_audit");
    const hub = await readChainHead(th.hub.gateway.hubDataSource, "request_audit");
    const admin = await readChainHead(th.hub.gateway.hubDataSource, "admin_audit");
    const row = (source: string, head: typeof hub) => ({ source, head_seq: String(head?.seq), head_hash: head?.hash, rows: String(head?.rows) });
    // fiu and postal served nothing yet: an empty chain has no head to anchor.
    // The admin audit holds the import of the default policy documents.
    expect((await anchors()).sort((a, b) => a.source.localeCompare(b.source))).toEqual([
      row("customs.access_audit", customs), row("hub.admin_audit", admin), row("hub.request_audit", hub), row("police.access_audit", police),
    ]);
    await th.hub.gateway.anchorNow();
    expect(await anchors()).toHaveLength(4);
    await th.query(`{ phone(e164: "+447700900186") { seizures { id } } }`, {}, { token: await th.token("CUSTOMS") });
    await th.hub.gateway.anchorNow();
    expect((await anchors()).slice(4).map((a) => a.source).sort()).toEqual(["customs.access_audit", "hub.request_audit"]);
  });

  it("answers /audit/head to nobody but the gateway: no token, a user's token, a gateway token for GraphQL", async () => {
    const refused = { errors: [{ message: "this service only answers requests that come through the gateway", extensions: { code: "UNAUTHENTICATED" } }] };
    const noToken = await fetch(headUrl("customs"));
    expect([noToken.status, await noToken.json()]).toEqual([401, refused]);
    const user = await fetch(headUrl("customs"), { headers: { authorization: `Bearer ${await th.token("CUSTOMS")}` } });
    expect([user.status, await user.json()]).toEqual([401, refused]);
    const key = await loadGatewaySigningKey(th.config);
    const graphqlToken = await mintGatewayToken(key, th.config.gatewayIssuer, th.config.audience, { subgraph: "customs", scope: "graphql", body: undefined, requestId: "rq-head-1" });
    const wrongScope = await fetch(headUrl("customs"), { headers: { authorization: `Bearer ${graphqlToken}` } });
    expect([wrongScope.status, await wrongScope.json()]).toEqual([401, { errors: [{ message: "gateway token was minted for another kind of call", extensions: { code: "UNAUTHENTICATED" } }] }]);
    const headToken = await mintGatewayToken(key, th.config.gatewayIssuer, th.config.audience, { subgraph: "customs", scope: "audit-head", body: undefined, requestId: "rq-head-2" });
    const ok = await fetch(headUrl("customs"), { headers: { authorization: `Bearer ${headToken}` } });
    expect([ok.status, ((await ok.json()) as { source: string }).source]).toEqual([200, "customs.access_audit"]);
  });
});
