import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../gateway/limits/index.js";
import type { Caller } from "../../platform/http/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { auditRowsDuring } from "./edge-helpers.js";

/*
 * Issue 10 item 2: a token bucket per subject (RATE_LIMIT_BURST at once, RATE_LIMIT_PER_SECOND
 * after). Over quota: 429, Retry-After, RATE_LIMITED, audited; other subjects are unaffected.
 */

let th: TestHub;

beforeAll(async () => {
  th = await startTestHub({ env: { RATE_LIMIT_BURST: "3", RATE_LIMIT_PER_SECOND: "1" } });
});
afterAll(async () => {
  await th?.close();
});

const QUERY = `{ cases { totalCount } }`;

/** POSTs the query with the token (none: by address) and returns status, Retry-After and body. */
async function send(token: string | null) {
  const response = await fetch(th.hub.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-purpose": "investigation", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: QUERY }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, unknown> };
}

/** Answers in status order (requests sent at once finish in any order). */
const sorted = <T extends { status: number }>(answers: T[]) => [...answers].sort((x, y) => x.status - y.status);

const LIMITED = {
  status: 429,
  retryAfter: "1",
  body: {
    errors: [
      {
        message: "Rate limit exceeded: 3 requests at once, then 1 per second per subject (RATE_LIMIT_BURST, RATE_LIMIT_PER_SECOND); retry after 1 s",
        extensions: { retryAfterSeconds: 1, code: "RATE_LIMITED" },
      },
    ],
  },
};
const ANSWERED = { status: 200, retryAfter: null, body: { data: { cases: { totalCount: 0 } }, extensions: { policyVersion: expect.any(String) } } };

describe("rate limits per subject", () => {
  it("refuses subject A over its burst with 429 and RATE_LIMITED, audits it, still answers subject B, and answers A after the refill", async () => {
    const a = await th.token("POLICE", { sub: "rate-a" });
    const b = await th.token("POLICE", { sub: "rate-b" });
    await send(b); // warm: the burst below arrives at once
    const burst = await auditRowsDuring(th, () => Promise.all([send(a), send(a), send(a), send(a)]));
    expect(sorted(burst.result)).toEqual([ANSWERED, ANSWERED, ANSWERED, LIMITED]);
    expect(burst.rows.map((r) => [r.subject, r.outcome, r.error_codes]).sort()).toEqual([
      ["rate-a", "ok", []],
      ["rate-a", "ok", []],
      ["rate-a", "ok", []],
      ["rate-a", "refused", ["RATE_LIMITED"]],
    ]);
    expect(await send(b)).toEqual(ANSWERED);
    // 1 per second: one request's token is back after Retry-After.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(sorted(await Promise.all([send(a), send(a)]))).toEqual([ANSWERED, LIMITED]);
  });

  it("limits requests without a token by their address, apart from any subject", async () => {
    const unauthenticated = { status: 401, retryAfter: null, body: { errors: [{ message: "Unauthenticated: missing bearer token", extensions: { code: "UNAUTHENTICATED" } }] } };
    expect([await send(null), await send(null), await send(null)]).toEqual([unauthenticated, unauthenticated, unauthenticated]);
    expect(await send(null)).toEqual(LIMITED);
    expect(await send(await th.token("POLICE", { sub: "rate-c" }))).toEqual(ANSWERED);
  });

  it("charges a linkGraph request once, not again for its hops through the gateway", async () => {
    const token = await th.token("POLICE", { sub: "rate-links" });
    const linkGraph = await fetch(th.hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-purpose": "investigation", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `{ linkGraph(seeds: [{ kind: PHONE, value: "+447700900999" }], depth: 2) { depth nodes { id } } }` }),
    });
    expect([linkGraph.status, ((await linkGraph.json()) as { data: unknown }).data]).toEqual([200, { linkGraph: { depth: 1, nodes: [{ id: "phone:+447700900999" }] } }]);
    // The burst of 3 less the linkGraph request (its hop not charged): two more, then refused.
    expect(sorted(await Promise.all([send(token), send(token), send(token)]))).toEqual([ANSWERED, ANSWERED, LIMITED]);
  });
});

describe("rate limiter memory", () => {
  it("drops the buckets of idle subjects once they have refilled", () => {
    let now = 0;
    const limiter = createRateLimiter({ rateLimitPerSecond: 10, rateLimitBurst: 5 }, () => now);
    const req = { socket: { remoteAddress: "127.0.0.1" } } as Parameters<typeof limiter.take>[0];
    const caller = (sub: string) => ({ subject: { issuer: "i", sub }, actor: null }) as unknown as Caller;
    for (let i = 0; i < 1000; i += 1) limiter.take(req, caller(`s${i}`));
    expect(limiter.size).toBe(1000);
    now = 50; // half a token back: not yet full
    limiter.sweep();
    expect(limiter.size).toBe(1000);
    now = 200;
    limiter.take(req, caller("busy"));
    limiter.take(req, caller("busy"));
    limiter.sweep();
    expect(limiter.size).toBe(1);
    limiter.stop();
  });
});
