import type { DataSource } from "typeorm";
import type { GatewayScope, Subject } from "../../platform/auth/index.js";
import { DATABASE_OWNERS, type SubgraphName } from "../../platform/config.js";
import { logLine } from "../../platform/log.js";
import { AGENCIES } from "../../schema/enums.js";
import type { MintCallToken } from "../subgraph-source.js";

/** An agency whose service keeps a delivery audit: its code (the `owner` of the API) and its service. */
export interface AuditedOwner {
  readonly agency: string;
  readonly service: SubgraphName;
}

/** Every database owner but the hub is an agency with a delivery audit (customs -> CUSTOMS). */
export const AUDITED_OWNERS: readonly AuditedOwner[] = DATABASE_OWNERS.filter((owner) => owner !== "hub").map((service) => ({
  agency: service.toUpperCase(),
  service: service as SubgraphName,
}));
if (!AUDITED_OWNERS.every((o) => (AGENCIES as readonly string[]).includes(o.agency))) throw new Error("audit API: a database owner is not an agency");

/** What the audit API needs from the gateway process. */
export interface AuditApiDeps {
  /** The hub database: request_audit, admin_audit, audit_anchor. */
  readonly hub: DataSource;
  /** The hub's chain key (verifies the hub's own chains). */
  readonly hubKey: Buffer;
  /** Signs each call to an agency's audit routes (gateway/trust.ts). */
  readonly mint: MintCallToken;
  /** Each agency service's GraphQL URL; the audit routes are beside it. */
  readonly urls: Readonly<Partial<Record<SubgraphName, string>>>;
  readonly purposes: readonly string[];
  readonly timeoutMs: number;
}

/** Who asks, carried in the token so the agency can decide again. */
export interface AuditCaller {
  readonly subject: Subject;
  readonly purpose: string;
  readonly justification: string | null;
  readonly requestId: string;
  readonly policyVersion: string;
}

/** The agency did not answer usefully (down, slow, or refused): reported as unavailable. */
export class AgencyUnavailable extends Error {}

/**
 * POSTs `body` to one of an agency's audit routes with a token minted for that call alone, bound to
 * the body. Any failure (unreachable, timeout, a refusal) is an AgencyUnavailable, logged without
 * the token.
 */
export async function askAgency<T>(deps: AuditApiDeps, owner: AuditedOwner, path: string, scope: GatewayScope, body: object, caller: AuditCaller, timeoutMs = deps.timeoutMs): Promise<T> {
  const graphqlUrl = deps.urls[owner.service];
  if (!graphqlUrl) throw new AgencyUnavailable(`${owner.service}: no URL configured`);
  try {
    const token = await deps.mint({
      subgraph: owner.service,
      scope,
      body,
      subject: caller.subject,
      purpose: caller.purpose,
      justification: caller.justification,
      requestId: caller.requestId,
      policyVersion: caller.policyVersion,
    });
    const response = await fetch(new URL(path, graphqlUrl), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-request-id": caller.requestId },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 300);
      throw new AgencyUnavailable(`${owner.service} answered ${response.status} to ${path}: ${detail}`);
    }
    return (await response.json()) as T;
  } catch (error) {
    const failure = error instanceof AgencyUnavailable ? error : new AgencyUnavailable(`${owner.service} did not answer ${path}: ${error instanceof Error ? error.message : String(error)}`);
    logLine("gateway", "audit API:", failure.message);
    throw failure;
  }
}
