import type { IncomingMessage } from "node:http";
import type { OperationLimits } from "../../platform/config.js";
import { LimitRefusal, type Caller } from "../../platform/http/index.js";
import { ErrorCode } from "../../schema/errors.js";

/*
 * A token bucket per subject (issuer and sub; a request without a verified token by its remote
 * address): RATE_LIMIT_BURST requests at once, refilled at RATE_LIMIT_PER_SECOND. Over quota: 429
 * with Retry-After and RATE_LIMITED, audited as a refused request; other subjects are unaffected.
 *
 * A hop of a link expansion is not charged again: the caller's linkGraph request already took
 * its token, and the gateway mints one on-behalf-of grant per request, good for at most 16 hops
 * (gateway/on-behalf-of.ts MAX_HOPS) within 60 s, so one request never becomes a stream.
 */

/** Buckets kept at most; past this the least recently used go first (memory stays bounded under a flood of addresses). */
const MAX_BUCKETS = 100_000;
const SWEEP_INTERVAL_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  /** Takes one request's token for this caller, or throws the 429 refusal. */
  take(req: IncomingMessage, caller: Caller): void;
  /** Buckets held now (tests: idle ones are evicted). */
  readonly size: number;
  /** Drops every bucket that has refilled (runs every minute by itself). */
  sweep(): void;
  stop(): void;
}

export function createRateLimiter(limits: Pick<OperationLimits, "rateLimitPerSecond" | "rateLimitBurst">, now: () => number = Date.now): RateLimiter {
  const rate = limits.rateLimitPerSecond;
  const burst = limits.rateLimitBurst;
  const off = rate === 0 || burst === 0;
  const buckets = new Map<string, Bucket>();
  const level = (bucket: Bucket, at: number) => Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * rate);
  // A bucket that has refilled is the same as none: dropped, so idle subjects hold no memory.
  const sweep = () => {
    const at = now();
    for (const [key, bucket] of buckets) if (level(bucket, at) >= burst) buckets.delete(key);
  };
  const timer = off ? null : setInterval(sweep, SWEEP_INTERVAL_MS);
  timer?.unref();
  return {
    take(req, caller) {
      if (off || caller.actor) return;
      const key = caller.subject ? `sub ${caller.subject.issuer} ${caller.subject.sub}` : `addr ${req.socket.remoteAddress ?? "?"}`;
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at };
      buckets.delete(key); // re-inserted last: the map's order is least recently used first
      bucket.tokens = level(bucket, at);
      bucket.at = at;
      buckets.set(key, bucket);
      if (buckets.size > MAX_BUCKETS) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate));
      throw new LimitRefusal(
        429,
        `Rate limit exceeded: ${burst} requests at once, then ${rate} per second per subject (RATE_LIMIT_BURST, RATE_LIMIT_PER_SECOND); retry after ${retryAfter} s`,
        ErrorCode.RATE_LIMITED,
        { retryAfterSeconds: retryAfter },
        { "retry-after": String(retryAfter) },
      );
    },
    get size() {
      return buckets.size;
    },
    sweep,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
