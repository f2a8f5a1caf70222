import type { DataSource } from "typeorm";
import { AUDIT_SQL_MARK, type ChainBreak } from "./chain.js";

/*
 * Checking a chain against its anchors, in two halves: the anchors live in the hub database, the
 * chain in its owner's. The gateway reads the anchors, asks the owner for the stored hashes at the
 * anchored seqs and its row count (POST /audit/verify), and compares; a process holding both
 * databases (verifyAnchors) does the same in one place.
 */

/** One anchor of a source: the head it recorded. */
export interface Anchor {
  readonly seq: number;
  readonly hash: string;
  readonly rows: number;
}

export const anchorMissing = (seq: number): string => `anchored row seq ${seq} is missing (rows deleted or tail truncated)`;
export const anchorChanged = (seq: number): string => `anchored row seq ${seq} changed since it was anchored`;
export const anchorFewerRows = (rows: number, anchored: number): string => `table holds ${rows} rows, fewer than the ${anchored} anchored`;

/** Every anchor of `source`, oldest first. */
export async function readAnchors(hubDataSource: DataSource, source: string): Promise<Anchor[]> {
  const rows = (await hubDataSource.query(`${AUDIT_SQL_MARK} SELECT head_seq, head_hash, rows FROM audit_anchor WHERE source = $1 ORDER BY seq`, [source])) as Array<{
    head_seq: string;
    head_hash: string;
    rows: string;
  }>;
  return rows.map((a) => ({ seq: Number(a.head_seq), hash: a.head_hash, rows: Number(a.rows) }));
}

/** The hashes stored at `seqs` in `table` (a missing row has none). */
export async function storedHashes(dataSource: DataSource, table: string, seqs: readonly number[]): Promise<Map<number, string>> {
  const stored = new Map<number, string>();
  for (let start = 0; start < seqs.length; start += 10_000) {
    const rows = (await dataSource.query(`${AUDIT_SQL_MARK} SELECT seq, hash FROM ${table} WHERE seq = ANY($1)`, [seqs.slice(start, start + 10_000)])) as Array<{ seq: string; hash: string }>;
    for (const row of rows) stored.set(Number(row.seq), row.hash);
  }
  return stored;
}

/**
 * What no longer matches the anchors, in seq order: each anchored row must still be there with the
 * anchored hash, and the table must hold at least as many rows as the latest anchor says.
 */
export function anchorBreaks(anchors: readonly Anchor[], stored: ReadonlyMap<number, string>, count: number): ChainBreak[] {
  const latest = anchors[anchors.length - 1];
  if (!latest) return [];
  // Keyed by reason: a row anchored several times is reported once.
  const breaks = new Map<string, ChainBreak>();
  for (const anchor of anchors) {
    const hash = stored.get(anchor.seq);
    const reason = hash === undefined ? anchorMissing(anchor.seq) : hash !== anchor.hash ? anchorChanged(anchor.seq) : null;
    if (reason) breaks.set(reason, { seq: anchor.seq, reason });
  }
  if (count < latest.rows) {
    const reason = anchorFewerRows(count, latest.rows);
    breaks.set(reason, { seq: latest.seq, reason });
  }
  return [...breaks.values()].sort((x, y) => x.seq - y.seq);
}
