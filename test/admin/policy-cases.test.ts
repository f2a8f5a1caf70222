import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POLICY_DIR } from "../../policies/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * Issue 8 item 2: a proposal answers with every policy test case run under the active set and the
 * draft, in the admin service's case sandbox (a real in-memory hub over the demo data); a case
 * failing under the draft blocks approval unless the change updates it to pass.
 */

let th: TestHub;
let admin1: string;
let admin2: string;

const hub = () => th.hub.gateway.hubDataSource;
const setVersion = async (): Promise<string> => ((await hub().query(`SELECT set_version FROM policy_active`)) as Array<{ set_version: string }>)[0]?.set_version as string;
const as = <T = Record<string, unknown>>(token: string, query: string, variables: Record<string, unknown> = {}) => th.query<T>(query, variables, { token });

const CASES = `cases { status activeVersion draftVersion total passed failed changed blocking activeFailed uncoveredRules
  results { file name origin changed blocking active { passed failures } draft { passed failures } } }`;
const PROPOSE = `mutation ($id: ID!, $document: String!, $baseVersion: Int!, $comment: String!, $cases: String) {
  proposePolicyChange(id: $id, document: $document, baseVersion: $baseVersion, comment: $comment, cases: $cases) { id status setVersion caseFiles ${CASES} impact { total lost } }
}`;
const APPROVE = `mutation ($id: ID!) { approvePolicyChange(changeId: $id) { id status setVersion } }`;
const HIT_CASE = "police investigating learn that the FIU holds something on an account, and whom to ask";

interface Outcome {
  passed: boolean;
  failures: string[];
}
interface CaseResult {
  file: string;
  name: string;
  origin: string;
  changed: boolean;
  blocking: boolean;
  active: Outcome | null;
  draft: Outcome | null;
}
interface Change {
  id: string;
  status: string;
  setVersion: string;
  caseFiles: string | null;
  cases: { status: string; total: number; passed: number; failed: number; changed: number; blocking: number; activeFailed: number; results: CaseResult[] };
  impact: { total: number; lost: number } | null;
}

async function activeDocument(id: string): Promise<{ content: string; activeVersion: number }> {
  const res = await as<{ policy: { content: string; activeVersion: number } }>(admin1, `query ($id: ID!) { policy(id: $id) { content activeVersion } }`, { id });
  return res.data?.policy as { content: string; activeVersion: number };
}

async function propose(id: string, document: string, baseVersion: number, cases?: string) {
  const started = performance.now();
  const res = await as<{ proposePolicyChange: Change }>(admin1, PROPOSE, { id, document, baseVersion, comment: "test", cases });
  return { ...res, ms: Math.round(performance.now() - started) };
}

/** 40-fiu without its hit-for-investigation rule's allow: police no longer learn of an FIU hit. */
async function fiuWithoutHit(): Promise<{ document: string; baseVersion: number }> {
  const { content, activeVersion } = await activeDocument("40-fiu");
  const doc = parseYaml(content) as { rules: Array<{ id: string }> };
  const rules = doc.rules.filter((r) => r.id !== "fiu.hit-for-investigation");
  expect(rules.length).toBe(doc.rules.length - 1);
  return { document: stringifyYaml({ ...doc, rules }), baseVersion: activeVersion };
}

/** fiu.yaml as stored, with the hit case updated to expect the hit denied now. */
async function fiuCasesWithoutHit(): Promise<string> {
  const file = (await hub().query(`SELECT cases FROM policy_case_file WHERE file = 'fiu.yaml'`)) as Array<{ cases: Array<Record<string, unknown>> }>;
  const cases = (file[0]?.cases ?? []).filter((c) => c.name !== "the FIU hit is for investigations only" && c.name !== "a RED report never makes a hit (its existence is not disclosed)" && c.name !== "postal operators get nothing from the FIU");
  const updated = cases.map((c) =>
    c.name === HIT_CASE ? { ...c, covers: [], expect: { denied: { "bankAccount.fiuHit": "default-deny", "bankAccount.fiuReports": "default-deny" } } } : c,
  );
  // links.yaml's graph case shows the FIU as a restricted (hit) node, so it changes with the hit rule too: this change drops it.
  return stringifyYaml({ "fiu.yaml": updated, "links.yaml": [] });
}

beforeAll(async () => {
  // The gateway's timeout per subgraph call decides how long a proposal waits for its cases (20 s here): a warm run takes a few seconds on a busy machine.
  th = await startTestHub({ env: { POLICY_CASES_DIR: `${DEFAULT_POLICY_DIR}/cases`, SUBGRAPH_TIMEOUT_MS: "40000" } });
  admin1 = await th.token("HUB", { sub: "admin-1", roles: ["admin"] });
  admin2 = await th.token("HUB", { sub: "admin-2", roles: ["admin"] });
}, 180_000);
afterAll(async () => {
  await th?.close();
});

describe("policy test cases in the store", () => {
  it("imports the default case files with the documents", async () => {
    const files = (await hub().query(`SELECT file, jsonb_array_length(cases) AS n FROM policy_case_file ORDER BY file`)) as Array<{ file: string; n: number }>;
    expect(files.map((f) => f.file)).toEqual(["fiu.yaml", "links.yaml", "masking.yaml", "postal.yaml", "sharing.yaml", "writes.yaml"]);
    expect(files.reduce((sum, f) => sum + Number(f.n), 0)).toBeGreaterThanOrEqual(44);
  });
});

describe("a proposal runs every case under the active set and the draft", () => {
  it("a harmless edit: every case passes, none changed, none blocking (stored when the starting sandbox answers)", async () => {
    const { content, activeVersion } = await activeDocument("10-own-agency");
    const first = await propose("10-own-agency", content.replace("in full", "entirely"), activeVersion);
    expect(first.errors).toBeUndefined();
    const id = first.data?.proposePolicyChange.id as string;
    // Right after start the sandbox may still be starting: the proposal answers PENDING and the results are stored when they come.
    let cases = first.data?.proposePolicyChange.cases as Change["cases"];
    expect(["COMPLETE", "PENDING"]).toContain(cases.status);
    const started = performance.now();
    while (cases.status === "PENDING" && performance.now() - started < 150_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      cases = (await as<{ policyChange: Change }>(admin1, `query ($id: ID!) { policyChange(id: $id) { ${CASES} } }`, { id })).data?.policyChange.cases as Change["cases"];
    }
    const cold = `${first.ms + Math.round(performance.now() - started)} ms (answered ${first.data?.proposePolicyChange.cases.status} after ${first.ms} ms)`;
    expect(cases).toMatchObject({ status: "COMPLETE", failed: 0, changed: 0, blocking: 0, activeFailed: 0 });
    expect(cases.passed).toBe(cases.total);
    expect(cases.results.every((r) => r.origin === "UNCHANGED" && r.draft?.passed && r.active?.passed)).toBe(true);
    expect(first.data?.proposePolicyChange.impact).toEqual({ total: 0, lost: 0 });
    const warm = await propose("10-own-agency", content.replace("in full", "completely"), activeVersion);
    expect(warm.data?.proposePolicyChange.cases.status).toBe("COMPLETE");
    process.stdout.write(`proposal right after start (sandbox starting): results after ${cold}; with the sandbox warm: ${warm.ms} ms\n`);
  }, 180_000);

  it("an edit that breaks a case: the case shows as changed and failing, with its failure", async () => {
    const { document, baseVersion } = await fiuWithoutHit();
    const res = await propose("40-fiu", document, baseVersion);
    expect(res.errors).toBeUndefined();
    const change = res.data?.proposePolicyChange as Change;
    const hit = change.cases.results.find((r) => r.name === HIT_CASE);
    expect(hit).toMatchObject({ file: "fiu.yaml", origin: "UNCHANGED", changed: true, blocking: true, active: { passed: true, failures: [] }, draft: { passed: false } });
    expect(hit?.draft?.failures.some((f) => f.startsWith("bankAccount.fiuHit: expected"))).toBe(true);
    expect(change.cases.blocking).toBeGreaterThan(0);
    expect(change.impact?.lost).toBeGreaterThan(0);
    // Stored with the change: reading it runs nothing.
    const read = await as<{ policyChange: Change }>(admin2, `query ($id: ID!) { policyChange(id: $id) { ${CASES} } }`, { id: change.id });
    expect(read.data?.policyChange.cases).toEqual(change.cases);
  });

  it("refuses to approve it with CONFLICT naming the failing case, and activates nothing", async () => {
    const before = await setVersion();
    const { document, baseVersion } = await fiuWithoutHit();
    const proposed = await propose("40-fiu", document, baseVersion);
    const res = await as(admin2, APPROVE, { id: proposed.data?.proposePolicyChange.id });
    expect(res.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(res.errors?.[0]?.extensions?.reason).toBe("policy-cases-failing");
    const failing = res.errors?.[0]?.extensions?.failingCases as Array<{ file: string; name: string }>;
    expect(failing.map((f) => `${f.file}: ${f.name}`)).toContain(`fiu.yaml: ${HIT_CASE}`);
    expect(await setVersion()).toBe(before);
    expect((await activeDocument("40-fiu")).activeVersion).toBe(baseVersion);
  });

  it("approves the same edit proposed with the cases updated to the new outcome, and stores the new cases", async () => {
    const { document, baseVersion } = await fiuWithoutHit();
    const proposed = await propose("40-fiu", document, baseVersion, await fiuCasesWithoutHit());
    expect(proposed.errors).toBeUndefined();
    const change = proposed.data?.proposePolicyChange as Change;
    expect(change.cases.blocking).toBe(0);
    expect(change.cases.results.find((r) => r.name === HIT_CASE)).toMatchObject({ origin: "REPLACED", blocking: false, draft: { passed: true } });
    expect(change.cases.results.filter((r) => r.origin === "REMOVED").map((r) => r.name)).toHaveLength(4);
    expect(change.caseFiles).toContain("fiu.yaml:");
    const approved = await as<{ approvePolicyChange: { status: string; setVersion: string } }>(admin2, APPROVE, { id: change.id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approvePolicyChange.status).toBe("APPROVED");
    expect(await setVersion()).toBe(change.setVersion);
    const stored = (await hub().query(`SELECT cases, version, change_id FROM policy_case_file WHERE file = 'fiu.yaml'`)) as Array<{ cases: Array<{ name: string; expect: unknown }>; version: number; change_id: string }>;
    expect(stored[0]).toMatchObject({ version: 2, change_id: change.id });
    expect(stored[0]?.cases.find((c) => c.name === HIT_CASE)?.expect).toEqual({ denied: { "bankAccount.fiuHit": "default-deny", "bankAccount.fiuReports": "default-deny" } });
  });

  it("runs the cases of a rollback under the set it would make: the old hit rule fails the updated case", async () => {
    const res = await as<{ rollbackPolicy: Change }>(admin1, `mutation { rollbackPolicy(id: "40-fiu", toVersion: 1) { id ${CASES} } }`);
    expect(res.errors).toBeUndefined();
    const hit = res.data?.rollbackPolicy.cases.results.find((r) => r.name === HIT_CASE);
    expect(hit).toMatchObject({ origin: "UNCHANGED", changed: true, blocking: true, active: { passed: true }, draft: { passed: false } });
    const approve = await as(admin2, APPROVE, { id: res.data?.rollbackPolicy.id });
    expect(approve.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });
});

describe("the cases argument is validated at the edge", () => {
  it("refuses malformed cases with BAD_USER_INPUT naming the path, storing nothing", async () => {
    const changes = Number(((await hub().query(`SELECT count(*)::int AS n FROM policy_change`)) as Array<{ n: number }>)[0]?.n);
    const { content, activeVersion } = await activeDocument("10-own-agency");
    const cases = stringifyYaml({ "fiu.yaml": [{ name: "no query", subject: { agency: "POLICE" }, expect: {} }, { name: "bad agency", subject: { agency: "NAVY" }, query: "{ nope }", expect: {} }] });
    const res = await propose("10-own-agency", content, activeVersion, cases);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const problems = res.errors?.[0]?.extensions?.problems as string[];
    expect(problems).toContain("cases: fiu.yaml: cases[0]: needs name, subject, query and expect");
    expect(problems.some((p) => p.startsWith("cases: fiu.yaml: cases[1].subject.agency:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("cases: fiu.yaml: cases[1].query:") && p.includes("nope"))).toBe(true);
    const notYaml = await propose("10-own-agency", content, activeVersion, "fiu.yaml: [unclosed");
    expect((notYaml.errors?.[0]?.extensions?.problems as string[])[0]).toMatch(/^cases: not valid YAML/);
    const badFile = await propose("10-own-agency", content, activeVersion, "../etc.yaml: []");
    expect((badFile.errors?.[0]?.extensions?.problems as string[])[0]).toMatch(/^cases: "..\/etc.yaml": not a case file name/);
    expect(Number(((await hub().query(`SELECT count(*)::int AS n FROM policy_change`)) as Array<{ n: number }>)[0]?.n)).toBe(changes);
  });
});
