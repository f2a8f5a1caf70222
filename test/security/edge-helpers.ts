import type { TestHub } from "../helpers/hub.js";

/*
 * Shared by the edge's security tests (operation limits, rate limits, connections): what reached
 * the agencies and what the request audit recorded while one attempt ran.
 */

/** GraphQL requests every subgraph has received so far, from their /metrics (liaison_requests_total). */
async function subgraphRequests(th: TestHub): Promise<number> {
  const counts = await Promise.all(
    Object.entries(th.hub.subgraphs).map(async ([name, subgraph]) => {
      const text = await (await fetch(new URL("/metrics", subgraph?.url as string))).text();
      const line = text.split("\n").find((l) => l.startsWith(`liaison_requests_total{service="${name}"}`));
      return line ? Number(line.split(" ").pop()) : 0;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** Counts the GraphQL requests the subgraphs received while `run` runs. */
export async function subgraphCallsDuring<T>(th: TestHub, run: () => Promise<T>): Promise<{ result: T; subgraphCalls: number }> {
  const before = await subgraphRequests(th);
  const result = await run();
  return { result, subgraphCalls: (await subgraphRequests(th)) - before };
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
