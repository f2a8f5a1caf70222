import type { LiaisonConfig } from "../platform/config.js";
import { CompiledPolicy, loadPolicySet } from "../policies/index.js";
import { readSupergraph } from "../schema/supergraph.js";

/**
 * Loads and validates the policy documents of `POLICY_DIR` against the committed supergraph.
 * An invalid set throws PolicyError naming file, rule and reason: the hub refuses to start.
 * Returns the accessor services read per request.
 */
export async function loadActivePolicy(config: LiaisonConfig): Promise<() => CompiledPolicy> {
  const compiled = new CompiledPolicy(await loadPolicySet(config.policyDir, await readSupergraph(), config.purposes));
  return () => compiled;
}
