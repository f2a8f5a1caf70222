import "reflect-metadata";
import type { DataSource } from "typeorm";
import { loadConfig } from "../platform/config.js";
import { startHub } from "../hub/start-hub.js";
import { seedDemo } from "../demo/index.js";
import { mintDevToken } from "../platform/auth/index.js";
import { appendChained } from "../platform/audit/index.js";
const config = loadConfig({ LIAISON_DATA_DIR: "/tmp/lscratch", PAGE_SIZE_MAX: "1000" });
const hub = await startHub({ config, inMemory: true, randomPorts: true, enforcement: process.argv[2] !== "off" });
const db = (n: string) => hub.subgraphs[n]?.dataSource as DataSource;
await seedDemo({ customs: db("customs"), police: db("police"), fiu: db("fiu"), postal: db("postal") }, config, { scale: 4 });
const token = await mintDevToken(config, { sub: "b", agency: "POSTAL", roles: ["analyst"], clearance: 3 });
const q = JSON.stringify({ query: `{ postalItems(first: 1000) { edges { node { itemId reference handling category destinationCountry sender { name country } contents { description value currency } } } } }` });
for (let i = 0; i < 6; i++) {
  const t = performance.now();
  const r = await fetch(hub.gateway.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation" }, body: q });
  const txt = await r.text();
  const t2 = performance.now();
  const d = performance.now();
  const direct = await fetch(hub.subgraphs.postal!.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation" }, body: q });
  await direct.text();
  console.log("gateway ms", (t2 - t).toFixed(0), "bytes", txt.length, "direct subgraph ms", (performance.now() - d).toFixed(0));
}
const rows = Array.from({ length: 1000 }, (_, i) => ({ at: new Date(), request_id: "x", subject: "s", agency: "POSTAL", purpose: "p", justification: null, entity_type: "PostalItem", entity_id: String(i), fields_served: ["a", "b", "c"], fields_denied: [], fields_masked: [], policy_version: "v" }));
for (let i = 0; i < 3; i++) { const t = performance.now(); await appendChained(db("postal"), "access_audit", rows); console.log("audit 1000 rows ms", (performance.now() - t).toFixed(0)); }
await hub.close();
