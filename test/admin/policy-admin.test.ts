import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChainKey, verifyChain } from "../../platform/audit/index.js";
import { importPolicyDocumentsIfEmpty } from "../../subgraphs/admin/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;
let hubAdmin: string;
let secondAdmin: string;
let initialSetVersion: string;

const hub = () => th.hub.gateway.hubDataSource;
const asAdmin = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token = hubAdmin) => th.query<T>(query, variables, { token });
const count = async (table: string): Promise<number> => Number(((await hub().query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0]?.n);
const setVersion = async (): Promise<string> => ((await hub().query(`SELECT set_version FROM policy_active`)) as Array<{ set_version: string }>)[0]?.set_version as string;
const auditActions = async (): Promise<string[]> => ((await hub().query(`SELECT action FROM admin_audit ORDER BY seq`)) as Array<{ action: string }>).map((r) => r.action);

const PROPOSE = `mutation ($id: ID!, $document: String!, $baseVersion: Int!, $comment: String!) {
  proposePolicyChange(id: $id, document: $document, baseVersion: $baseVersion, comment: $comment) { id policyId kind baseVersion status valid setVersion proposedBy }
}`;
const APPROVE = `mutation ($id: ID!) { approvePolicyChange(changeId: $id) { id status resultingVersion decidedBy setVersion } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectPolicyChange(changeId: $id, reason: $reason) { id status reason decidedBy } }`;
const ROLLBACK = `mutation ($id: ID!, $to: Int!) { rollbackPolicy(id: $id, toVersion: $to) { id kind baseVersion status document } }`;
const POLICY = `query ($id: ID!) { policy(id: $id) { id activeVersion rules content updatedBy } }`;

/** The default own-agency document with its description reworded (a valid edit). */
async function editedOwnAgency(): Promise<string> {
  const res = await asAdmin(POLICY, { id: "10-own-agency" });
  const content = (res.data as { policy: { content: string } }).policy.content;
  return content.replace("see its own records in full", "see all of their own records in full");
}

interface Proposed {
  proposePolicyChange: { id: string; status: string; setVersion: string; baseVersion: number; kind: string };
}

beforeAll(async () => {
  th = await startTestHub();
  hubAdmin = await th.token("HUB", { sub: "admin-1", roles: ["admin"] });
  secondAdmin = await th.token("HUB", { sub: "admin-2", roles: ["admin"] });
  initialSetVersion = await setVersion();
}, 120_000);
afterAll(async () => {
  await th?.close();
});

describe("policy store import", () => {
  it("imports the seven default documents once, each at version 1, with one admin_audit row", async () => {
    const res = await asAdmin(`{ policies { id activeVersion rules updatedBy } }`);
    expect(res.errors).toBeUndefined();
    const policies = (res.data as { policies: Array<{ id: string; activeVersion: number; rules: number; updatedBy: string }> }).policies;
    expect(policies.map((p) => p.id)).toEqual(["10-own-agency", "20-handling", "30-customs-police", "40-fiu", "50-postal", "60-masking", "70-entry-points"]);
    expect(policies.every((p) => p.activeVersion === 1 && p.updatedBy === "liaison-import" && p.rules > 0)).toBe(true);
    expect(await count("policy_document_version")).toBe(7);
    expect(await auditActions()).toEqual(["policy.import"]);
  });

  it("does not import again on a later start", async () => {
    expect(await importPolicyDocumentsIfEmpty(hub(), th.config)).toBe(false);
    expect(await count("policy_document_version")).toBe(7);
    expect(await auditActions()).toEqual(["policy.import"]);
  });

  it("answers null for an unknown document", async () => {
    const res = await asAdmin(POLICY, { id: "99-unknown" });
    expect(res.data).toEqual({ policy: null });
  });
});

describe("who may administer policies", () => {
  it("refuses an officer on policies", async () => {
    const res = await th.query(`{ policies { id } }`, {}, { token: await th.token("POLICE", { roles: ["officer"] }) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "policy-readers" });
  });

  it("lets an auditor read but not propose", async () => {
    const auditor = await th.token("HUB", { sub: "auditor-1", roles: ["auditor"] });
    const read = await th.query(`{ policies { id } }`, {}, { token: auditor });
    expect((read.data as { policies: unknown[] }).policies).toHaveLength(7);
    const res = await th.query(PROPOSE, { id: "10-own-agency", document: await editedOwnAgency(), baseVersion: 1, comment: "auditor edit" }, { token: auditor });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "policy-administrators" });
  });

  it("refuses an agency administrator a document with rules on other agencies' data", async () => {
    const policeAdmin = await th.token("POLICE", { sub: "police-admin", roles: ["admin"] });
    const res = await th.query(PROPOSE, { id: "10-own-agency", document: await editedOwnAgency(), baseVersion: 1, comment: "police edit" }, { token: policeAdmin });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "originator-control" });
  });

  it("lets an agency administrator propose a new document limited to its own agency's records", async () => {
    const policeAdmin = await th.token("POLICE", { sub: "police-admin", roles: ["admin"] });
    const document = [
      "rules:",
      "  - id: police.no-customs-references",
      "    description: Customs does not see police case references.",
      "    target: Case.reference",
      "    effect: deny",
      "    when:",
      "      subject: { agency: [CUSTOMS] }",
      "      record: { originAgency: [POLICE] }",
    ].join("\n");
    const res = await th.query<Proposed>(PROPOSE, { id: "80-police-own", document, baseVersion: 0, comment: "police only" }, { token: policeAdmin });
    expect(res.errors).toBeUndefined();
    expect(res.data?.proposePolicyChange).toMatchObject({ status: "PROPOSED", baseVersion: 0, kind: "EDIT" });
    const reject = await asAdmin(REJECT, { id: res.data?.proposePolicyChange.id, reason: "not now" });
    expect(reject.errors).toBeUndefined();
  });
});

describe("proposing, approving, rejecting and rolling back", () => {
  it("refuses an invalid document with BAD_USER_INPUT naming the rule and the reason, storing nothing", async () => {
    const changes = await count("policy_change");
    const document = (await editedOwnAgency()).replace("Seizure.*", "Seizure.noSuchField");
    const res = await asAdmin(PROPOSE, { id: "10-own-agency", document, baseVersion: 1, comment: "typo" });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = res.errors?.[0]?.extensions?.problems as string[];
    expect(problems.some((p) => p.includes("10-own-agency.yaml") && p.includes("own-agency.full") && p.includes("Seizure.noSuchField"))).toBe(true);
    expect(await count("policy_change")).toBe(changes);
  });

  it("refuses text that is not YAML with BAD_USER_INPUT, storing nothing", async () => {
    const changes = await count("policy_change");
    const res = await asAdmin(PROPOSE, { id: "10-own-agency", document: "rules: [unclosed", baseVersion: 1, comment: "broken" });
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((res.errors?.[0]?.extensions?.problems as string[])[0]).toContain("10-own-agency.yaml: not valid YAML");
    expect(await count("policy_change")).toBe(changes);
  });

  it("answers a stale baseVersion with CONFLICT, storing nothing", async () => {
    const changes = await count("policy_change");
    const res = await asAdmin(PROPOSE, { id: "10-own-agency", document: await editedOwnAgency(), baseVersion: 3, comment: "stale" });
    expect(res.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(await count("policy_change")).toBe(changes);
  });

  it("refuses self-approval, then activates version 2 when a second administrator approves", async () => {
    const proposed = await asAdmin<Proposed>(PROPOSE, { id: "10-own-agency", document: await editedOwnAgency(), baseVersion: 1, comment: "reword" });
    expect(proposed.errors).toBeUndefined();
    const change = proposed.data?.proposePolicyChange as Proposed["proposePolicyChange"];
    expect(change).toMatchObject({ status: "PROPOSED", baseVersion: 1 });
    const self = await asAdmin(APPROVE, { id: change.id });
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", rule: "two-person-rule" });
    const approved = await asAdmin(APPROVE, { id: change.id }, secondAdmin);
    expect(approved.errors).toBeUndefined();
    expect(approved.data).toEqual({ approvePolicyChange: { id: change.id, status: "APPROVED", resultingVersion: 2, decidedBy: "admin-2", setVersion: change.setVersion } });
    const policy = await asAdmin(POLICY, { id: "10-own-agency" });
    expect(policy.data).toMatchObject({ policy: { activeVersion: 2, updatedBy: "admin-1" } });
    expect(await setVersion()).toBe(change.setVersion);
    expect(change.setVersion).not.toBe(initialSetVersion);
    const again = await asAdmin(APPROVE, { id: change.id }, secondAdmin);
    expect(again.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("rejects a change with a reason; deciding it again is CONFLICT", async () => {
    const proposed = await asAdmin<Proposed>(PROPOSE, { id: "10-own-agency", document: (await editedOwnAgency()).replace("in full", "entirely"), baseVersion: 2, comment: "again" });
    const id = proposed.data?.proposePolicyChange.id;
    const rejected = await asAdmin(REJECT, { id, reason: "no need" }, secondAdmin);
    expect(rejected.data).toEqual({ rejectPolicyChange: { id, status: "REJECTED", reason: "no need", decidedBy: "admin-2" } });
    expect((await asAdmin(APPROVE, { id }, secondAdmin)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect((await asAdmin(POLICY, { id: "10-own-agency" })).data).toMatchObject({ policy: { activeVersion: 2 } });
  });

  it("rolls back to version 1 once a second administrator approves", async () => {
    const proposed = await asAdmin(ROLLBACK, { id: "10-own-agency", to: 1 });
    expect(proposed.errors).toBeUndefined();
    const change = (proposed.data as { rollbackPolicy: { id: string; kind: string; baseVersion: number; status: string } }).rollbackPolicy;
    expect(change).toMatchObject({ kind: "ROLLBACK", baseVersion: 2, status: "PROPOSED" });
    const approved = await asAdmin(APPROVE, { id: change.id }, secondAdmin);
    expect(approved.data).toMatchObject({ approvePolicyChange: { status: "APPROVED", resultingVersion: 3 } });
    expect(await setVersion()).toBe(initialSetVersion);
    const history = await asAdmin(`query { policyHistory(id: "10-own-agency") { version author active changeId } }`);
    expect((history.data as { policyHistory: Array<{ version: number; author: string; active: boolean }> }).policyHistory.map((v) => [v.version, v.author, v.active])).toEqual([
      [3, "admin-1", true],
      [2, "admin-1", false],
      [1, "liaison-import", false],
    ]);
  });

  it("leaves one admin_audit row per change, in a chain that verifies", async () => {
    expect(await auditActions()).toEqual([
      "policy.import",
      "policy.propose",
      "policy.reject",
      "policy.propose",
      "policy.approve",
      "policy.propose",
      "policy.reject",
      "policy.propose-rollback",
      "policy.approve",
    ]);
    const key = await loadChainKey(th.config.auditChainKeyFile, { create: false });
    expect(await verifyChain(hub(), "admin_audit", key)).toMatchObject({ ok: true, rows: 9 });
  });
});
