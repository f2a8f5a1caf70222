import { randomUUID } from "node:crypto";
import type { CompiledPolicy } from "../policies/index.js";
import type { SubgraphName } from "../platform/config.js";
import type { GatewayTrust } from "./trust.js";
import { POLICY_INSTALL_PATH } from "../platform/subgraph/policy-install.js";

/*
 * How subgraphs in their own processes (docker compose) get the active policy set: the gateway,
 * which reads the hub database, pushes it to each of them, signed into a gateway token bound to
 * the set itself (`scope: policy`). Nobody pulls: no endpoint hands the policy set to whoever asks.
 * A new version reaches every subgraph before the gateway runs requests under it; a subgraph that
 * missed it (restarted, unreachable) gets it within a second, and until then refuses requests
 * naming it (fail closed), while keeping its last good version for the others.
 */

export { POLICY_INSTALL_PATH };

/** Asks one subgraph whether it holds a version; sends the whole set only when it does not. */
async function pushTo(name: SubgraphName, graphqlUrl: string, trust: GatewayTrust, policy: CompiledPolicy): Promise<void> {
  const url = new URL(POLICY_INSTALL_PATH, graphqlUrl);
  const send = async (body: Record<string, unknown>): Promise<{ held: boolean }> => {
    const token = await trust.mint({ subgraph: name, scope: "policy", body, requestId: randomUUID() });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`${name} answered ${response.status} to a policy push`);
    return (await response.json()) as { held: boolean };
  };
  const { held } = await send({ version: policy.set.version });
  if (!held) await send({ version: policy.set.version, rules: policy.set.rules });
}

export interface PolicyPush {
  /** Makes every subgraph hold `policy` (before the gateway activates it); resolves when all answered or failed. */
  pushNow(policy: CompiledPolicy): Promise<void>;
  stop(): void;
}

/** Pushes `policy()` to every subgraph every `intervalMs`, and on demand. */
export function startPolicyPush(options: {
  readonly urls: Readonly<Partial<Record<SubgraphName, string>>>;
  readonly trust: GatewayTrust;
  readonly policy: () => CompiledPolicy;
  readonly intervalMs: number;
  readonly onError: (error: unknown) => void;
}): PolicyPush {
  const pushNow = async (policy: CompiledPolicy) => {
    const results = await Promise.allSettled(
      Object.entries(options.urls).map(([name, url]) => pushTo(name as SubgraphName, url as string, options.trust, policy)),
    );
    for (const result of results) if (result.status === "rejected") options.onError(result.reason);
  };
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void pushNow(options.policy()).finally(() => {
      running = false;
    });
  }, options.intervalMs);
  timer.unref();
  return { pushNow, stop: () => clearInterval(timer) };
}
