import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { HttpTimeouts } from "../config.js";
import { logLine } from "../log.js";

/** A plain route next to /graphql (health, readiness, metrics). */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly host: string;
  readonly port: number;
  /** Builds the request's context from its headers and parsed body; throw a Refusal to answer before any GraphQL work. */
  readonly context: (req: IncomingMessage, body: unknown) => Promise<TContext>;
  readonly routes?: Readonly<Record<string, Route>>;
  /** Request bodies above this are refused with 413 before parsing. */
  readonly maxBodyBytes?: number;
  /**
   * Refuse automatic persisted queries here, before Apollo (default true), with the answer Apollo
   * gives when they are off: whether a hash is known must never show. The gateway turns this
   * off because its Apollo server refuses them itself, inside the audited pipeline.
   */
  readonly refusePersistedQueries?: boolean;
  /** Called for a request refused before GraphQL runs (unreadable or oversized body), before the answer is sent (the gateway audits it). */
  readonly onRefused?: (req: IncomingMessage, res: ServerResponse, refusal: { status: number; code: string }) => Promise<void>;
  /** Operations one batched request may hold (the gateway's MAX_BATCH_OPERATIONS); absent: Apollo's own answer (batching off). */
  readonly maxBatchOperations?: number;
  /** Slow clients and connection count (config.http); Node's defaults (72 s, 300 s, no cap) when absent. */
  readonly timeouts?: HttpTimeouts;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A request refused before GraphQL runs (no trusted credentials): the status, message and code the caller gets. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    /** More for the caller (the limit, the allowed values) and HTTP headers (Retry-After). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The GraphQL answer's body. */
  get body(): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
    return { errors: [{ message: this.message, extensions: { ...this.extensions, code: this.code } }] };
  }
}

/**
 * What we read of an oversized body, to leave the connection usable: the rest is read and thrown
 * away up to this many times the limit (the client then reads our 413 and may send its next
 * request); beyond it the connection is closed.
 */
const DRAIN_FACTOR = 8;

/** A request over one of the edge's limits (tokens, rate): answered by the refusal path, so it is audited. */
export class LimitRefusal extends Refusal {}

/** An oversized body: the refusal, and whether the connection still carries another request. */
class TooLarge extends LimitRefusal {
  constructor(limit: number, readonly drained: boolean, setting: string | null) {
    // Only a bound the operator sets is named: the fixed bounds of internal routes have no setting.
    super(413, `request body too large: at most ${limit} bytes${setting ? ` (${setting})` : ""}`, "BAD_USER_INPUT", { ...(setting ? { limit: setting } : {}), max: limit });
  }
}

/**
 * Reads a whole body, never more than `limit` bytes kept. Listens rather than iterates: leaving a
 * for-await loop destroys the request and with it the socket, so the client never reads our 413
 * (its keep-alive connection hung). Past the limit the rest is discarded until the body ends.
 */
function readBody(req: IncomingMessage, limit: number, setting: string | null): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers["content-length"] ?? 0);
    let over = declared > limit;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (!over && size > limit) over = true;
      if (!over) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) {
        req.pause();
        reject(new TooLarge(limit, false, setting));
      }
    });
    req.on("end", () => (over ? reject(new TooLarge(limit, true, setting)) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/** Reads a request body: JSON parsed, other types as text; a Refusal (413, 400) when too large or not JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number, setting: string | null = null): Promise<unknown> {
  const body = await readBody(req, limit, setting);
  if (body.length === 0) return undefined;
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) return body.toString("utf8");
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new Refusal(400, "request body is not valid JSON", "BAD_USER_INPUT");
  }
}

/** The answer Apollo gives with `persistedQueries: false`, after our formatError. */
export const PERSISTED_QUERY_REFUSAL = { message: "PersistedQueryNotSupported", extensions: { code: "BAD_USER_INPUT" } } as const;

function asksPersistedQuery(body: unknown, search: URLSearchParams): boolean {
  const inBody = (item: unknown) => Boolean(item && typeof item === "object" && (item as { extensions?: { persistedQuery?: unknown } }).extensions?.persistedQuery);
  if (Array.isArray(body) ? body.some(inBody) : inBody(body)) return true;
  return search.get("extensions")?.includes("persistedQuery") ?? false;
}

/** A refusal's answer: its status, headers and GraphQL error. */
export function answerRefusal(res: ServerResponse, refusal: Refusal): void {
  for (const [name, value] of Object.entries(refusal.headers)) res.setHeader(name, value);
  sendJson(res, refusal.status, refusal.body);
}

function refuseBatch(operations: number, max: number): void {
  if (max <= 1) throw new Refusal(400, "Batched requests are off (MAX_BATCH_OPERATIONS=1): send one operation per request", "BAD_USER_INPUT", { limit: "MAX_BATCH_OPERATIONS", max });
  if (operations > max) {
    throw new Refusal(400, `A batch may hold at most ${max} operations (MAX_BATCH_OPERATIONS); this one holds ${operations}`, "BAD_USER_INPUT", { limit: "MAX_BATCH_OPERATIONS", max });
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

/**
 * Serves an Apollo Server on node:http with a few plain routes. Written here rather than
 * taken from express: the hub needs only this, and one small adapter serves the gateway and
 * every subgraph alike.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: HttpServerOptions<TContext>): Promise<RunningServer> {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = options.routes?.[url.pathname];
    if (route) return route(req, res);
    if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found" });
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const body = req.method === "POST" ? await readJsonBody(req, limit, "MAX_BODY_BYTES") : undefined;
    if (Array.isArray(body) && options.maxBatchOperations !== undefined) refuseBatch(body.length, options.maxBatchOperations);
    let context: TContext;
    try {
      context = await options.context(req, body);
    } catch (error) {
      // A limit's refusal is audited like an unreadable body; the caller checks answer at once, as before.
      if (error instanceof Refusal && !(error instanceof LimitRefusal)) return answerRefusal(res, error);
      throw error;
    }
    if ((options.refusePersistedQueries ?? true) && asksPersistedQuery(body, url.searchParams)) {
      return sendJson(res, 400, { errors: [PERSISTED_QUERY_REFUSAL] });
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body },
      context: async () => context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const refuse = async (req: IncomingMessage, res: ServerResponse, error: Refusal): Promise<void> => {
    try {
      await options.onRefused?.(req, res, { status: error.status, code: error.code });
    } catch (hookError) {
      logLine("http", "refused request not audited:", hookError instanceof Error ? hookError.message : String(hookError));
    }
    // Only when the rest of an oversized body was not read: this connection cannot carry another request.
    if (error instanceof TooLarge && !error.drained) {
      res.setHeader("connection", "close");
      res.once("finish", () => req.socket.destroySoon());
    }
    answerRefusal(res, error);
  };
  const timeouts = options.timeouts;
  const server = http.createServer(
    timeouts
      ? {
          // Node refuses a header timeout above the request timeout.
          headersTimeout: Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs),
          requestTimeout: timeouts.requestTimeoutMs,
          keepAliveTimeout: timeouts.keepAliveTimeoutMs,
          // Node checks both timeouts on this tick (30 s by default): often enough to cut close to them.
          connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersTimeoutMs / 4))),
        }
      : {},
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (error instanceof Refusal) return refuse(req, res, error);
        // The client left (or a timeout cut it) before its body arrived: nobody to answer, nothing broken here.
        if ((error as NodeJS.ErrnoException | null)?.code === "ECONNRESET" && req.destroyed) return;
        // Full detail stays in our log; the caller gets no stack.
        logLine("http", error instanceof Error ? error : String(error));
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        else res.end();
      });
    },
  );
  if (timeouts) server.maxConnections = timeouts.maxConnections;
  else server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}/graphql`,
    port,
    async close() {
      await options.apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
