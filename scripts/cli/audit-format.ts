/** One chain's verification as this CLI reads it (contract: AuditChainReport; the offline verifier makes the same). */
export interface ChainVerification {
  readonly chain: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly anchors: number;
  readonly head: string | null;
  readonly breaks: ReadonlyArray<{ readonly seq: number; readonly reason: string }>;
  /** Its service did not answer the hub: nothing was verified. */
  readonly unavailable?: boolean;
}

export const CHAIN_REPORT_FIELDS = "chain ok rows anchors head breaks { seq reason } unavailable";

/** `customs.access_audit: ok, 5 rows, 1 anchor(s), head e7f883516aec0b14`, or BROKEN and every break. */
export function chainLines(report: ChainVerification): string[] {
  if (report.unavailable) return [`${report.chain}: NOT VERIFIED, its service did not answer the hub (${report.anchors} anchor(s))`];
  if (report.ok && report.breaks.length === 0) {
    return [`${report.chain}: ok, ${report.rows} rows, ${report.anchors} anchor(s), head ${(report.head ?? "-").slice(0, 16)}`];
  }
  const breaks = [...report.breaks].sort((a, b) => a.seq - b.seq);
  return [`${report.chain}: BROKEN, ${breaks.length} break(s) in ${report.rows} rows`, ...breaks.map((b) => `  seq ${b.seq}: ${b.reason}`)];
}

/** One delivery of the access log (contract: AccessLogEntry). */
export interface AccessLogEntry {
  readonly owner: string;
  readonly seq: number;
  readonly at: string;
  readonly subject: string;
  readonly issuer: string | null;
  readonly agency: string;
  readonly purpose: string | null;
  readonly justification: string | null;
  readonly recordType: string;
  readonly recordId: string;
  readonly fieldsServed: readonly string[] | string | null;
  readonly fieldsDenied: readonly string[] | string | null;
  readonly fieldsMasked: readonly string[] | string | null;
  readonly policyVersion: string | null;
  readonly requestId: string | null;
}

export const ACCESS_LOG_ENTRY_FIELDS =
  "owner seq at subject issuer agency purpose justification recordType recordId fieldsServed fieldsDenied fieldsMasked policyVersion requestId";

const list = (value: readonly string[] | string | null): string => (Array.isArray(value) ? value.join(",") : (value as string | null)) || "-";
/** Tabs and line breaks in free text would break the one-line, tab-separated form. */
const cell = (value: string | number | null): string => (value === null || value === "" ? "-" : String(value).replace(/[\t\r\n]+/g, " "));

/** One tab-separated line per delivery: when, where, to whom, why, what, and which fields. */
export function entryLine(e: AccessLogEntry): string {
  return [
    cell(e.at),
    `${e.owner}#${e.seq}`,
    `${cell(e.subject)} (${cell(e.issuer)}, ${cell(e.agency)})`,
    cell(e.purpose),
    cell(e.justification),
    `${e.recordType} ${e.recordId}`,
    `served ${list(e.fieldsServed)}`,
    `denied ${list(e.fieldsDenied)}`,
    `masked ${list(e.fieldsMasked)}`,
    `policy ${cell(e.policyVersion)}`,
    `request ${cell(e.requestId)}`,
  ].join("\t");
}
