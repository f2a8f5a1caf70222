import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { METRICS_CONTENT_TYPE, type ServiceMetrics } from "./metrics.js";

/**
 * Who may scrape: the metrics name no subject, identifier or query, but operation names, rule ids
 * and volumes still tell one agency what the others are doing. With METRICS_TOKEN (or
 * METRICS_TOKEN_FILE) set, /metrics wants `Authorization: Bearer <token>`; in production it is
 * closed until one is set; elsewhere it is open.
 */
export interface MetricsAccess {
  readonly production: boolean;
  readonly token: string | null;
}

/** METRICS_TOKEN_FILE (a secret file, trimmed) or METRICS_TOKEN; null when neither is set. */
export function metricsAccessFrom(env: Readonly<Record<string, string | undefined>>, production: boolean): MetricsAccess {
  const file = env.METRICS_TOKEN_FILE;
  const token = file ? readFileSync(file, "utf8").trim() : (env.METRICS_TOKEN ?? "").trim();
  return { production, token: token === "" ? null : token };
}

const digest = (text: string) => createHash("sha256").update(text).digest();

function allowed(req: IncomingMessage, access: MetricsAccess): boolean {
  if (!access.token) return !access.production;
  const match = /^Bearer ([^\s]+)$/.exec(req.headers.authorization ?? "");
  // Compared as digests: equal length, constant time.
  return Boolean(match?.[1]) && timingSafeEqual(digest(match?.[1] ?? ""), digest(access.token));
}

/** The /metrics route of one service. */
export function metricsRoute(metrics: ServiceMetrics, access: MetricsAccess): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (!allowed(req, access)) {
      res.statusCode = access.token ? 401 : 403;
      if (access.token) res.setHeader("www-authenticate", 'Bearer realm="metrics"');
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(access.token ? "metrics need the METRICS_TOKEN bearer\n" : "metrics are closed in production until METRICS_TOKEN is set\n");
      return;
    }
    res.setHeader("content-type", METRICS_CONTENT_TYPE);
    res.end(await metrics.text());
  };
}
