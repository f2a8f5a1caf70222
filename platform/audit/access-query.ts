import type { DataSource } from "typeorm";
import { AGENCIES } from "../../schema/enums.js";
import { AUDIT_SQL_MARK } from "./chain.js";

/*
 * Questions an auditor asks one agency's delivery audit (access_audit), answered by that agency's
 * own service (POST /audit/query, /audit/disclosures): rows are never pooled. The bodies come from
 * the gateway, signed, but are validated strictly all the same: unknown keys, wrong types and
 * oversized values are refused with one line saying which.
 */

/** The most rows one /audit/query answers. */
export const ACCESS_LOG_LIMIT_MAX = 500;
/** The most records one disclosures report lists (totals still cover every record). */
export const DISCLOSURE_RECORDS_MAX = 1000;

/** One agency's own records table, so a record's `reference` can be turned into the ids the audit names. */
export interface AuditedRecords {
  /** GraphQL type name the audit records (`Seizure`). */
  readonly typeName: string;
  readonly table: string;
}

/** A filter on access_audit; every condition holds at once. Times are ISO strings, `from` inclusive, `to` exclusive. */
export interface AccessLogQuery {
  readonly subject?: string;
  readonly issuer?: string;
  /** The agency of whoever was served (the row's `agency`). */
  readonly callerAgency?: string;
  readonly recordType?: string;
  readonly recordId?: string;
  /** The agency's own reference of a record: the rows of every record with it. */
  readonly reference?: string;
  readonly purpose?: string;
  /** Rows let through by this consent or break-glass grant rule (grant_rules holds it). */
  readonly grantRule?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
}

/** What `owner`'s data was delivered to agency `recipient` in [from, to). */
export interface DisclosureQuery {
  readonly recipient: string;
  readonly from: string;
  readonly to: string;
}

/** A body the route refuses (400), with a one-line reason. */
export class AuditRequestError extends Error {}

const TEXT_MAX = 200;
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

type Check = (value: unknown, key: string) => unknown;
const text: Check = (value, key) => {
  // Control characters are never in a subject, reference or purpose worth asking about.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (typeof value !== "string" || value.length === 0 || value.length > TEXT_MAX || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new AuditRequestError(`${key} must be a non-empty string of at most ${TEXT_MAX} characters, without control characters`);
  }
  return value;
};
const agency: Check = (value, key) => {
  if (typeof value !== "string" || !(AGENCIES as readonly string[]).includes(value)) throw new AuditRequestError(`${key} must be one of ${AGENCIES.join(", ")}`);
  return value;
};
const typeName: Check = (value, key) => {
  if (typeof value !== "string" || !TYPE_NAME.test(value)) throw new AuditRequestError(`${key} must be a type name`);
  return value;
};
const instant: Check = (value, key) => {
  if (typeof value !== "string" || !ISO.test(value) || Number.isNaN(Date.parse(value))) throw new AuditRequestError(`${key} must be an ISO 8601 date-time with a time zone`);
  return new Date(value).toISOString();
};
const limit: Check = (value, key) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > ACCESS_LOG_LIMIT_MAX) throw new AuditRequestError(`${key} must be an integer from 1 to ${ACCESS_LOG_LIMIT_MAX}`);
  return value;
};

/** Validates a JSON object against `shape` (every key optional unless `required` names it). */
function parseObject(body: unknown, shape: Readonly<Record<string, Check>>, required: readonly string[]): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AuditRequestError("body must be a JSON object");
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const check = shape[key];
    if (!check) throw new AuditRequestError(`unknown key ${JSON.stringify(key.slice(0, 40))}; allowed: ${Object.keys(shape).join(", ")}`);
    if (value !== null) out[key] = check(value, key);
  }
  for (const key of required) if (out[key] === undefined) throw new AuditRequestError(`${key} is required`);
  if (typeof out.from === "string" && typeof out.to === "string" && out.from >= out.to) throw new AuditRequestError("from must be before to");
  return out;
}

const ACCESS_LOG_SHAPE = { subject: text, issuer: text, callerAgency: agency, recordType: typeName, recordId: text, reference: text, purpose: text, grantRule: text, from: instant, to: instant, limit };

/** The body of POST /audit/query, validated; `limit` defaults to 100. */
export function parseAccessLogQuery(body: unknown): AccessLogQuery {
  const parsed = parseObject(body, ACCESS_LOG_SHAPE, []);
  return { ...parsed, limit: (parsed.limit as number | undefined) ?? 100 } as AccessLogQuery;
}

/** The body of POST /audit/disclosures, validated. */
export function parseDisclosureQuery(body: unknown): DisclosureQuery {
  return parseObject(body, { recipient: agency, from: instant, to: instant }, ["recipient", "from", "to"]) as unknown as DisclosureQuery;
}

/** One access_audit row as the API shows it. */
export interface AccessLogRow {
  readonly seq: number;
  readonly at: string;
  readonly requestId: string;
  readonly subject: string;
  readonly issuer: string | null;
  readonly agency: string;
  readonly purpose: string;
  readonly justification: string | null;
  readonly recordType: string;
  readonly recordId: string;
  readonly fieldsServed: readonly string[];
  readonly fieldsDenied: readonly string[];
  readonly fieldsMasked: readonly string[];
  readonly policyVersion: string;
  /** The grant rules that let this delivery through; empty when none did. */
  readonly grantRules: readonly string[];
}

interface StoredRow {
  seq: string;
  at: Date;
  request_id: string;
  subject: string;
  issuer: string | null;
  agency: string;
  purpose: string;
  justification: string | null;
  entity_type: string;
  entity_id: string;
  fields_served: string[];
  fields_denied: string[];
  fields_masked: string[];
  policy_version: string;
  grant_rules: string[] | null;
}

/** The ids of this agency's records with `reference`, per record type. */
async function recordsWithReference(dataSource: DataSource, records: readonly AuditedRecords[], reference: string): Promise<Array<{ type: string; id: string }>> {
  const found: Array<{ type: string; id: string }> = [];
  for (const { typeName: type, table } of records) {
    const rows = (await dataSource.query(`${AUDIT_SQL_MARK} SELECT id::text AS id FROM "${table}" WHERE reference = $1 LIMIT 100`, [reference])) as Array<{ id: string }>;
    for (const row of rows) found.push({ type, id: row.id });
  }
  return found;
}

/** Rows matching `query`, newest first, at most `query.limit`; `truncated` when more match. */
export async function queryAccessLog(dataSource: DataSource, records: readonly AuditedRecords[], query: AccessLogQuery): Promise<{ rows: AccessLogRow[]; truncated: boolean }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.reference !== undefined) {
    const matches = (await recordsWithReference(dataSource, records, query.reference)).filter(
      (m) => (query.recordType === undefined || m.type === query.recordType) && (query.recordId === undefined || m.id === query.recordId),
    );
    if (matches.length === 0) return { rows: [], truncated: false };
    add((p) => `(entity_type, entity_id) IN (SELECT * FROM unnest(${p}::text[], $${params.length + 1}::text[]))`, matches.map((m) => m.type));
    params.push(matches.map((m) => m.id));
  }
  if (query.recordType !== undefined) add((p) => `entity_type = ${p}`, query.recordType);
  if (query.recordId !== undefined) add((p) => `entity_id = ${p}`, query.recordId);
  if (query.subject !== undefined) add((p) => `subject = ${p}`, query.subject);
  if (query.issuer !== undefined) add((p) => `issuer = ${p}`, query.issuer);
  if (query.callerAgency !== undefined) add((p) => `agency = ${p}`, query.callerAgency);
  if (query.purpose !== undefined) add((p) => `purpose = ${p}`, query.purpose);
  if (query.grantRule !== undefined) add((p) => `${p} = ANY(grant_rules)`, query.grantRule);
  if (query.from !== undefined) add((p) => `at >= ${p}`, query.from);
  if (query.to !== undefined) add((p) => `at < ${p}`, query.to);
  params.push(query.limit + 1);
  const stored = (await dataSource.query(
    `${AUDIT_SQL_MARK} SELECT seq, at, request_id, subject, issuer, agency, purpose, justification, entity_type, entity_id,
            fields_served, fields_denied, fields_masked, policy_version, grant_rules
       FROM access_audit ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  )) as StoredRow[];
  const rows = stored.slice(0, query.limit).map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    requestId: r.request_id,
    subject: r.subject,
    issuer: r.issuer,
    agency: r.agency,
    purpose: r.purpose,
    justification: r.justification,
    recordType: r.entity_type,
    recordId: r.entity_id,
    fieldsServed: r.fields_served,
    fieldsDenied: r.fields_denied,
    fieldsMasked: r.fields_masked,
    policyVersion: r.policy_version,
    grantRules: r.grant_rules ?? [],
  }));
  return { rows, truncated: stored.length > query.limit };
}

/** One record delivered to the recipient: how often, which fields in all, when, to how many people. */
export interface DisclosedRecord {
  readonly recordType: string;
  readonly recordId: string;
  readonly deliveries: number;
  readonly fieldsServed: readonly string[];
  readonly first: string;
  readonly last: string;
  /** Distinct subjects (issuer and sub) served it. */
  readonly subjects: number;
}

export interface DisclosureTotals {
  readonly records: number;
  readonly deliveries: number;
  readonly subjects: number;
}

/**
 * What this agency's service delivered to users of `recipient` in [from, to): rows that served at
 * least one field, grouped per record, most delivered first; totals over every record.
 */
export async function disclosures(dataSource: DataSource, query: DisclosureQuery): Promise<{ records: DisclosedRecord[]; totals: DisclosureTotals; truncated: boolean }> {
  const delivered = `WITH d AS (SELECT entity_type, entity_id, at, issuer, subject, fields_served FROM access_audit
                     WHERE agency = $1 AND at >= $2 AND at < $3 AND cardinality(fields_served) > 0)`;
  const params = [query.recipient, query.from, query.to];
  const grouped = (await dataSource.query(
    `${AUDIT_SQL_MARK} ${delivered},
     g AS (SELECT entity_type, entity_id, count(*) AS deliveries, min(at) AS first, max(at) AS last,
                  count(DISTINCT (coalesce(issuer, ''), subject)) AS subjects
             FROM d GROUP BY entity_type, entity_id),
     f AS (SELECT entity_type, entity_id, array_agg(DISTINCT field ORDER BY field) AS fields
             FROM d, unnest(d.fields_served) AS field GROUP BY entity_type, entity_id)
     SELECT g.*, f.fields FROM g JOIN f USING (entity_type, entity_id)
      ORDER BY g.deliveries DESC, g.last DESC, g.entity_type, g.entity_id LIMIT ${DISCLOSURE_RECORDS_MAX + 1}`,
    params,
  )) as Array<{ entity_type: string; entity_id: string; deliveries: string; first: Date; last: Date; subjects: string; fields: string[] }>;
  const totals = ((await dataSource.query(
    `${AUDIT_SQL_MARK} ${delivered}
     SELECT count(DISTINCT (entity_type, entity_id)) AS records, count(*) AS deliveries, count(DISTINCT (coalesce(issuer, ''), subject)) AS subjects FROM d`,
    params,
  )) as Array<{ records: string; deliveries: string; subjects: string }>)[0];
  return {
    records: grouped.slice(0, DISCLOSURE_RECORDS_MAX).map((g) => ({
      recordType: g.entity_type,
      recordId: g.entity_id,
      deliveries: Number(g.deliveries),
      fieldsServed: g.fields,
      first: new Date(g.first).toISOString(),
      last: new Date(g.last).toISOString(),
      subjects: Number(g.subjects),
    })),
    totals: { records: Number(totals?.records ?? 0), deliveries: Number(totals?.deliveries ?? 0), subjects: Number(totals?.subjects ?? 0) },
    truncated: grouped.length > DISCLOSURE_RECORDS_MAX,
  };
}
