import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPolicyPush } from "../../gateway/policy-push.js";
import { loadGatewayTrust } from "../../gateway/trust.js";
import { createTokenVerifier, loadGatewaySigningKey, mintGatewayToken } from "../../platform/auth/index.js";
import { startSubgraph, type SubgraphDefinition } from "../../platform/subgraph/index.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";
import { DENY_ALL, PolicySource, readActivePolicy, writeActivePolicy } from "../../platform/policy-store/index.js";
import { CompiledPolicy, type PolicyRule } from "../../policies/index.js";
import { Agency } from "../../schema/enums.js";
import { seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * Live reload: a set activated in the hub database is enforced by every service within 2 seconds,
 * without a restart, and each answer names the one version it was evaluated under. Services that
 * cannot reach their source keep the last good version; with none they deny everything.
 */

let th: TestHub;
let officer: string;
beforeAll(async () => {
  th = await startTestHub();
  officer = await th.token("CUSTOMS", { roles: ["officer"] });
  const r = await th.query(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: seizureInput({ reference: "LR-1", phone: "+447700900830", handling: "GREEN" }) }, { token: officer });
  expect(r.errors).toBeUndefined();
});
afterAll(async () => {
  await th?.close();
});

const hub = () => th.hub.gateway.hubDataSource;
const QUERY = `{ seizures(filter: { reference: "LR-1" }) { edges { node { commodities { description } } } } }`;

async function ask() {
  const response = await fetch(th.hub.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${officer}`, "x-purpose": "investigation" },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data: { seizures: { edges: Array<{ node: { commodities: Array<{ description: string | null }> } }> } }; errors?: Array<{ extensions: Record<string, unknown> }>; extensions: { policyVersion: string } };
  return { version: body.extensions.policyVersion, description: body.data.seizures.edges[0]?.node.commodities[0]?.description ?? null, errors: body.errors?.map((e) => e.extensions) };
}

/** Activates a set in the hub database, as an approval does. */
async function activate(version: string, extra: PolicyRule[]): Promise<void> {
  const rules = th.hub.policies?.active().set.rules ?? [];
  await hub().transaction((manager) => writeActivePolicy(manager, { version, rules: [...rules.filter((r) => !r.id.startsWith("live.")), ...extra] }, { test: 1 }));
}

describe("live reload of the policy set", () => {
  it("names the files' version in every answer until the hub database holds a set", async () => {
    const first = await ask();
    expect(first.version).toBe(th.hub.policies?.active().version);
    expect(first.description).toBe("synthetic cannabinoid powder");
  });

  it("enforces a newly activated set within 2 seconds, with no restart, one version per answer", async () => {
    const deny: PolicyRule = { id: "live.deny-description", description: "test", effect: "deny", target: ["CommodityLine.description"], when: { subject: { agency: ["CUSTOMS"] } } };
    const started = performance.now();
    await activate("live-test-1", [deny]);
    let answer = await ask();
    while (answer.version !== "live-test-1" && performance.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await ask();
    }
    const elapsed = performance.now() - started;
    process.stdout.write(`live reload: new policy version enforced after ${elapsed.toFixed(0)} ms\n`);
    expect(elapsed).toBeLessThan(2000);
    expect(answer).toEqual({ version: "live-test-1", description: null, errors: [{ code: "FORBIDDEN", rule: "live.deny-description", service: "customs" }] });
    const rows = (await th.hub.subgraphs.customs?.dataSource?.query(`SELECT DISTINCT policy_version FROM access_audit WHERE policy_version = 'live-test-1'`)) as unknown[];
    expect(rows).toEqual([{ policy_version: "live-test-1" }]);
    expect(await hub().query(`SELECT count(*)::int AS n FROM request_audit WHERE policy_version = 'live-test-1'`)).toEqual([{ n: expect.any(Number) }]);
  });

  it("pushes the active set to a subgraph in its own process, signed for it alone; nobody else can install one", async () => {
    const links = SUBGRAPHS.find((sg) => sg.name === "links") as SubgraphDefinition;
    const source = new PolicySource();
    const standalone = await startSubgraph(links, {
      config: th.config,
      verifier: await createTokenVerifier(th.config),
      port: 0,
      policy: () => source.active(),
      policyVersion: async (version) => source.byVersion(version),
      policyInstall: source,
    });
    try {
      expect(source.active()).toBe(DENY_ALL);
      const trust = await loadGatewayTrust(th.config);
      const errors: unknown[] = [];
      const push = startPolicyPush({ urls: { links: standalone.url }, trust, policy: () => th.hub.policies?.active() as CompiledPolicy, intervalMs: 60_000, onError: (e) => errors.push(e) });
      await push.pushNow(th.hub.policies?.active() as CompiledPolicy);
      expect(source.active().version).toBe("live-test-1");
      expect(errors).toEqual([]);
      const installUrl = standalone.url.replace("/graphql", "/policy/install");
      const forged = { version: "forged", rules: [] };
      const post = async (token: string | null, body: unknown) => {
        const response = await fetch(installUrl, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
        return [response.status, ((await response.json()) as { errors?: Array<{ message: string }> }).errors?.[0]?.message];
      };
      expect(await post(null, forged)).toEqual([401, "this service only answers requests that come through the gateway"]);
      expect(await post(await th.token("HUB", { roles: ["admin"] }), forged)).toEqual([401, "this service only answers requests that come through the gateway"]);
      const forAnotherBody = await trust.mint({ subgraph: "links", scope: "policy", body: { version: "other" }, requestId: "lr-2" });
      expect(await post(forAnotherBody, forged)).toEqual([401, "gateway token does not match the request body"]);
      const graphqlScope = await trust.mint({ subgraph: "links", scope: "graphql", body: forged, requestId: "lr-3" });
      expect(await post(graphqlScope, forged)).toEqual([401, "gateway token was minted for another kind of call"]);
      expect(source.active().version).toBe("live-test-1");
      push.stop();
      const down = startPolicyPush({ urls: { links: "http://127.0.0.1:9/graphql" }, trust, policy: () => source.active(), intervalMs: 60_000, onError: (e) => errors.push(e) });
      await down.pushNow(source.active());
      down.stop();
      expect(errors).toHaveLength(1);
    } finally {
      await standalone.close();
    }
  });

  it("refuses a gateway token naming a version the subgraph cannot get", async () => {
    const key = await loadGatewaySigningKey(th.config);
    const body = { query: `{ seizures { totalCount } }` };
    const subject = { sub: "o-1", agency: Agency.CUSTOMS, roles: ["officer"], clearance: 2, operations: [], issuer: "liaison-dev" };
    const token = await mintGatewayToken(key, th.config.gatewayIssuer, th.config.audience, { subgraph: "customs", scope: "graphql", body, subject, purpose: "investigation", requestId: "lr-1", policyVersion: "no-such-version" });
    const response = await fetch(th.hub.subgraphs.customs?.url as string, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect([response.status, await response.json()]).toEqual([
      503,
      { errors: [{ message: "policy version no-such-version is not available on this service yet; try again", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
    ]);
  });
});

describe("a policy source without its database", () => {
  it("keeps the last good version when the check fails, and denies everything with none", async () => {
    const source = new PolicySource(new CompiledPolicy({ version: "good", rules: [] }));
    const broken = { query: async () => Promise.reject(new Error("connection refused")) } as unknown as DataSource;
    await expect(source.refreshFrom(broken)).rejects.toThrow("connection refused");
    expect(source.active().version).toBe("good");
    const none = new PolicySource();
    expect(none.active().forCaller({ sub: "s", agency: Agency.CUSTOMS, roles: ["admin"], clearance: 4, operations: [], issuer: "x" }, "investigation").decide("Seizure", "place", null, "governed")).toEqual({ effect: "deny", rule: "default-deny" });
  });

  it("activates a version read from the hub database only once it was pushed to the subgraphs", async () => {
    const source = new PolicySource(new CompiledPolicy({ version: "old", rules: [] }));
    const fakeHub = {
      query: async (sql: string) =>
        sql.includes(`"rules"`) ? [{ set_version: "new", rules: [], documents: {}, changed_at: new Date() }] : [{ set_version: "new" }],
    } as unknown as DataSource;
    let seenDuringPush = "";
    source.beforeActivate = async (policy) => {
      seenDuringPush = `${policy.version} pushed while ${source.active().version} active, held: ${source.byVersion("new") !== undefined}`;
    };
    await source.refreshFrom(fakeHub);
    expect(seenDuringPush).toBe("new pushed while old active, held: true");
    expect(source.active().version).toBe("new");
  });

  it("reads back exactly what an activation stored", async () => {
    const active = await readActivePolicy(hub());
    expect(active?.set.version).toBe("live-test-1");
    expect(active?.documents).toEqual({ test: 1 });
  });
});

