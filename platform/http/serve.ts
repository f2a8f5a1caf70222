import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
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
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A request refused before GraphQL runs (no trusted credentials): the status, message and code the caller gets. */
export class Refusal extends Error {
  constructor(readonly status: number, message: string, readonly code: string) {
    super(message);
  }
}

/** Reads a request body: JSON parsed, other types as text; a Refusal (413, 400) when too large or not JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Refusal(413, "request body too large", "BAD_USER_INPUT");
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/json")) return Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
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
    const body = req.method === "POST" ? await readJsonBody(req, limit) : undefined;
    let context: TContext;
    try {
      context = await options.context(req, body);
    } catch (error) {
      if (error instanceof Refusal) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
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
    // The rest of an oversized body is never read: this connection cannot carry another request.
    if (error.status === 413) res.setHeader("connection", "close");
    sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
  };
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof Refusal) return refuse(req, res, error);
      // Full detail stays in our log; the caller gets no stack.
      logLine("http", error instanceof Error ? error : String(error));
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
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
