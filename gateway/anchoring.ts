import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { startAnchoring, tableAnchorSource, type AnchorSource, type Anchoring, type ChainHead } from "../platform/audit/index.js";
import { DATABASE_OWNERS, type LiaisonConfig, type SubgraphName } from "../platform/config.js";
import { logLine } from "../platform/log.js";
import type { GatewayTrust } from "./trust.js";

/** The agency services that keep a delivery audit (every database owner but the hub). */
const AUDITED_SUBGRAPHS = DATABASE_OWNERS.filter((owner): owner is Exclude<typeof owner, "hub"> => owner !== "hub");

const isHead = (value: unknown): value is ChainHead => {
  const head = value as Partial<ChainHead> | null;
  return Boolean(head) && Number.isSafeInteger(head?.seq) && Number.isSafeInteger(head?.rows) && typeof head?.hash === "string" && /^[0-9a-f]{64}$/.test(head.hash);
};

/** One agency's delivery-audit head, read over HTTP with a token minted for that call alone. */
function subgraphHeadSource(name: SubgraphName, graphqlUrl: string, trust: GatewayTrust): AnchorSource {
  const url = new URL("/audit/head", graphqlUrl);
  return {
    source: `${name}.access_audit`,
    async head() {
      const token = await trust.mint({ subgraph: name, scope: "audit-head", body: undefined, requestId: randomUUID() });
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`${name} answered ${response.status} for its audit head`);
      const { head } = (await response.json()) as { head: unknown };
      if (head !== null && !isHead(head)) throw new Error(`${name} sent a malformed audit head`);
      return head;
    },
  };
}

/**
 * Anchors every audit chain's head in the hub database at a fixed interval (platform/audit/anchor.ts):
 * the hub's own request audit, read directly, and each agency's delivery audit, read from its
 * service. A truncated tail then shows in `npm run audit -- verify`.
 */
export function startGatewayAnchoring(config: LiaisonConfig, hub: DataSource, key: Buffer, urls: Readonly<Record<string, string>>, trust: GatewayTrust): Anchoring {
  const sources: AnchorSource[] = [tableAnchorSource("hub.request_audit", hub, "request_audit"), tableAnchorSource("hub.admin_audit", hub, "admin_audit")];
  for (const name of AUDITED_SUBGRAPHS) {
    const url = urls[name];
    if (url) sources.push(subgraphHeadSource(name, url, trust));
  }
  return startAnchoring({
    hubDataSource: hub,
    key,
    sources,
    intervalMs: config.auditAnchorIntervalSeconds * 1000,
    onError: (error, source) => logLine("gateway", `audit anchoring${source ? ` of ${source}` : ""} failed:`, error instanceof Error ? error.message : String(error)),
  });
}

