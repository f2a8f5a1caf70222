import "reflect-metadata";
import { loadConfig } from "../../platform/config.js";
import { createTokenVerifier } from "../../platform/auth/index.js";
import { startSubgraph } from "../../platform/subgraph/index.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";
import { loadActivePolicy } from "../../hub/policy-source.js";

/*
 * The customs subgraph alone in a process of its own, for the kill test (`tsx test/faults/customs-child.ts`):
 * like hub/service.ts, but enforcing the policy files (no gateway pushes them here) on CUSTOMS_PORT,
 * so the test hub's gateway keeps calling the port its in-process customs had.
 */

const config = loadConfig();
const definition = SUBGRAPHS.find((sg) => sg.name === "customs");
if (!definition) throw new Error("no customs subgraph");
const policy = await loadActivePolicy(config);
const subgraph = await startSubgraph(definition, {
  config,
  verifier: await createTokenVerifier(config),
  databaseUrl: config.databaseUrls.customs,
  port: Number(process.env.CUSTOMS_PORT),
  poolMax: 4,
  policy,
  policyVersion: async (version) => (policy().version === version ? policy() : undefined),
});
process.stdout.write(`customs ready: ${subgraph.url}\n`);
