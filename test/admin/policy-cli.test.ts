import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { clientEnv, closedPort, runCli } from "../helpers/cli.js";

/*
 * `npm run policy` as a client of a running hub: every command a child process, through the
 * gateway's admin API with a dev token for a hub administrator (or the token it is given).
 */

let th: TestHub;
let work: string;
const policy = (args: readonly string[], extra: Record<string, string> = {}) => runCli("policy", args, clientEnv(th, extra));
const DEFAULT_IDS = ["10-own-agency", "20-handling", "30-customs-police", "40-fiu", "50-postal", "60-masking", "70-entry-points"];

beforeAll(async () => {
  th = await startTestHub();
  work = await mkdtemp(path.join(os.tmpdir(), "liaison-policy-cli-"));
}, 120_000);
afterAll(async () => {
  await th?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("npm run policy against a running hub", () => {
  it("exports the active set as files that validate and show no difference from the hub", async () => {
    const dir = path.join(work, "exported");
    const exported = await policy(["export", dir]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout.split("\n")).toEqual([...DEFAULT_IDS.map((id) => `wrote    ${path.join(dir, `${id}.yaml`)}`), `exported 7 documents to ${dir}`, ""]);
    const shipped = await policy(["check"], { POLICY_DIR: path.resolve("policies/default") });
    // The same rules, so the same set version as the shipped files the hub imported.
    expect(shipped.stdout).toMatch(/: \d+ rules, valid, version \w{16}\n$/);
    const validated = await policy(["validate", dir]);
    expect(validated).toEqual({ code: 0, stdout: shipped.stdout.replace(path.resolve("policies/default"), dir), stderr: "" });
    expect(await policy(["diff", dir])).toEqual({ code: 0, stdout: `no differences: ${dir} holds the hub's active set (7 documents)\n`, stderr: "" });
  });

  it("lists each document and rule id a folder adds, removes or changes, and exits 1", async () => {
    const dir = path.join(work, "edited");
    await policy(["export", dir]);
    const file = path.join(dir, "60-masking.yaml");
    const doc = parseYaml(await readFile(file, "utf8")) as { rules: Array<{ id: string; description: string }> };
    doc.rules[0] = { ...(doc.rules[0] as { id: string; description: string }), description: "changed" };
    const removedRule = doc.rules.splice(1, 1)[0]?.id;
    doc.rules.push({ id: "test.new-rule", description: "A rule only the folder has.", target: "Seizure.id", effect: "deny" } as never);
    await writeFile(file, stringifyYaml(doc));
    await rm(path.join(dir, "40-fiu.yaml"));
    await writeFile(path.join(dir, "80-extra.yaml"), stringifyYaml({ rules: [] }));
    const result = await policy(["diff", dir]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      "removed  40-fiu (2 rules on the hub, not in the folder)",
      "changed  60-masking (rules: 1 added, 1 removed, 1 changed)",
      "  + test.new-rule",
      `  - ${removedRule}`,
      `  ~ ${doc.rules[0]?.id}`,
      "added    80-extra (0 rules, not on the hub)",
      "3 document(s) differ: 1 added, 1 removed, 1 changed",
      "",
    ]);
  });

  it("proposes a file as one administrator, approves it as another, and the history shows the new version", async () => {
    const dir = path.join(work, "proposal");
    await policy(["export", dir]);
    const file = path.join(dir, "60-masking.yaml");
    const doc = parseYaml(await readFile(file, "utf8")) as { rules: unknown[] };
    doc.rules.push({ id: "test.cli-proposal", description: "A rule proposed from a file.", target: "CommodityLine.description", effect: "deny", when: { subject: { agency: ["POSTAL"] } } });
    await writeFile(file, stringifyYaml(doc));

    const proposed = await policy(["propose", file, "--comment", "deny postal descriptions", "--as", "admin-1"]);
    expect(proposed.stderr).toBe("");
    expect(proposed.code).toBe(0);
    const changeId = /^proposed change ([0-9a-f-]{36}): policy 60-masking, base version 1, valid, set version \w{16}$/m.exec(proposed.stdout)?.[1] as string;
    expect(changeId).toBeDefined();
    expect(proposed.stdout).toContain("  status PROPOSED, proposed by admin-1 (liaison-dev, HUB)\n");
    expect(proposed.stdout).toContain(`approve as another administrator: npm run policy -- approve ${changeId}\n`);
    // A hub that runs the policy test cases and the impact with a proposal: both summarised.
    expect(proposed.stdout).toMatch(/^ {2}cases: \d+ under the draft \(set \w{16}\): \d+ passed, 0 failed, \d+ changed, 0 blocking; \d+ fail under the active set$/m);
    expect(proposed.stdout).toMatch(/^ {2}impact: \d+ decision\(s\) change over \d+ profiles: \d+ gained, \d+ lost$/m);

    const self = await policy(["approve", changeId, "--as", "admin-1"]);
    expect(self).toEqual({ code: 2, stdout: "", stderr: "the hub refused: FORBIDDEN: Forbidden: a change must be approved by another administrator than its proposer (rule two-person-rule)\n" });
    const approved = await policy(["approve", changeId, "--as", "admin-2"]);
    expect(approved.stderr).toBe("");
    expect(approved.stdout).toMatch(new RegExp(`^approved change ${changeId}: policy 60-masking is at version 2, set version \\w{16} active\\n$`));

    const history = await policy(["history", "60-masking"]);
    expect(history.code).toBe(0);
    const lines = history.stdout.trimEnd().split("\n").map((line) => line.replace(/\t\d{4}-\d\d-\d\dT[\d:.]+Z\t/, "\t<at>\t"));
    expect(lines).toEqual([`v2\tactive\t<at>\tadmin-1 (liaison-dev)\tchange ${changeId}\tdeny postal descriptions`, expect.stringMatching(/^v1\t-\t<at>\t.+\timport\t/)]);
    expect(await policy(["diff", dir])).toMatchObject({ code: 0 });
  });

  it("reports an invalid proposal's problems and exits 1, storing nothing", async () => {
    const file = path.join(work, "75-broken.yaml");
    await writeFile(file, stringifyYaml({ rules: [{ id: "test.broken", description: "A rule on a field that is not there.", target: "Seizure.nope", effect: "deny" }] }));
    const result = await policy(["propose", file, "--comment", "broken"]);
    expect(result).toEqual({
      code: 1,
      stdout: 'policy 75-broken: invalid, 1 problem(s)\n  - 75-broken.yaml: rule "test.broken": target Seizure.nope: Seizure has no field nope\n',
      stderr: "",
    });
    expect(await policy(["history", "75-broken"])).toMatchObject({ code: 2, stderr: `no policy "75-broken" on the hub at ${th.hub.gateway.url}\n` });
  });

  it("rejects a proposal with a reason, which show then tells", async () => {
    const file = path.join(work, "90-draft.yaml");
    await writeFile(file, stringifyYaml({ rules: [{ id: "test.draft", description: "A draft that is rejected.", target: "Seizure.reference", effect: "deny", when: { subject: { agency: ["POSTAL"] } } }] }));
    const proposed = await policy(["propose", file, "--comment", "a draft"]);
    const changeId = /proposed change (\S+):/.exec(proposed.stdout)?.[1] as string;
    expect(await policy(["reject", changeId, "--reason", "not needed", "--as", "admin-2"])).toEqual({ code: 0, stdout: `rejected change ${changeId} to policy 90-draft: not needed\n`, stderr: "" });
    const shown = await policy(["show", changeId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split("\n").slice(0, 2)).toEqual([
      expect.stringMatching(new RegExp(`^change ${changeId}: policy 90-draft, base version 0, valid, set version \\w{16}$`)),
      "  status REJECTED, proposed by cli-admin (liaison-dev, HUB), rejected by admin-2: not needed",
    ]);
  });
});

describe("npm run policy refusals, one line each", () => {
  it("refuses when no hub answers, exit 2", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    expect(await policy(["diff"], { LIAISON_URL: url })).toEqual({ code: 2, stdout: "", stderr: `no Liaison hub answers at ${url}: start it with npm start, or set LIAISON_URL\n` });
  });

  it("passes on the hub's FORBIDDEN for an analyst's token", async () => {
    const result = await policy(["history", "10-own-agency"], { LIAISON_TOKEN: await th.token("POLICE") });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "the hub refused: FORBIDDEN: Forbidden: policy administration is for administrators and auditors (rule policy-readers)\n" });
  });

  it("refuses to mint a dev token in production", async () => {
    expect(await policy(["diff"], { NODE_ENV: "production" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "no token: set LIAISON_TOKEN or pass --token-file (the dev issuer is off: NODE_ENV=production or DEV_ISSUER=false)\n",
    });
  });

  it("answers bad arguments with the command's usage, exit 2", async () => {
    expect(await policy(["propose", "x.yaml"])).toEqual({ code: 2, stdout: "", stderr: "usage: npm run policy -- propose <file.yaml> --comment TEXT [--id ID] [--cases FILE]\n" });
    expect(await policy(["frobnicate"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^unknown command frobnicate; usage: npm run policy -- validate\|check\|test\|diff\|export\|propose\|show\|history\|approve\|reject \(--help for details\)\n$/) });
  });
});
