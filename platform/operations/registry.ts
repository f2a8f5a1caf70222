import type { DataSource } from "typeorm";
import type { Subject } from "../../schema/subject.js";

/** One joint operation of the registry. */
export interface JointOperation {
  readonly id: string;
  readonly name: string;
  readonly memberAgencies: readonly string[];
  /** First and last day (YYYY-MM-DD, UTC) the operation counts; validTo null: open-ended. */
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** What a subgraph asks of the registry: which of a subject's claimed operations count now. */
export interface OperationDirectory {
  effectiveOperations(subject: Subject, now?: Date): string[];
}

/** How often a watching registry re-reads the table: a change counts everywhere within seconds. */
export const OPERATION_POLL_MS = 3000;

// No bound parameters: the query goes out as one simple-protocol message, which cannot
// interleave with another client's extended-protocol exchange on the embedded database.
const SELECT = `SELECT "id", "name", "member_agencies" AS "memberAgencies",
  to_char("valid_from", 'YYYY-MM-DD') AS "validFrom", to_char("valid_to", 'YYYY-MM-DD') AS "validTo"
  FROM "joint_operation" WHERE "closed_at" IS NULL`;

/**
 * The registries polling each database in this process. An edit made in this process (the
 * operations administration of the in-process hub) refreshes them at once instead of at the next
 * poll; a service in another process still learns of it by polling.
 */
const watching = new Map<DataSource, Set<OperationRegistry>>();

/**
 * Tells the registries of this process that poll `dataSource` that its operations changed, and
 * waits until they have re-read them. Never rejects: the change is committed either way, and a
 * failed read is retried at the next poll.
 */
export async function operationsChanged(dataSource: DataSource): Promise<void> {
  const registries = [...(watching.get(dataSource) ?? [])];
  await Promise.all(registries.map((registry) => registry.refresh().catch(() => undefined)));
}

/**
 * The joint operations of the hub database, held in memory. A token's `operations` claim is only
 * a request: a claim counts when the registry has that operation, the subject's agency is a
 * member, today (UTC) is within its validity, and it is not closed. An empty registry lets no
 * claim count.
 */
export class OperationRegistry implements OperationDirectory {
  private operations: ReadonlyMap<string, JointOperation> = new Map();
  private source: DataSource | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Reads run one after the other, so an older snapshot never replaces a newer one. */
  private reads: Promise<void> = Promise.resolve();
  /** A read queued but not started yet: whoever asks now is served by it. */
  private queued: Promise<void> | undefined;

  /** Replaces the snapshot with the table's rows (and remembers the source for `refresh`). */
  async load(dataSource: DataSource): Promise<void> {
    this.source = dataSource;
    const rows = (await dataSource.query(SELECT)) as JointOperation[];
    this.operations = new Map(rows.map((row) => [row.id, Object.freeze({ ...row, memberAgencies: Object.freeze([...row.memberAgencies]) })]));
  }

  /**
   * Re-reads the table (after an edit), from the last source loaded. The read starts after this
   * call, never before: joining a read already under way could miss the edit the caller waits for.
   */
  refresh(): Promise<void> {
    const source = this.source;
    if (!source) return Promise.resolve();
    if (!this.queued) {
      const read = this.reads.then(() => {
        this.queued = undefined;
        return this.load(source);
      });
      this.queued = read;
      this.reads = read.catch(() => undefined);
    }
    return this.queued;
  }

  /**
   * Polls the table every `intervalMs`. A failed read keeps the last snapshot (an outage of the
   * hub database does not grant anything new) and is retried on the next tick.
   */
  watch(dataSource: DataSource, intervalMs = OPERATION_POLL_MS, onError: (error: unknown) => void = () => {}): void {
    this.stop();
    this.source = dataSource;
    const registries = watching.get(dataSource) ?? new Set<OperationRegistry>();
    watching.set(dataSource, registries.add(this));
    this.timer = setInterval(() => void this.refresh().catch(onError), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const [dataSource, registries] of watching) {
      if (registries.delete(this) && registries.size === 0) watching.delete(dataSource);
    }
  }

  /** The operation as registered, or undefined. */
  get(id: string): JointOperation | undefined {
    return this.operations.get(id);
  }

  effectiveOperations(subject: Subject, now: Date = new Date()): string[] {
    const today = now.toISOString().slice(0, 10);
    return subject.operations.filter((id) => {
      const operation = this.operations.get(id);
      return (
        operation !== undefined &&
        operation.memberAgencies.includes(subject.agency) &&
        operation.validFrom <= today &&
        (operation.validTo === null || today <= operation.validTo)
      );
    });
  }
}

/** The subject with only the operations that count (the same object when all of them do). */
export function withEffectiveOperations(subject: Subject, directory: OperationDirectory | undefined, now: Date = new Date()): Subject {
  const operations = directory ? directory.effectiveOperations(subject, now) : [];
  if (operations.length === subject.operations.length) return subject;
  return Object.freeze({ ...subject, operations: Object.freeze(operations) });
}

/** Adds operations the registry does not have yet (the demo's; existing ids are left as they are). */
export async function registerOperations(dataSource: DataSource, operations: readonly JointOperation[]): Promise<void> {
  for (const op of operations) {
    await dataSource.query(
      `INSERT INTO "joint_operation" ("id", "name", "member_agencies", "valid_from", "valid_to") VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("id") DO NOTHING`,
      [op.id, op.name, [...op.memberAgencies], op.validFrom, op.validTo],
    );
  }
}
