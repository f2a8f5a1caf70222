import { writeFileSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, it } from "vitest";
import { seedDemo } from "../../demo/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
  const ds = (n: "customs" | "police" | "fiu" | "postal") => th.hub.subgraphs[n]!.dataSource!;
  await seedDemo({ customs: ds("customs"), police: ds("police"), fiu: ds("fiu"), postal: ds("postal") }, th.config);
});
afterAll(async () => { await th?.close(); });

it("explore", async () => {
  const cases = JSON.parse(readFileSync("/tmp/explore/in.json", "utf8")) as Array<{ label: string; agency: string; clearance?: number; operations?: string[]; roles?: string[]; purpose?: string; query: string; sql?: [string, string] }>;
  const out: unknown[] = [];
  for (const c of cases) {
    if (c.sql) { out.push({ label: c.label, rows: await th.hub.subgraphs[c.sql[0]]!.dataSource!.query(c.sql[1]) }); continue; }
    const token = await th.token(c.agency, { clearance: c.clearance ?? 2, operations: c.operations ?? [], ...(c.roles ? { roles: c.roles } : {}) });
    const r = await th.query(c.query, {}, { token, purpose: c.purpose });
    out.push({ label: c.label, data: r.data, errors: r.errors?.map((e) => `${(e.path ?? []).join(".")}: ${e.extensions?.code} ${e.extensions?.rule ?? e.message}`) });
  }
  writeFileSync("/tmp/explore/out.json", JSON.stringify(out, null, 1));
});
