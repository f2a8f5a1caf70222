import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { mintDevToken } from "../../platform/auth/index.js";
import type { LiaisonConfig } from "../../platform/config.js";
import { oneLine, Refusal } from "./exit.js";

/** The options every hub client command takes (merged into each CLI's parseArgs options). */
export const CONNECTION_OPTIONS = {
  "token-file": { type: "string" },
  purpose: { type: "string" },
  justification: { type: "string" },
  as: { type: "string" },
  role: { type: "string", multiple: true },
} as const;

export const CONNECTION_USAGE = `Connection: LIAISON_URL (default http://127.0.0.1:<GATEWAY_PORT>/graphql); the token from LIAISON_TOKEN or
--token-file FILE, else (dev issuer on, not production) a dev token for a HUB admin, sub cli-admin or --as SUB
(--role R, repeatable, default admin); --purpose P (default audit), --justification TEXT.`;

export interface ConnectionValues {
  readonly "token-file"?: string;
  readonly purpose?: string;
  readonly justification?: string;
  readonly as?: string;
  readonly role?: string[];
}

export interface GraphQLErrorBody {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

/** An answer's GraphQL errors, for a caller that reads them (a proposal's problems). */
export class HubError extends Refusal {
  constructor(readonly errors: readonly GraphQLErrorBody[]) {
    super(`the hub refused: ${describe(errors[0])}`);
    this.name = "HubError";
  }
}

function describe(error: GraphQLErrorBody | undefined): string {
  if (!error) return "an error without a message";
  const code = typeof error.extensions?.code === "string" ? `${error.extensions.code}: ` : "";
  const rule = typeof error.extensions?.rule === "string" ? ` (rule ${error.extensions.rule})` : "";
  return `${code}${oneLine(error.message)}${rule}`;
}

export interface HubClient {
  readonly url: string;
  /** Runs an operation; any error in the answer is a HubError (a refusal), unreachable hubs a Refusal. */
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** Where the gateway answers: LIAISON_URL, else this machine's gateway port. */
export function hubUrl(config: LiaisonConfig, env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LIAISON_URL || `http://127.0.0.1:${config.ports.gateway}/graphql`;
  try {
    return new URL(raw).toString();
  } catch {
    throw new Refusal(`LIAISON_URL is not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
}

/** The dev issuer's key file under the data folder (platform/auth/key-file.ts names it so). */
const devKeyFile = (dataDir: string) => path.join(dataDir, "keys", "dev-issuer.jwk.json");

/** The caller's token: --token-file, LIAISON_TOKEN, else a short dev token for a hub administrator. */
export async function resolveToken(config: LiaisonConfig, values: ConnectionValues, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const given = values["token-file"] !== undefined || Boolean(env.LIAISON_TOKEN);
  if (given && (values.as !== undefined || values.role !== undefined)) throw new Refusal("--as and --role make a dev token: leave them out with LIAISON_TOKEN or --token-file");
  if (values["token-file"] !== undefined) {
    const token = await readFile(values["token-file"], "utf8").then(
      (text) => text.trim(),
      () => {
        throw new Refusal(`--token-file ${values["token-file"]} cannot be read`);
      },
    );
    if (!token) throw new Refusal(`--token-file ${values["token-file"]} is empty`);
    return token;
  }
  if (env.LIAISON_TOKEN) return env.LIAISON_TOKEN.trim();
  if (!config.issuers.some((issuer) => issuer.dev)) {
    throw new Refusal("no token: set LIAISON_TOKEN or pass --token-file (the dev issuer is off: NODE_ENV=production or DEV_ISSUER=false)");
  }
  // Read the hub's dev key, never create one: a new key would mint tokens the running hub refuses.
  if (!existsSync(devKeyFile(config.dataDir))) {
    throw new Refusal(`no dev issuer key in ${config.dataDir}: set LIAISON_DATA_DIR to the hub's data folder, or set LIAISON_TOKEN`);
  }
  const sub = values.as ?? "cli-admin";
  return mintDevToken(config, { sub, agency: "HUB", roles: values.role ?? ["admin"], clearance: 0 }, 10 * 60);
}

// A proposal runs the policy test cases before it answers.
const TIMEOUT_MS = 120_000;

/** A client of the running hub's gateway, as the caller the options and environment name. */
export async function connect(config: LiaisonConfig, values: ConnectionValues, env: NodeJS.ProcessEnv = process.env): Promise<HubClient> {
  const url = hubUrl(config, env);
  const purpose = values.purpose ?? "audit";
  const token = await resolveToken(config, values, env);
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": purpose };
  if (values.justification) headers["x-justification"] = values.justification;
  return {
    url,
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      let response: Response;
      try {
        response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(TIMEOUT_MS) });
      } catch (error) {
        if ((error as Error).name === "TimeoutError") throw new Refusal(`the hub at ${url} did not answer within ${TIMEOUT_MS / 1000} s`);
        throw new Refusal(`no Liaison hub answers at ${url}: start it with npm start, or set LIAISON_URL`);
      }
      const text = await response.text();
      let body: { data?: T | null; errors?: GraphQLErrorBody[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new Refusal(`${url} answered HTTP ${response.status}, not GraphQL: is LIAISON_URL the gateway's /graphql?`);
      }
      if (body.errors?.length) throw new HubError(body.errors);
      if (!body.data) throw new Refusal(`${url} answered HTTP ${response.status} without data`);
      return body.data;
    },
  };
}
