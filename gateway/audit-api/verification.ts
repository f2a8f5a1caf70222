import type { DataSource } from "typeorm";
import { anchorBreaks, readAnchors, verifyAnchors, verifyChain, type Anchor, type AuditTable, type ChainBreak } from "../../platform/audit/index.js";
import { ANCHORED_SEQS_MAX, AUDIT_VERIFY_PATH } from "../../platform/subgraph/audit-routes.js";
import { AgencyUnavailable, askAgency, AUDITED_OWNERS, type AuditApiDeps, type AuditCaller, type AuditedOwner } from "./agencies.js";

/** One chain's verification, as the API reports it. */
export interface ChainVerification {
  readonly chain: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly anchors: number;
  readonly head: string | null;
  readonly breaks: readonly ChainBreak[];
  readonly unavailable: boolean;
}

const VERIFY_TIMEOUT_MS = 60_000;

const bySeq = (breaks: readonly ChainBreak[]) => [...breaks].sort((a, b) => a.seq - b.seq);

const tableExists = async (ds: DataSource, table: AuditTable) => Boolean(((await ds.query(`SELECT to_regclass($1) AS t`, [table])) as Array<{ t: string | null }>)[0]?.t);

/** A hub chain, in this process: under the hub key, and against its anchors (the anchors' own chain has none). */
async function verifyHubChain(deps: AuditApiDeps, table: AuditTable): Promise<ChainVerification | null> {
  if (!(await tableExists(deps.hub, table))) return null;
  const chain = `hub.${table}`;
  const report = await verifyChain(deps.hub, table, deps.hubKey);
  const anchored = table === "audit_anchor" ? { anchors: 0, breaks: [] } : await verifyAnchors(deps.hub, chain, deps.hub, table);
  const breaks = bySeq([...report.breaks, ...anchored.breaks]);
  return { chain, ok: breaks.length === 0, rows: report.rows, anchors: anchored.anchors, head: report.rows > 0 ? report.head : null, breaks, unavailable: false };
}

interface AgencyVerification {
  readonly ok: boolean;
  readonly rows: number;
  readonly head: string | null;
  readonly breaks: ChainBreak[];
  readonly hashes: Record<string, string>;
}

/**
 * An agency's delivery audit: its service verifies the chain under its own key and sends the hashes
 * at the seqs the hub anchored; the anchors are compared here. At most the newest
 * ANCHORED_SEQS_MAX distinct anchored rows are looked up: an intact chain whose newest anchored row
 * matches cannot differ at an older one without a break the chain itself shows.
 */
async function verifyAgencyChain(deps: AuditApiDeps, caller: AuditCaller, owner: AuditedOwner): Promise<ChainVerification> {
  const chain = `${owner.service}.access_audit`;
  const anchors = await readAnchors(deps.hub, chain);
  const seqs = [...new Set(anchors.map((a) => a.seq))].slice(-ANCHORED_SEQS_MAX);
  const checked = new Set(seqs);
  try {
    // Recomputing a whole chain takes longer than answering a query.
    const answer = await askAgency<AgencyVerification>(deps, owner, AUDIT_VERIFY_PATH, "audit-verify", { anchoredSeqs: seqs }, caller, Math.max(deps.timeoutMs, VERIFY_TIMEOUT_MS));
    const stored = new Map(Object.entries(answer.hashes).map(([seq, hash]) => [Number(seq), hash]));
    const compared: Anchor[] = anchors.filter((a) => checked.has(a.seq));
    const breaks = bySeq([...answer.breaks, ...anchorBreaks(compared, stored, answer.rows)]);
    return { chain, ok: answer.ok && breaks.length === 0, rows: answer.rows, anchors: anchors.length, head: answer.head, breaks, unavailable: false };
  } catch (error) {
    if (!(error instanceof AgencyUnavailable)) throw error;
    return { chain, ok: false, rows: 0, anchors: anchors.length, head: null, breaks: [], unavailable: true };
  }
}

/** Every chain: the hub's three here, each agency's through its service, in parallel. */
export async function verifyAll(deps: AuditApiDeps, caller: AuditCaller): Promise<ChainVerification[]> {
  const hub: ChainVerification[] = [];
  // One after another: the in-process hub's database is one session.
  for (const table of ["request_audit", "admin_audit", "audit_anchor"] as const) {
    const report = await verifyHubChain(deps, table);
    if (report) hub.push(report);
  }
  const agencies = await Promise.all(AUDITED_OWNERS.map((owner) => verifyAgencyChain(deps, caller, owner)));
  return [...hub, ...agencies];
}
