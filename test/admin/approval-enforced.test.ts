import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * The "done means", end to end through the gateway: an administrator proposes a change,
 * a second administrator approves it, and every service enforces it within 2 seconds, each answer
 * naming the version; the audit answers who changed what and who saw what under which version.
 */

let th: TestHub;
let officer: string;
const hub = () => th.hub.gateway.hubDataSource;

beforeAll(async () => {
  th = await startTestHub();
  officer = await th.token("CUSTOMS", { sub: "officer-9", roles: ["officer"] });
  const r = await th.query(`mutation($i: RecordSeizureInput!) { recordSeizure(input: $i) { id } }`, { i: seizureInput({ reference: "AE-1", phone: "+447700900840", handling: "GREEN" }) }, { token: officer });
  expect(r.errors).toBeUndefined();
}, 120_000);
afterAll(async () => {
  await th?.close();
});

async function description() {
  const r = await th.query<{ seizures: { edges: Array<{ node: { commodities: Array<{ description: string | null }> } }> } }>(
    `{ seizures(filter: { reference: "AE-1" }) { edges { node { commodities { description } } } } }`,
    {},
    { token: officer, extensions: true },
  );
  return { version: r.extensions?.policyVersion, description: r.data?.seizures.edges[0]?.node.commodities[0]?.description ?? null, errors: r.errors?.map((e) => e.extensions) };
}

describe("a policy change, proposed, approved and enforced", () => {
  it("is enforced by every service within 2 seconds of the second administrator's approval", async () => {
    const admin1 = await th.token("HUB", { sub: "admin-1", roles: ["admin"] });
    const admin2 = await th.token("HUB", { sub: "admin-2", roles: ["admin"] });
    const before = await description();
    expect(before.description).toBe("synthetic cannabinoid powder");

    const current = await th.query<{ policy: { content: string; activeVersion: number } }>(`query { policy(id: "60-masking") { content activeVersion } }`, {}, { token: admin1 });
    const document = parseYaml(current.data?.policy.content as string) as { rules: unknown[] };
    document.rules.push({
      id: "test.customs-no-commodity-description",
      description: "Customs officers no longer see commodity descriptions (a test change).",
      target: "CommodityLine.description",
      effect: "deny",
      when: { subject: { agency: ["CUSTOMS"] } },
    });
    const proposed = await th.query<{ proposePolicyChange: { id: string; setVersion: string; valid: boolean } }>(
      `mutation($d: String!, $b: Int!) { proposePolicyChange(id: "60-masking", document: $d, baseVersion: $b, comment: "withhold descriptions") { id setVersion valid } }`,
      { d: stringifyYaml(document), b: current.data?.policy.activeVersion },
      { token: admin1 },
    );
    expect(proposed.errors).toBeUndefined();
    const change = proposed.data?.proposePolicyChange as { id: string; setVersion: string };
    // Not yet approved: nothing changes.
    expect((await description()).version).toBe(before.version);

    const approved = await th.query(`mutation($id: ID!) { approvePolicyChange(changeId: $id) { status } }`, { id: change.id }, { token: admin2 });
    expect(approved.data).toEqual({ approvePolicyChange: { status: "APPROVED" } });
    const started = performance.now();
    let after = await description();
    while (after.version !== change.setVersion && performance.now() - started < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      after = await description();
    }
    const elapsed = performance.now() - started;
    process.stdout.write(`approved change enforced after ${elapsed.toFixed(0)} ms\n`);
    expect(elapsed).toBeLessThan(2000);
    expect(after).toEqual({ version: change.setVersion, description: null, errors: [{ code: "FORBIDDEN", rule: "test.customs-no-commodity-description", service: "customs" }] });

    // Who changed what, and who saw what under which version.
    const actions = (await hub().query(`SELECT action, subject FROM admin_audit WHERE change_id = $1 ORDER BY seq`, [change.id])) as unknown[];
    expect(actions).toEqual([
      { action: "policy.propose", subject: "admin-1" },
      { action: "policy.approve", subject: "admin-2" },
    ]);
    const delivered = (await th.hub.subgraphs.customs?.dataSource?.query(
      `SELECT subject, fields_denied FROM access_audit WHERE policy_version = $1 AND entity_type = 'Seizure'`,
      [change.setVersion],
    )) as Array<{ subject: string; fields_denied: string[] }>;
    expect(delivered[0]).toEqual({ subject: "officer-9", fields_denied: ["CommodityLine.description"] });
  });
});
