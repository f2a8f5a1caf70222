import type { DataSource } from "typeorm";
import { CompiledPolicy, type PolicySet } from "../../policies/index.js";
import pg from "pg";
import { POLICY_CHANNEL, readActivePolicy, readActiveVersion } from "./active.js";

/** No version known yet: no rule, so every governed field is denied and no record is visible. */
export const DENY_ALL = new CompiledPolicy({ version: "none", rules: [] });

/** How many compiled versions a service keeps: a request that began under the previous one finishes under it. */
const KEPT_VERSIONS = 8;

/**
 * The policy versions one service enforces: the active one, and a few before it, by version. It
 * follows the hub database (a version check every `intervalMs`; an activation also NOTIFYs) or the
 * gateway (gateway/policy-feed.ts); when its source is unreachable it keeps the last good version,
 * and with none at all it denies everything.
 */
export class PolicySource {
  private current: CompiledPolicy;
  private readonly kept = new Map<string, CompiledPolicy>();
  private timer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private checking: Promise<void> | null = null;

  constructor(initial: CompiledPolicy = DENY_ALL) {
    this.current = initial;
    if (initial !== DENY_ALL) this.kept.set(initial.version, initial);
  }

  /** The version a new request runs under. */
  active(): CompiledPolicy {
    return this.current;
  }

  /** A version this service holds (the active one or a recent one); undefined otherwise. */
  byVersion(version: string): CompiledPolicy | undefined {
    return this.kept.get(version);
  }

  /**
   * Runs before a version read from the hub database becomes active (the gateway pushes it to
   * subgraphs in other processes first, so none is asked for a version it does not hold yet).
   */
  beforeActivate: ((policy: CompiledPolicy) => Promise<void>) | null = null;

  /** Compiles and keeps a set without activating it: requests that name its version can use it. */
  hold(set: PolicySet): CompiledPolicy {
    let compiled = this.kept.get(set.version);
    if (!compiled) {
      compiled = new CompiledPolicy(set);
      this.kept.set(set.version, compiled);
      while (this.kept.size > KEPT_VERSIONS) this.kept.delete(this.kept.keys().next().value as string);
    }
    return compiled;
  }

  /** Makes a validated set the active version (compiled once; an unchanged version is kept as it is). */
  install(set: PolicySet): CompiledPolicy {
    this.current = this.hold(set);
    return this.current;
  }

  /** Checks the hub database once: installs the active set when its version changed. Never overlaps itself. */
  refreshFrom(hub: DataSource): Promise<void> {
    this.checking ??= (async () => {
      try {
        const version = await readActiveVersion(hub);
        if (version === null || version === this.current.version) return;
        const active = await readActivePolicy(hub);
        if (!active) return;
        const compiled = this.hold(active.set);
        await this.beforeActivate?.(compiled);
        this.current = compiled;
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  /** Follows the hub database every `intervalMs`; a failed check keeps the current version and is reported. */
  watch(hub: DataSource, intervalMs: number, onError: (error: unknown) => void): void {
    this.stop();
    this.timer = setInterval(() => void this.refreshFrom(hub).catch(onError), intervalMs);
    this.timer.unref();
  }

  /**
   * On PostgreSQL, also listens: an activation's NOTIFY triggers a check at once (the poll stays,
   * for a dropped connection). Not on the embedded database, whose one session the hub shares.
   */
  async listen(url: string, hub: DataSource, onError: (error: unknown) => void): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on("error", onError);
    client.on("notification", () => void this.refreshFrom(hub).catch(onError));
    await client.connect();
    await client.query(`LISTEN ${POLICY_CHANNEL}`);
    this.listener = client;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.listener?.end().catch(() => undefined);
    this.listener = null;
  }
}
