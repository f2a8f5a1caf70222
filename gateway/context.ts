import type { Caller } from "../platform/http/index.js";

/** Per-request gateway context: the verified caller, forwarded to every subgraph. */
export interface GatewayContext {
  readonly caller: Caller;
}
