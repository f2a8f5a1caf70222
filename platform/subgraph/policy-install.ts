import type { IncomingMessage, ServerResponse } from "node:http";
import type { PolicyRule } from "../../policies/index.js";
import { readJsonBody, readSubgraphCaller, Refusal, sendJson, type SubgraphTrust } from "../http/index.js";
import type { PolicySource } from "../policy-store/index.js";

/** Where the gateway pushes policy sets to a subgraph in its own process (gateway/policy-push.ts). */
export const POLICY_INSTALL_PATH = "/policy/install";

const MAX_BODY_BYTES = 5_000_000;
const VERSION = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `POST /policy/install`: answers only a gateway token minted for this body (`scope: policy`).
 * `{version}` asks whether the version is held; `{version, rules}` holds it and makes it active.
 * The rules were validated when they were approved; the gateway's signature vouches for them.
 */
export function policyInstallRoute(source: Pick<PolicySource, "hold" | "install" | "byVersion">, trust: SubgraphTrust) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      if (req.method !== "POST") throw new Refusal(405, "POST a policy set", "BAD_USER_INPUT");
      const body = await readJsonBody(req, MAX_BODY_BYTES);
      await readSubgraphCaller(req, body, trust, "policy");
      const { version, rules } = (body ?? {}) as { version?: unknown; rules?: unknown };
      if (typeof version !== "string" || !VERSION.test(version)) throw new Refusal(400, "version is missing or malformed", "BAD_USER_INPUT");
      if (rules !== undefined) {
        if (!Array.isArray(rules)) throw new Refusal(400, "rules must be a list", "BAD_USER_INPUT");
        source.install({ version, rules: rules as PolicyRule[] });
      }
      sendJson(res, 200, { version, held: source.byVersion(version) !== undefined });
    } catch (error) {
      if (error instanceof Refusal) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      throw error;
    }
  };
}
