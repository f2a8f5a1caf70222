import { Agent, request } from "undici";

/*
 * The gateway's HTTP client for subgraph calls: undici's request API on one keep-alive pool, not
 * fetch. Under load Node's fetch (undici behind WHATWG streams, Request/Response and a node-fetch
 * Request @apollo/gateway builds per call) was a third of the gateway's CPU; this path keeps the
 * connection pool and skips the stream layers.
 */

/** Connections kept per subgraph origin: enough for a burst of parallel plan steps without queueing. */
const CONNECTIONS_PER_ORIGIN = 128;

let shared: Agent | null = null;

/** One pool for the process: sockets are per origin inside it, idle ones close after 30 s. */
export function subgraphAgent(): Agent {
  shared ??= new Agent({ connections: CONNECTIONS_PER_ORIGIN, pipelining: 1, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
  return shared;
}

/** What came back from a subgraph, its body still text (each consumer parses its own copy). */
export interface SubgraphReply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

/** POSTs one JSON body; the whole call (headers and body) must finish within `timeoutMs`. */
export async function postSubgraph(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SubgraphReply> {
  const response = await request(url, {
    method: "POST",
    headers,
    body,
    dispatcher: subgraphAgent(),
    signal: AbortSignal.timeout(timeoutMs),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const text = await response.body.text();
  const type = response.headers["content-type"];
  return { status: response.statusCode, contentType: Array.isArray(type) ? (type[0] ?? "") : (type ?? ""), text };
}
