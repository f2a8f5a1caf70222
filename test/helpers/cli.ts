import { execFile } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import type { TestHub } from "./hub.js";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment a hub client CLI gets in tests: the test hub's gateway and data folder (its dev
 * key), and no database settings or token from the test process, so a child never opens a database.
 */
export function clientEnv(th: TestHub, extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith("DATABASE_") && name !== "LIAISON_TOKEN" && name !== "LIAISON_URL" && name !== "NODE_ENV");
  return { ...(Object.fromEntries(inherited) as Record<string, string>), LIAISON_DATA_DIR: th.env.LIAISON_DATA_DIR as string, LIAISON_URL: th.hub.gateway.url, ...extra };
}

/** Runs `scripts/<script>.ts` as `npm run <script>` would, as a child process. */
export function runCli(script: string, args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(tsx, [`scripts/${script}.ts`, ...args], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
