import type { Subject } from "../platform/auth/index.js";
import type { Caller } from "../platform/http/index.js";

/** Per-request gateway context: the verified caller, and the subject every subgraph call vouches for. */
export interface GatewayContext {
  readonly caller: Caller;
  /** The caller's subject with only the joint operations the registry confirms today; null without a verified token. */
  readonly subject: Subject | null;
  /** The policy version this request runs under, taken once when it arrives (audit, answer, every subgraph). */
  readonly policyVersion: string;
}
