import type { DataSource } from "typeorm";
import type { PolicySet } from "../../../policies/index.js";
import type { PolicyCase } from "../../../policies/testing/index.js";
import { startSandboxProcess, type SandboxHub } from "./sandbox-child.js";

/** One case's outcome under one set: it passes when its answer is exactly as expected. */
export interface CaseOutcome {
  readonly passed: boolean;
  readonly failures: readonly string[];
}

/** Starts the hub a sandbox runs cases on (a real in-memory hub over the demo data); `cancel` cuts a start short. */
export type SandboxStarter = (set: PolicySet) => Promise<SandboxHub> & { cancel?(): void };

/** Results kept by set version and case files: the active set's are asked for by every proposal. */
const RESULTS_KEPT = 8;

/**
 * The admin service's case sandbox: a real hub in memory over the demo data, started on first need
 * (or warmed in the background when the service starts) and kept running, that runs policy test
 * cases under any set. It serves one set at a time, so runs are serialised; each run switches it to
 * its set first. It never touches the deployment's databases (its hub is configured from scratch),
 * and runs in a process of its own (sandbox-child.ts): PGlite's WASM work would otherwise hold the
 * service's event loop for seconds.
 */
export class CaseSandbox {
  private hub: (Promise<SandboxHub> & { cancel?(): void }) | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly results = new Map<string, CaseOutcome[]>();
  private closed = false;
  /** How long the last start took (ms), for the report and the logs. */
  startMs: number | null = null;

  constructor(private readonly start: SandboxStarter) {}

  /** Whether its hub is running (a run now pays no start). */
  get warm(): boolean {
    return this.startMs !== null && this.hub !== null;
  }

  /** Starts its hub if it is not running; resolves once it is. */
  async ready(set: PolicySet): Promise<SandboxHub> {
    if (this.closed) throw new Error("the case sandbox is closed");
    if (!this.hub) {
      const started = performance.now();
      const hub = this.start(set);
      this.hub = hub;
      this.startMs = null;
      hub.then(
        () => (this.startMs = Math.round(performance.now() - started)),
        () => {
          if (this.hub === hub) this.hub = null; // the next run tries again
        },
      );
    }
    return this.hub;
  }

  /** The outcome of every case under `set`, in order; `key` names the case files (their hash), for the results kept. */
  run(set: PolicySet, cases: readonly PolicyCase[], key: string): Promise<CaseOutcome[]> {
    const id = `${set.version} ${key}`;
    const kept = this.results.get(id);
    if (kept) return Promise.resolve(kept);
    if (cases.length === 0) return Promise.resolve([]);
    return this.exclusive(async () => {
      const again = this.results.get(id);
      if (again) return again;
      const hub = await this.ready(set);
      const answers = await hub.run(set, cases);
      const outcomes = answers.map((failures) => ({ passed: failures.length === 0, failures }));
      // A write the case expected refused may have been served: its record would change later answers.
      const written = cases.some((c, i) => !outcomes[i]?.passed && /^\s*mutation\b/.test(c.query) && Object.keys(c.expect.denied).length > 0);
      this.results.set(id, outcomes);
      for (const old of [...this.results.keys()].slice(0, Math.max(0, this.results.size - RESULTS_KEPT))) this.results.delete(old);
      if (written) await this.recycle();
      return outcomes;
    });
  }

  /** Stops its hub; the next run starts a fresh one over fresh demo data. */
  private async recycle(): Promise<void> {
    const hub = this.hub;
    this.hub = null;
    this.startMs = null;
    await (await hub?.catch(() => null))?.close();
  }

  /** Stops its hub (a start under way is cut short); a run in flight fails, later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.startMs === null) this.hub?.cancel?.();
    await this.recycle();
  }

  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** The sandbox of each running admin service, by its hub database connection. */
const sandboxes = new WeakMap<DataSource, CaseSandbox>();

/** Opens the case sandbox of an admin service (its prepare step); returns its close. */
export function openCaseSandbox(dataSource: DataSource, purposes: readonly string[], start?: SandboxStarter): { sandbox: CaseSandbox; close(): Promise<void> } {
  const starter: SandboxStarter = start ?? ((set) => startSandboxProcess(set, purposes));
  const sandbox = new CaseSandbox(starter);
  sandboxes.set(dataSource, sandbox);
  return {
    sandbox,
    async close() {
      if (sandboxes.get(dataSource) === sandbox) sandboxes.delete(dataSource);
      await sandbox.close();
    },
  };
}

/** The case sandbox of the admin service on this connection. */
export function caseSandboxOf(dataSource: DataSource): CaseSandbox {
  const sandbox = sandboxes.get(dataSource);
  if (!sandbox) throw new Error("no case sandbox: the admin service was started without its prepare step");
  return sandbox;
}
