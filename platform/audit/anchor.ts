import type { DataSource } from "typeorm";
import { AUDIT_SQL_MARK, appendChained, type AuditTable, type ChainBreak } from "./chain.js";
import { anchorBreaks, readAnchors, storedHashes } from "./anchor-check.js";

/*
 * A chain proves that no row inside it was changed, but not that none were cut off its end: a
 * truncated tail leaves a shorter, intact chain. So the gateway records every chain's head (last
 * seq, its hash, the row count) in the hub database from time to time, in `audit_anchor`, itself
 * a keyed chain; verification then checks each anchored row is still there, unchanged.
 */

/** The newest row of a chain, and how many rows the chain holds. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
  readonly rows: number;
}

/** One chain whose head is anchored, e.g. "customs.access_audit". */
export interface AnchorSource {
  readonly source: string;
  /** Null for an empty chain. */
  head(): Promise<ChainHead | null>;
}

/** The head of `table` (one statement, so seq, hash and count agree); null when it is empty. */
export async function readChainHead(dataSource: DataSource, table: AuditTable): Promise<ChainHead | null> {
  const rows = (await dataSource.query(
    `${AUDIT_SQL_MARK} SELECT seq, hash, (SELECT count(*) FROM ${table}) AS rows FROM ${table} ORDER BY seq DESC LIMIT 1`,
  )) as Array<{ seq: string; hash: string; rows: string }>;
  const head = rows[0];
  return head ? { seq: Number(head.seq), hash: head.hash, rows: Number(head.rows) } : null;
}

/** An anchor source reading a table in a database this process holds (the hub's own request audit). */
export const tableAnchorSource = (source: string, dataSource: DataSource, table: AuditTable): AnchorSource => ({
  source,
  head: () => readChainHead(dataSource, table),
});

/** What one round of anchoring did. */
export interface AnchorResult {
  /** Sources whose head changed and got a new anchor. */
  readonly anchored: readonly string[];
  /** Sources whose head is now behind their last anchor (fewer rows, or an older seq): rows were removed. */
  readonly wentBack: readonly string[];
}

/** Appends one anchor per source whose head changed since its last anchor (unchanged ones are skipped, to bound growth). */
export async function appendAnchors(
  hubDataSource: DataSource,
  hubKey: Buffer,
  heads: ReadonlyArray<{ readonly source: string; readonly head: ChainHead }>,
): Promise<AnchorResult> {
  if (heads.length === 0) return { anchored: [], wentBack: [] };
  const last = (await hubDataSource.query(
    `${AUDIT_SQL_MARK} SELECT DISTINCT ON (source) source, head_seq, head_hash, rows FROM audit_anchor WHERE source = ANY($1) ORDER BY source, seq DESC`,
    [heads.map((h) => h.source)],
  )) as Array<{ source: string; head_seq: string; head_hash: string; rows: string }>;
  const previous = new Map(last.map((a) => [a.source, a]));
  const at = new Date();
  const changed = heads.filter(({ source, head }) => {
    const before = previous.get(source);
    return !before || Number(before.head_seq) !== head.seq || before.head_hash !== head.hash || Number(before.rows) !== head.rows;
  });
  const wentBack = heads
    .filter(({ source, head }) => {
      const before = previous.get(source);
      return before !== undefined && (head.seq < Number(before.head_seq) || head.rows < Number(before.rows));
    })
    .map((h) => h.source);
  await appendChained(
    hubDataSource,
    "audit_anchor",
    changed.map(({ source, head }) => ({ at, source, head_seq: head.seq, head_hash: head.hash, rows: head.rows })),
    hubKey,
  );
  return { anchored: changed.map((h) => h.source), wentBack };
}

export interface AnchoringOptions {
  readonly hubDataSource: DataSource;
  /** The hub's chain key (audit_anchor is chained under it). */
  readonly key: Buffer;
  readonly sources: readonly AnchorSource[];
  readonly intervalMs: number;
  /** A source whose head could not be read or went back (source named), or a failed write (source null). */
  readonly onError: (error: unknown, source: string | null) => void;
}

export interface Anchoring {
  /** One round now; a call while a round runs waits for it and then runs one more. Never rejects. */
  anchorNow(): Promise<void>;
  stop(): void;
}

/** Anchors every source's head every `intervalMs` (the timer does not keep the process alive). */
export function startAnchoring(options: AnchoringOptions): Anchoring {
  const { hubDataSource, key, sources, onError } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const round = async (): Promise<void> => {
    const read = await Promise.allSettled(sources.map(async (s) => s.head()));
    const heads: Array<{ source: string; head: ChainHead }> = [];
    read.forEach((outcome, i) => {
      const source = (sources[i] as AnchorSource).source;
      if (outcome.status === "rejected") onError(outcome.reason, source);
      else if (outcome.value) heads.push({ source, head: outcome.value });
    });
    try {
      const result = await appendAnchors(hubDataSource, key, heads);
      for (const source of result.wentBack) onError(new Error(`audit chain ${source} is behind its last anchor: rows were removed`), source);
    } catch (error) {
      onError(error, null);
    }
  };

  const anchorNow = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!running) {
      running = round().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return anchorNow();
    });
    return queued;
  };

  const timer = setInterval(() => void anchorNow(), options.intervalMs);
  timer.unref();
  return {
    anchorNow,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** The anchors of one source, and what no longer matches them. */
export interface AnchorReport {
  readonly source: string;
  readonly anchors: number;
  /** In seq order. */
  readonly breaks: readonly ChainBreak[];
}

/**
 * Checks `table` against every anchor of `source` (anchor-check.ts), both databases at hand. The
 * anchors' own chain is checked by verifyChain(hub, "audit_anchor", key).
 */
export async function verifyAnchors(hubDataSource: DataSource, source: string, dataSource: DataSource, table: AuditTable): Promise<AnchorReport> {
  const anchors = await readAnchors(hubDataSource, source);
  if (anchors.length === 0) return { source, anchors: 0, breaks: [] };
  const stored = await storedHashes(dataSource, table, [...new Set(anchors.map((a) => a.seq))]);
  const count = Number(((await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0]?.n ?? 0);
  return { source, anchors: anchors.length, breaks: anchorBreaks(anchors, stored, count) };
}
