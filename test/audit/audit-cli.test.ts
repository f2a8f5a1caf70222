import { mkdir, writeFile, rm } from "node:fs/promises";
import path from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seizures } from "../../subgraphs/customs/index.js";
import { asServiceInput, seizureInput } from "../helpers/fixtures.js";
import { clientEnv, closedPort, runCli } from "../helpers/cli.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * `npm run audit` as a client of a running hub: who-saw, seen-by and verify are child processes
 * asking the gateway's audit API (accessLog, auditVerification) with a dev token for a hub
 * administrator; no second process opens a database the hub holds. `verify --offline` reads the
 * databases of a stopped hub, and refuses while a hub holds the data folder.
 */

const PHONE = "+447700900186";
const REFERENCE = "CLI-SEIZ-1";
let th: TestHub;
let seizureId: string;
const audit = (args: readonly string[], extra: Record<string, string> = {}) => runCli("audit", args, clientEnv(th, extra));
const customs = () => th.hub.subgraphs.customs?.dataSource as DataSource;

/** A line of the access log with its time and request id (different each run) replaced. */
const stable = (stdout: string) => stdout.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z\t/gm, "<at>\t").replace(/\trequest [^\t\n]+$/gm, "\trequest <id>");
const withoutHeads = (stdout: string) => stdout.replace(/head [0-9a-f]{16}$/gm, "head <head>");

beforeAll(async () => {
  th = await startTestHub();
  seizureId = (await seizures.store(customs(), asServiceInput(seizureInput({ reference: REFERENCE, phone: PHONE, handling: "GREEN" })), th.config)).record.id;
  // Two police analysts read the customs seizure, one by its phone (the officer's notes denied), one by id.
  await th.query(`{ phone(e164: "${PHONE}") { seizures { reference officerNotes } } }`, {}, { token: await th.token("POLICE", { sub: "pol-1" }), justification: "case GB-17" });
  await th.query(`{ seizure(id: "${seizureId}") { reference } }`, {}, { token: await th.token("POLICE", { sub: "pol-2" }) });
}, 120_000);
afterAll(async () => {
  await th?.close();
});

describe("npm run audit -- who-saw and seen-by against a running hub", () => {
  it("lists who was served a record by its id, newest first, one line each, and a summary", async () => {
    const result = await audit(["who-saw", "Seizure", seizureId]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const policy = /\tpolicy (\w+)\t/.exec(result.stdout)?.[1];
    expect(stable(result.stdout)).toBe(
      [
        `<at>\tCUSTOMS#3\tpol-2 (liaison-dev, POLICE)\tinvestigation\t-\tSeizure ${seizureId}\tserved reference\tdenied -\tmasked -\tpolicy ${policy}\trequest <id>`,
        `<at>\tCUSTOMS#2\tpol-1 (liaison-dev, POLICE)\tinvestigation\tcase GB-17\tSeizure ${seizureId}\tserved reference\tdenied officerNotes\tmasked -\tpolicy ${policy}\trequest <id>`,
        `2 deliveries of Seizure ${seizureId}: 1 record(s), 2 subject(s)`,
        "",
      ].join("\n"),
    );
  });

  it("finds the same deliveries by the customs reference of the record", async () => {
    const byId = await audit(["who-saw", "Seizure", seizureId]);
    const byReference = await audit(["who-saw", "Seizure", REFERENCE]);
    expect(byReference.code).toBe(0);
    expect(byReference.stdout).toBe(byId.stdout.replace(`of Seizure ${seizureId}:`, `of Seizure ${REFERENCE}:`));
  });

  it("lists what one subject of one issuer was served", async () => {
    const result = await audit(["seen-by", "pol-1", "liaison-dev"]);
    expect(result.code).toBe(0);
    const lines = stable(result.stdout).split("\n");
    expect(lines.map((line) => line.split("\t").slice(1, 3).join(" "))).toEqual(["CUSTOMS#2 pol-1 (liaison-dev, POLICE)", "CUSTOMS#1 pol-1 (liaison-dev, POLICE)", "", ""]);
    expect(lines[2]).toBe("2 deliveries to pol-1 of liaison-dev: 2 record(s), 1 subject(s)");
  });
});

describe("npm run audit -- verify against a running hub", () => {
  it("reports every chain intact, one line each", async () => {
    const result = await audit(["verify"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(withoutHeads(result.stdout).split("\n").sort()).toEqual([
      "",
      "customs.access_audit: ok, 3 rows, 0 anchor(s), head <head>",
      "fiu.access_audit: ok, 0 rows, 0 anchor(s), head -",
      // The import of the default policy documents on first start.
      "hub.admin_audit: ok, 1 rows, 0 anchor(s), head <head>",
      "hub.audit_anchor: ok, 0 rows, 0 anchor(s), head -",
      expect.stringMatching(/^hub\.request_audit: ok, \d+ rows, 0 anchor\(s\), head <head>$/),
      "police.access_audit: ok, 0 rows, 0 anchor(s), head -",
      "postal.access_audit: ok, 0 rows, 0 anchor(s), head -",
    ]);
  });

  it("exits 1 naming the chain and the seq of a changed row", async () => {
    // As the database owner could: the append-only trigger off for one update.
    await customs().query(`ALTER TABLE access_audit DISABLE TRIGGER USER; UPDATE access_audit SET subject = 'someone-else' WHERE seq = 2; ALTER TABLE access_audit ENABLE TRIGGER USER`);
    const result = await audit(["verify"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("customs.access_audit: BROKEN, 1 break(s) in 3 rows\n  seq 2: row content changed (hash does not match)\n");
    expect(result.stdout.match(/BROKEN/g)).toHaveLength(1);
  });
});

describe("npm run audit refusals, one line each", () => {
  it("refuses when no hub answers, exit 2", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/graphql`;
    expect(await audit(["who-saw", "Seizure", REFERENCE], { LIAISON_URL: url })).toEqual({ code: 2, stdout: "", stderr: `no Liaison hub answers at ${url}: start it with npm start, or set LIAISON_URL\n` });
  });

  it("passes on the hub's FORBIDDEN for an analyst's token", async () => {
    const result = await audit(["verify"], { LIAISON_TOKEN: await th.token("POLICE") });
    expect(result).toEqual({ code: 2, stdout: "", stderr: "the hub refused: FORBIDDEN: Forbidden: verifying every audit chain is for hub administrators and auditors (rule audit-hub-only)\n" });
  });

  it("answers bad arguments with the command's usage, exit 2", async () => {
    expect(await audit(["who-saw", "Seizure"])).toEqual({ code: 2, stdout: "", stderr: "usage: npm run audit -- who-saw <Type> <id-or-reference>\n" });
    expect(await audit(["seen-by", "pol-1", "--offline"])).toEqual({ code: 2, stdout: "", stderr: "usage: npm run audit -- seen-by <subject> [issuer]\n" });
  });
});

describe("npm run audit -- verify --offline", () => {
  let stopped: TestHub;
  beforeAll(async () => {
    stopped = await startTestHub({ persist: true });
    await stopped.query(`{ phone(e164: "${PHONE}") { seizures { id } } }`, {}, { token: await stopped.token("CUSTOMS") });
    await stopped.hub.close();
  }, 120_000);
  afterAll(async () => {
    await stopped?.close().catch(() => undefined);
  });

  it("verifies a stopped hub's chains from its own databases", async () => {
    const result = await runCli("audit", ["verify", "--offline"], { ...clientEnv(stopped), ...stopped.env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^customs\.access_audit: ok, 1 rows, 1 anchor\(s\), head [0-9a-f]{16}$/m);
    expect(result.stdout).toMatch(/^hub\.request_audit: ok, 1 rows, \d anchor\(s\), head [0-9a-f]{16}$/m);
  });

  it("refuses in one line while a hub holds the data folder, opening no database", async () => {
    const dataDir = stopped.env.LIAISON_DATA_DIR as string;
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, "hub.pid"), String(process.pid));
    try {
      // Embedded databases (no DATABASE_URL): the folder's lock decides before anything is opened.
      const result = await runCli("audit", ["verify", "--offline"], clientEnv(stopped));
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: `verify --offline refused: the embedded databases in ${dataDir} are in use by process ${process.pid}; stop it first (run npm run audit -- verify against the running hub instead)\n`,
      });
    } finally {
      await rm(path.join(dataDir, "hub.pid"), { force: true });
    }
  });
});
