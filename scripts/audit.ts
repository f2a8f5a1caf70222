import { loadConfig, type LiaisonConfig } from "../platform/config.js";
import {
  ACCESS_LOG_ENTRY_FIELDS,
  CHAIN_REPORT_FIELDS,
  chainLines,
  connect,
  CONNECTION_USAGE,
  entryLine,
  EXIT,
  parseCommandLine,
  print,
  Refusal,
  runCli,
  type AccessLogEntry,
  type ChainVerification,
  type ExitCode,
  type HubClient,
} from "./cli/index.js";

const COMMANDS = {
  "who-saw": "who-saw <Type> <id-or-reference>   who was served a record (by its id or its agency's reference) or an identifier, which fields",
  "seen-by": "seen-by <subject> [issuer]         what one subject (of one token issuer) was served",
  verify: "verify [--offline]                 check every audit chain and its anchors (exit 1 on any break)",
} as const;
type Command = keyof typeof COMMANDS;

const USAGE = `usage: npm run audit -- <command>
${Object.values(COMMANDS).map((line) => `  ${line}`).join("\n")}
who-saw and seen-by take --from and --to (ISO date-times) and --first N (default 100).
They ask the running hub (its accessLog and auditVerification); verify --offline reads the databases of
a STOPPED hub itself (refused while the hub holds its data folder), with AUDIT_CHAIN_KEY_FILE_<OWNER>, else
AUDIT_CHAIN_KEY_FILE. Exit: 0 done, 1 a broken chain or an incomplete answer, 2 usage or refusal.
${CONNECTION_USAGE}`;

const { values, positionals } = parseCommandLine("audit", USAGE, { offline: { type: "boolean" }, from: { type: "string" }, to: { type: "string" }, first: { type: "string" } });
const [command, ...args] = positionals as [Command | undefined, ...string[]];
const ARITY: Record<Command, (n: number) => boolean> = { "who-saw": (n) => n === 2, "seen-by": (n) => n === 1 || n === 2, verify: (n) => n === 0 };
const usage = (c: Command) => `usage: npm run audit -- ${COMMANDS[c].split(/\s{2,}/)[0]}`;

interface AccessLogPage {
  entries: AccessLogEntry[];
  truncated: boolean;
  unavailable?: string[];
}

/** The accessLog field under `alias`, filtered by the variable `$<variable>`. */
const accessLog = (alias: string, variable: string, directive = "") =>
  `${alias}: accessLog(filter: $${variable}, first: $first)${directive} { entries { ${ACCESS_LOG_ENTRY_FIELDS} } truncated unavailable }`;
/** Record ids are UUIDs; references (`AEROTEK-SZ-01`) and identifier keys (`+447700900185`) are not. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function first(): number {
  if (values.first === undefined) return 100;
  const n = Number(values.first);
  if (!Number.isInteger(n) || n < 1) throw new Refusal("--first must be a positive integer");
  return n;
}

/** Prints the entries and a summary line; an answer some agency did not give is a finding. */
function report(pages: AccessLogPage[], what: string): ExitCode {
  const seen = new Map<string, AccessLogEntry>();
  for (const entry of pages.flatMap((p) => p.entries)) seen.set(`${entry.owner}#${entry.seq}`, entry);
  // Newest first, as the hub answers (ties: owner, then the newer row).
  const entries = [...seen.values()].sort((a, b) => b.at.localeCompare(a.at) || a.owner.localeCompare(b.owner) || b.seq - a.seq);
  for (const entry of entries) print(entryLine(entry));
  const subjects = new Set(entries.map((e) => `${e.issuer ?? ""} ${e.subject}`)).size;
  const records = new Set(entries.map((e) => `${e.recordType} ${e.recordId}`)).size;
  const unavailable = [...new Set(pages.flatMap((p) => p.unavailable ?? []))].sort();
  const truncated = pages.some((p) => p.truncated) ? `; truncated at ${first()} per audit: narrow it with --from/--to or raise --first` : "";
  const missing = unavailable.length > 0 ? `; INCOMPLETE, no answer from: ${unavailable.join(", ")}` : "";
  print(`${entries.length} deliveries ${what}: ${records} record(s), ${subjects} subject(s)${truncated}${missing}`);
  return unavailable.length > 0 ? EXIT.FINDING : EXIT.OK;
}

const window = () => ({ ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) });

async function whoSaw(client: HubClient, recordType: string, key: string): Promise<ExitCode> {
  // An id is looked up as one; anything else is tried as an id (identifiers: a phone's e164) and as a reference.
  const byReference = !UUID.test(key);
  const query = `query($byId: AccessLogFilter!, $byReference: AccessLogFilter!, $first: Int, $withReference: Boolean!) {
    ${accessLog("byId", "byId")} ${accessLog("byReference", "byReference", " @include(if: $withReference)")} }`;
  const data = await client.query<{ byId: AccessLogPage; byReference?: AccessLogPage }>(query, {
    byId: { recordType, recordId: key, ...window() },
    byReference: { recordType, reference: key, ...window() },
    first: first(),
    withReference: byReference,
  });
  return report([data.byId, ...(data.byReference ? [data.byReference] : [])], `of ${recordType} ${key}`);
}

async function seenBy(client: HubClient, subject: string, issuer: string | undefined): Promise<ExitCode> {
  const data = await client.query<{ accessLog: AccessLogPage }>(`query($filter: AccessLogFilter!, $first: Int) { ${accessLog("accessLog", "filter")} }`, {
    filter: { subject, ...(issuer ? { issuer } : {}), ...window() },
    first: first(),
  });
  return report([data.accessLog], `to ${subject}${issuer ? ` of ${issuer}` : " (every issuer)"}`);
}

function printChains(reports: ReadonlyArray<ChainVerification | string>): ExitCode {
  let broken = false;
  for (const r of reports) {
    if (typeof r === "string") print(r);
    else for (const line of chainLines(r)) print(line);
    broken ||= typeof r !== "string" && (!r.ok || r.breaks.length > 0 || r.unavailable === true);
  }
  return broken ? EXIT.FINDING : EXIT.OK;
}

async function verify(config: LiaisonConfig): Promise<ExitCode> {
  if (values.offline) {
    // Loaded only here: it opens databases, which the hub clients never do.
    const { verifyOffline } = await import("./cli/offline-verify.js");
    return printChains(await verifyOffline(config));
  }
  const client = await connect(config, values);
  const { auditVerification } = await client.query<{ auditVerification: ChainVerification[] }>(`{ auditVerification { ${CHAIN_REPORT_FIELDS} } }`);
  return printChains(auditVerification);
}

await runCli(async () => {
  if (!command || !(command in COMMANDS)) throw new Refusal(`${command ? `unknown command ${command}` : "no command"}; usage: npm run audit -- who-saw|seen-by|verify (--help for details)`);
  if (!ARITY[command](args.length) || (values.offline && command !== "verify")) throw new Refusal(usage(command));
  let config: LiaisonConfig;
  try {
    config = loadConfig();
  } catch (error) {
    throw new Refusal(error instanceof Error ? error.message : String(error));
  }
  if (command === "verify") return verify(config);
  const client = await connect(config, values);
  const [a, b] = args as [string, string | undefined];
  return command === "who-saw" ? whoSaw(client, a, b as string) : seenBy(client, a, b);
});
