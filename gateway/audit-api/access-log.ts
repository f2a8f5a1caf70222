import { AuditRequestError, parseAccessLogQuery, parseDisclosureQuery, type AccessLogRow, type DisclosedRecord, type DisclosureTotals } from "../../platform/audit/index.js";
import { AUDIT_DISCLOSURES_PATH, AUDIT_QUERY_PATH } from "../../platform/subgraph/audit-routes.js";
import { badInput } from "../../schema/errors.js";
import { AgencyUnavailable, askAgency, type AuditApiDeps, type AuditCaller, type AuditedOwner } from "./agencies.js";
import type { AccessLogFilter } from "./audit.type.js";

/** One owner's rows, named by owner. */
export interface OwnedRow extends AccessLogRow {
  readonly owner: string;
}

/** The body every owner is asked, validated here by the same parser the agencies use (BAD_USER_INPUT naming the problem). */
function accessLogBody(filter: AccessLogFilter, first: number): Record<string, unknown> {
  const selective = [filter.owner, filter.subject, filter.agency, filter.recordId, filter.reference, filter.grantRule].some((v) => v !== null && v !== undefined);
  if (!selective && !(filter.from && filter.to)) throw badInput("filter: give at least one of owner, subject, agency, recordId, reference, grantRule, or both from and to", { field: "filter" });
  const body: Record<string, unknown> = { limit: first };
  const set = (key: string, value: unknown) => {
    if (value !== null && value !== undefined) body[key] = value instanceof Date ? value.toISOString() : value;
  };
  set("subject", filter.subject);
  set("issuer", filter.issuer);
  set("callerAgency", filter.agency);
  set("recordType", filter.recordType);
  set("recordId", filter.recordId);
  set("reference", filter.reference);
  set("purpose", filter.purpose);
  set("grantRule", filter.grantRule);
  set("from", filter.from);
  set("to", filter.to);
  try {
    parseAccessLogQuery(body);
  } catch (error) {
    if (error instanceof AuditRequestError) throw badInput(`filter: ${error.message.replace("callerAgency", "agency").replace("limit", "first")}`, { field: "filter" });
    throw error;
  }
  return body;
}

/**
 * Asks every owner in parallel and merges their rows newest first (ties: owner, then seq). An owner
 * that does not answer is listed in `unavailable`, never dropped in silence.
 */
export async function accessLog(deps: AuditApiDeps, caller: AuditCaller, owners: readonly AuditedOwner[], filter: AccessLogFilter, first: number) {
  const body = accessLogBody(filter, first);
  const answers = await Promise.allSettled(
    owners.map((owner) => askAgency<{ rows: AccessLogRow[]; truncated: boolean }>(deps, owner, AUDIT_QUERY_PATH, "audit-read", body, caller)),
  );
  const rows: OwnedRow[] = [];
  const unavailable: string[] = [];
  let truncated = false;
  answers.forEach((answer, i) => {
    const owner = (owners[i] as AuditedOwner).agency;
    if (answer.status === "rejected") {
      if (!(answer.reason instanceof AgencyUnavailable)) throw answer.reason;
      unavailable.push(owner);
      return;
    }
    truncated ||= answer.value.truncated;
    for (const row of answer.value.rows) rows.push({ ...row, owner });
  });
  rows.sort((a, b) => b.at.localeCompare(a.at) || a.owner.localeCompare(b.owner) || b.seq - a.seq);
  return {
    entries: rows.slice(0, first).map((row) => ({ ...row, at: new Date(row.at) })),
    truncated: truncated || rows.length > first,
    unavailable,
  };
}

/** What `owner`'s service delivered to users of `recipient` in [from, to). */
export async function disclosureReport(deps: AuditApiDeps, caller: AuditCaller, owner: AuditedOwner, recipient: string, from: Date, to: Date) {
  const body = { recipient, from: from.toISOString(), to: to.toISOString() };
  try {
    parseDisclosureQuery(body);
  } catch (error) {
    if (error instanceof AuditRequestError) throw badInput(error.message);
    throw error;
  }
  const base = { owner: owner.agency, recipient, from, to };
  try {
    const answer = await askAgency<{ records: DisclosedRecord[]; totals: DisclosureTotals; truncated: boolean }>(deps, owner, AUDIT_DISCLOSURES_PATH, "audit-read", body, caller);
    const records = answer.records.map((r) => ({ ...r, first: new Date(r.first), last: new Date(r.last) }));
    return { ...base, records, totals: answer.totals, truncated: answer.truncated, unavailable: [] };
  } catch (error) {
    if (!(error instanceof AgencyUnavailable)) throw error;
    return { ...base, records: [], totals: { records: 0, deliveries: 0, subjects: 0 }, truncated: false, unavailable: [owner.agency] };
  }
}
