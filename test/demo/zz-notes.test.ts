import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PLANTED_NETWORKS, seedDemo } from "../../demo/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
  const ds = (n: "customs" | "police" | "fiu" | "postal") => th.hub.subgraphs[n]!.dataSource!;
  await seedDemo({ customs: ds("customs"), police: ds("police"), fiu: ds("fiu"), postal: ds("postal") }, th.config);
});
afterAll(async () => { await th?.close(); });

interface Spec { agency: string; roles: string[]; clearance: number; operations: string[] }
const parse = (cmd: string): Spec => {
  const args = cmd.split(/\s+/);
  const all = (flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1] as string] : []));
  return { agency: all("--agency")[0] as string, roles: all("--role"), clearance: Number(all("--clearance")[0] ?? 1), operations: all("--operation") };
};

it("runs every query of the notes", async () => {
  const text = readFileSync("/work/notes/demo-networks.md", "utf8");
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)\n```/g)];
  const out: string[] = [];
  const run = async (label: string, spec: Spec, query: string, purpose?: string) => {
    const token = await th.token(spec.agency, { roles: spec.roles, clearance: spec.clearance, operations: spec.operations });
    const r = await th.query(query, {}, { token, purpose });
    out.push(`## ${label} ${JSON.stringify(spec)} ${purpose ?? ""}\n${query}\n${JSON.stringify(r.data)}\n${(r.errors ?? []).map((e) => `  ERR ${(e.path ?? []).join(".")} ${e.extensions?.code} ${e.extensions?.rule}`).join("\n")}`);
  };
  let last = 0;
  const tryQueries = new Set(PLANTED_NETWORKS.map((n) => n.tryQuery));
  let tries = 0;
  for (const block of blocks) {
    const segment = text.slice(last, block.index);
    last = (block.index ?? 0) + block[0].length;
    const cmd = /`npm run -s token -- ([^`]*)`/.exec(segment)?.[1];
    expect(cmd, segment).toBeTruthy();
    const query = block[1] as string;
    if (tryQueries.has(query)) tries += 1;
    await run(tryQueries.has(query) ? "TRY" : "Q", parse(cmd as string), query);
  }
  expect(tries).toBe(PLANTED_NETWORKS.length);
  // Variants the prose mentions.
  const P = (a: string, c = 2, ops: string[] = []) => ({ agency: a, roles: ["analyst"], clearance: c, operations: ops });
  await run("V courier risk-analysis", P("CUSTOMS"), `{ bankAccount(iban: "GB93ALBS40212420220202") { fiuHit { hit contactPoint } fiuReports { id } cases { id originAgency handling } } }`, "risk-analysis");
  await run("V courier police op", P("POLICE", 2, ["OP-COURIER"]), `{ bankAccount(iban: "GB93ALBS40212420220202") { fiuHit { hit } cases { reference } } travelDocument(country: "GB", number: "925140201") { seizures { reference commodities { quantity unit } } } }`);
  await run("V lantern police postalItem", P("POLICE", 2, ["OP-LANTERN"]), `{ postalItem(itemId: "LX990101013CN") { id } }`);
  await run("V reefer police no op", P("POLICE", 3), `{ container(number: "RFRU4014011") { seizures { reference handling commodities { quantity unit } } } }`);
  await run("V echo intelligence", P("POLICE"), `{ phone(e164: "+447700900501") { e164 cases { reference } postalItems { itemId } } }`, "intelligence");
  await run("V pillbox clearance 1", P("POLICE", 1), `{ email(address: "Sales@Pillbox-Pharma.example") { seizures { reference sourceGrade infoGrade officerNotes } } }`);
  // The shell helper of the notes, against this hub.
  const helper = /```sh\n([\s\S]*?)\n```/.exec(text)?.[1] as string;
  const script = helper.replace(/^TOKEN=.*$/m, "").replace("http://127.0.0.1:4000/graphql", th.hub.gateway.url);
  const shell = execFileSync("bash", ["-c", script], { env: { ...process.env, TOKEN: await th.token("CUSTOMS", { operations: ["OP-LANTERN"] }) }, encoding: "utf8" });
  out.push(`## SHELL\n${shell}`);
  writeFileSync("/tmp/explore/notes-out.txt", out.join("\n"));
});
