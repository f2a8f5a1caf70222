import "reflect-metadata";
import path from "node:path";
import { loadConfig, type LiaisonConfig } from "../platform/config.js";
import { loadPolicySet, PolicyError } from "../policies/index.js";
import { readSupergraph } from "../schema/supergraph.js";
import { parse as parseYaml } from "yaml";
import {
  canonical,
  connect,
  CONNECTION_USAGE,
  diffDocuments,
  diffLines,
  documentId,
  EXIT,
  exportDocuments,
  changeReportLines,
  HubError,
  parsedDocuments,
  parseCommandLine,
  print,
  readLocalDocuments,
  readProposal,
  Refusal,
  runCli,
  type ActiveDocument,
  type ExitCode,
  type HubClient,
} from "./cli/index.js";

const COMMANDS = {
  validate: "validate [dir]                      validate the documents of a folder against the supergraph (no hub needed); alias: check",
  test: "test [dir]                          run the test cases in <dir>/cases against a throwaway hub with demo data",
  diff: "diff [dir]                          the folder against the hub's active set, per document and rule id (exit 1 when they differ)",
  export: "export <dir>                        write the hub's active set as <dir>/<id>.yaml (other policy documents there are removed)",
  propose: "propose <file.yaml> --comment TEXT [--id ID] [--cases FILE]   propose the file as the next version of document ID (default: the file name), with test case files (YAML: file name to its cases)",
  show: "show <changeId>                     a change, its test case results and its impact",
  history: "history <id>                        every stored version of a document, newest first",
  approve: "approve <changeId>                  approve a proposed change (another administrator than its proposer)",
  reject: "reject <changeId> --reason TEXT     reject a proposed change",
} as const;
type Command = keyof typeof COMMANDS;

const USAGE = `usage: npm run policy -- <command>
${Object.values(COMMANDS).map((line) => `  ${line}`).join("\n")}
[dir] defaults to POLICY_DIR (policies/default). Exit: 0 done, 1 invalid documents or differences, 2 usage or refusal.
${CONNECTION_USAGE}`;

const usage = (command: Command) => `usage: npm run policy -- ${COMMANDS[command].split(/\s{2,}/)[0]}`;

const { values, positionals } = parseCommandLine("policy", USAGE, { comment: { type: "string" }, id: { type: "string" }, reason: { type: "string" }, cases: { type: "string" } });
const [given, ...args] = positionals;
const command = (given === "check" ? "validate" : given) as Command | undefined;

/** The arguments each command takes (counts of positionals and the options it needs). */
const ARITY: Record<Command, (n: number) => boolean> = {
  validate: (n) => n <= 1,
  test: (n) => n <= 1,
  diff: (n) => n <= 1,
  export: (n) => n === 1,
  propose: (n) => n === 1 && values.comment !== undefined,
  show: (n) => n === 1,
  history: (n) => n === 1,
  approve: (n) => n === 1,
  reject: (n) => n === 1 && values.reason !== undefined,
};

const PROBLEMS_LIMIT = 50;
function printProblems(what: string, problems: readonly string[]): ExitCode {
  print(`${what}: invalid, ${problems.length} problem(s)`);
  for (const problem of problems.slice(0, PROBLEMS_LIMIT)) print(`  - ${problem}`);
  if (problems.length > PROBLEMS_LIMIT) print(`  … ${problems.length - PROBLEMS_LIMIT} more`);
  return EXIT.FINDING;
}

async function validate(dir: string, config: LiaisonConfig): Promise<ExitCode> {
  try {
    const set = await loadPolicySet(dir, await readSupergraph(), config.purposes);
    print(`${dir}: ${set.rules.length} rules, valid, version ${set.version}`);
    return EXIT.OK;
  } catch (error) {
    if (error instanceof PolicyError) return printProblems(dir, error.problems);
    throw error;
  }
}

async function runTests(dir: string): Promise<ExitCode> {
  // Loaded only here: it starts a whole throwaway hub (in memory, never the data folder's databases).
  const { runPolicyTests } = await import("../hub/policy-tests.js");
  try {
    const report = await runPolicyTests(dir, path.join(dir, "cases"));
    for (const { policyCase, failures } of report.results) {
      print(`${failures.length === 0 ? "PASS" : "FAIL"}  ${policyCase.file}: ${policyCase.name}`);
      for (const failure of failures) print(`        ${failure}`);
    }
    for (const id of report.uncovered) print(`UNCOVERED  rule ${id} has no test case`);
    for (const id of report.unknown) print(`UNKNOWN    a case covers rule ${id}, which the set does not have`);
    const passed = report.results.filter((r) => r.failures.length === 0).length;
    print(`${passed}/${report.results.length} cases passed, ${report.uncovered.length} rules uncovered (policy version ${report.version})`);
    return report.ok ? EXIT.OK : EXIT.FINDING;
  } catch (error) {
    if (error instanceof PolicyError) return printProblems(dir, error.problems);
    throw error;
  }
}

const DOCUMENT_FIELDS = "id activeVersion content updatedAt updatedBy";

async function activeDocuments(client: HubClient): Promise<ActiveDocument[]> {
  return (await client.query<{ policies: ActiveDocument[] }>(`{ policies { ${DOCUMENT_FIELDS} } }`)).policies;
}

async function diff(dir: string, client: HubClient): Promise<ExitCode> {
  let local;
  try {
    local = await readLocalDocuments(dir);
  } catch (error) {
    if (error instanceof PolicyError) return printProblems(dir, error.problems);
    throw error;
  }
  const hub = parsedDocuments(await activeDocuments(client));
  const diffs = diffDocuments(local, hub);
  for (const d of diffs) for (const line of diffLines(d, local, hub)) print(line);
  if (diffs.length === 0) {
    print(`no differences: ${dir} holds the hub's active set (${hub.size} documents)`);
    return EXIT.OK;
  }
  const count = (kind: string) => diffs.filter((d) => d.kind === kind).length;
  print(`${diffs.length} document(s) differ: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed`);
  return EXIT.FINDING;
}

async function exportSet(dir: string, client: HubClient): Promise<ExitCode> {
  const active = await activeDocuments(client);
  const { written, removed } = await exportDocuments(dir, active);
  for (const file of written) print(`wrote    ${path.join(dir, file)}`);
  for (const file of removed) print(`removed  ${path.join(dir, file)} (not in the active set)`);
  print(`exported ${written.length} documents to ${dir}`);
  return EXIT.OK;
}

/** A document's text as data; undefined when it is not YAML (the hub then names the problem). */
function parsedOrUndefined(text: string): unknown {
  try {
    return parseYaml(text, { maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

const CHANGE_FIELDS = "id policyId kind baseVersion comment proposedBy proposerIssuer proposerAgency createdAt status valid setVersion decidedBy decidedAt reason resultingVersion";
interface Change {
  id: string;
  policyId: string;
  kind: string;
  baseVersion: number;
  comment: string;
  proposedBy: string;
  proposerIssuer: string;
  proposerAgency: string;
  status: string;
  valid: boolean;
  setVersion: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  resultingVersion: number | null;
}

/** A change in a few lines: what, against which version, valid or not, by whom, its state; then its cases and impact. */
async function printChange(client: HubClient, change: Change, verb = "change"): Promise<void> {
  print(`${verb} ${change.id}: policy ${change.policyId}, base version ${change.baseVersion}, ${change.valid ? "valid" : "INVALID"}, set version ${change.setVersion}`);
  const decided = change.decidedBy ? `, ${change.status.toLowerCase()} by ${change.decidedBy}${change.reason ? `: ${change.reason}` : ""}` : "";
  print(`  status ${change.status}, proposed by ${change.proposedBy} (${change.proposerIssuer}, ${change.proposerAgency})${decided}`);
  for (const line of await changeReportLines(client, change.id)) print(line);
}

async function propose(file: string, client: HubClient): Promise<ExitCode> {
  const id = values.id ?? documentId(file);
  const text = await readProposal(file);
  const cases = values.cases === undefined ? undefined : await readProposal(values.cases);
  const current = (await client.query<{ policy: ActiveDocument | null }>(`query($id: ID!) { policy(id: $id) { ${DOCUMENT_FIELDS} } }`, { id })).policy;
  const local = parsedOrUndefined(text);
  if (current && cases === undefined && local !== undefined && canonical(local) === canonical(parsedOrUndefined(current.content))) {
    throw new Refusal(`policy ${id} version ${current.activeVersion} already holds what ${file} holds: nothing to propose`);
  }
  // `cases` only when given: hubs without policy test cases in proposals have no such argument.
  const [casesVariable, casesArgument] = cases === undefined ? ["", ""] : [", $cases: String", ", cases: $cases"];
  let change: Change;
  try {
    change = (
      await client.query<{ proposePolicyChange: Change }>(
        `mutation($id: ID!, $document: String!, $baseVersion: Int!, $comment: String!${casesVariable}) {
           proposePolicyChange(id: $id, document: $document, baseVersion: $baseVersion, comment: $comment${casesArgument}) { ${CHANGE_FIELDS} } }`,
        { id, document: text, baseVersion: current?.activeVersion ?? 0, comment: values.comment, ...(cases === undefined ? {} : { cases }) },
      )
    ).proposePolicyChange;
  } catch (error) {
    const problems = error instanceof HubError ? error.errors[0]?.extensions?.problems : undefined;
    if (Array.isArray(problems) && problems.length > 0) return printProblems(`policy ${id}`, problems.map(String));
    throw error;
  }
  await printChange(client, change, "proposed change");
  print(`approve as another administrator: npm run policy -- approve ${change.id}`);
  return EXIT.OK;
}

async function show(changeId: string, client: HubClient): Promise<ExitCode> {
  const { policyChange } = await client.query<{ policyChange: Change | null }>(`query($id: ID!) { policyChange(id: $id) { ${CHANGE_FIELDS} } }`, { id: changeId });
  if (!policyChange) throw new Refusal(`no policy change ${JSON.stringify(changeId)} on the hub at ${client.url}`);
  await printChange(client, policyChange);
  return EXIT.OK;
}

interface Version {
  version: number;
  active: boolean;
  createdAt: string;
  author: string;
  authorIssuer: string | null;
  changeId: string | null;
  comment: string;
}

async function history(id: string, client: HubClient): Promise<ExitCode> {
  const versions = (
    await client.query<{ policyHistory: Version[] }>(`query($id: ID!) { policyHistory(id: $id) { version active createdAt author authorIssuer changeId comment } }`, { id })
  ).policyHistory;
  if (versions.length === 0) throw new Refusal(`no policy ${JSON.stringify(id)} on the hub at ${client.url}`);
  for (const v of versions) {
    const author = v.authorIssuer ? `${v.author} (${v.authorIssuer})` : v.author;
    print([`v${v.version}`, v.active ? "active" : "-", v.createdAt, author, v.changeId ? `change ${v.changeId}` : "import", v.comment].join("\t"));
  }
  return EXIT.OK;
}

async function decide(command: "approve" | "reject", changeId: string, client: HubClient): Promise<ExitCode> {
  const fields = "id policyId status resultingVersion setVersion reason";
  if (command === "approve") {
    const { approvePolicyChange: c } = await client.query<{ approvePolicyChange: Change }>(`mutation($id: ID!) { approvePolicyChange(changeId: $id) { ${fields} } }`, { id: changeId });
    print(`approved change ${c.id}: policy ${c.policyId} is at version ${String(c.resultingVersion)}, set version ${c.setVersion} active`);
  } else {
    const { rejectPolicyChange: c } = await client.query<{ rejectPolicyChange: Change }>(`mutation($id: ID!, $reason: String!) { rejectPolicyChange(changeId: $id, reason: $reason) { ${fields} } }`, { id: changeId, reason: values.reason });
    print(`rejected change ${c.id} to policy ${c.policyId}: ${String(c.reason)}`);
  }
  return EXIT.OK;
}

await runCli(async () => {
  if (!command || !(command in COMMANDS)) throw new Refusal(`${given ? `unknown command ${given}` : "no command"}; usage: npm run policy -- validate|check|test|diff|export|propose|show|history|approve|reject (--help for details)`);
  if (!ARITY[command](args.length)) throw new Refusal(usage(command));
  let config: LiaisonConfig;
  try {
    config = loadConfig();
  } catch (error) {
    throw new Refusal(error instanceof Error ? error.message : String(error));
  }
  const [arg] = args;
  const dir = path.resolve(arg ?? config.policyDir);
  if (command === "validate") return validate(dir, config);
  if (command === "test") return runTests(dir);
  const client = await connect(config, values);
  if (command === "diff") return diff(dir, client);
  if (command === "export") return exportSet(dir, client);
  if (command === "propose") return propose(arg as string, client);
  if (command === "history") return history(arg as string, client);
  if (command === "show") return show(arg as string, client);
  return decide(command, arg as string, client);
});
