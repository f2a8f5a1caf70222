import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "../platform/http/index.js";
import type { LiaisonConfig } from "../platform/config.js";
import { consoleConfigRoute, DEV_TOKEN_PATH, devTokenRoute } from "./dev-token.js";

export const CONSOLE_PATH = "/console/";

/**
 * Self only: no CDN, no telemetry, no inline script. Monaco (GraphiQL's editor) adds <style>
 * elements at run time, hence 'unsafe-inline' for styles only; workers are built files (self).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface ConsoleServing {
  /** Exact paths to handlers: only the files of the build are reachable (no path is ever joined from a request). */
  readonly routes: Record<string, Route>;
  /** Whether a build was found. */
  readonly built: boolean;
}

function listFiles(dir: string, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(path.join(dir, entry.name), relative));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader("content-security-policy", CONSOLE_CSP);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("cross-origin-opener-policy", "same-origin");
}

function refuseMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  res.statusCode = 405;
  res.setHeader("allow", "GET, HEAD");
  res.end();
  return true;
}

function fileRoute(file: string, relative: string): Route {
  const type = CONTENT_TYPES[path.extname(relative).toLowerCase()] ?? "application/octet-stream";
  // Vite names every asset by its content hash: those never change; index.html must be revalidated.
  const cache = relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache";
  return async (req, res) => {
    if (refuseMethod(req, res)) return;
    const body = await readFile(file);
    securityHeaders(res);
    res.statusCode = 200;
    res.setHeader("content-type", type);
    res.setHeader("cache-control", cache);
    res.setHeader("content-length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
  };
}

function redirect(location: string): Route {
  return (_req, res) => {
    res.statusCode = 302;
    res.setHeader("location", location);
    res.setHeader("cache-control", "no-store");
    res.end();
  };
}

/**
 * The console's routes for the gateway: every file of the build under /console/, the bare
 * /console and (outside production) / redirected there. Files are listed once at start, so a
 * new build is served after a restart.
 */
export function consoleRoutes(options: { distDir: string; production: boolean }): ConsoleServing {
  const dist = options.distDir;
  const routes: Record<string, Route> = { "/console": redirect(CONSOLE_PATH) };
  if (!options.production) routes["/"] = redirect(CONSOLE_PATH);
  let files: string[] = [];
  try {
    if (statSync(path.join(dist, "index.html")).isFile()) files = listFiles(dist);
  } catch {
    files = [];
  }
  if (files.length === 0) {
    routes[CONSOLE_PATH] = (_req, res) => {
      securityHeaders(res);
      res.statusCode = 503;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("The console is not built: run npm run build:web, then restart.\n");
    };
    return { routes, built: false };
  }
  for (const relative of files) routes[`${CONSOLE_PATH}${relative}`] = fileRoute(path.join(dist, relative), relative);
  routes[CONSOLE_PATH] = fileRoute(path.join(dist, "index.html"), "index.html");
  return { routes, built: true };
}

/** Everything the gateway mounts for the console (nothing when CONSOLE is off). */
export function consoleGatewayRoutes(config: LiaisonConfig): Record<string, Route> {
  if (!config.console) return {};
  return {
    ...consoleRoutes({ distDir: config.consoleDir, production: config.production }).routes,
    [DEV_TOKEN_PATH]: devTokenRoute(config),
    "/console/config.json": consoleConfigRoute(config),
  };
}
