import { vi } from "vitest";
import type { TestHub } from "../helpers/hub.js";

/*
 * Shared by the edge's security tests (operation limits, rate limits, connections): what reached
 * the agencies and what the request audit recorded while one attempt ran.
 */

/** Counts the gateway's calls to any subgraph while `run` runs (the gateway calls them with this process's fetch). */
export async function subgraphCallsDuring<T>(th: TestHub, run: () => Promise<T>): Promise<{ result: T; subgraphCalls: number }> {
  const urls = Object.values(th.hub.subgraphs).map((s) => new URL(s?.url as string).origin);
  const realFetch = globalThis.fetch;
  let subgraphCalls = 0;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (urls.some((origin) => url.startsWith(origin))) subgraphCalls += 1;
    return realFetch(input, init);
  });
  try {
    return { result: await run(), subgraphCalls };
  } finally {
    spy.mockRestore();
  }
}

/** The request-audit rows written while `run` runs. */
export async function auditRowsDuring<T>(th: TestHub, run: () => Promise<T>): Promise<{ result: T; rows: Array<{ subject: string; outcome: string; error_codes: string[] }> }> {
  const [before] = (await th.hub.gateway.hubDataSource.query(`SELECT coalesce(max(seq), 0)::int AS n FROM request_audit`)) as Array<{ n: number }>;
  const result = await run();
  const rows = (await th.hub.gateway.hubDataSource.query(`SELECT subject, outcome, error_codes FROM request_audit WHERE seq > $1 ORDER BY seq`, [before?.n ?? 0])) as Array<{
    subject: string;
    outcome: string;
    error_codes: string[];
  }>;
  return { result, rows };
}
