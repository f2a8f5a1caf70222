import { callHeaders, type Session } from "./session.js";
import type { GraphQLErrorLike } from "./records.js";

export interface GraphQLResult<T> {
  readonly data: T | null;
  readonly errors: readonly GraphQLErrorLike[];
  readonly status: number;
}

/** One operation to the gateway as the signed-in identity (same origin; nothing else is called). */
export async function graphql<T>(session: Session, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...callHeaders(session) },
    body: JSON.stringify({ query, variables }),
    credentials: "omit",
    cache: "no-store",
  });
  let body: { data?: T | null; errors?: GraphQLErrorLike[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = { errors: [{ message: `the gateway answered ${response.status} without JSON` }] };
  }
  return { data: body.data ?? null, errors: body.errors ?? [], status: response.status };
}

/** One line for a failed call: the first error with its code and rule. */
export function describeErrors(errors: readonly GraphQLErrorLike[]): string {
  const first = errors[0];
  if (!first) return "";
  const code = typeof first.extensions?.code === "string" ? first.extensions.code : null;
  const rule = typeof first.extensions?.rule === "string" ? first.extensions.rule : null;
  return [first.message, code && `(${code}${rule ? `, rule ${rule}` : ""})`, errors.length > 1 ? `and ${errors.length - 1} more` : ""].filter(Boolean).join(" ");
}

export interface ConsoleConfig {
  readonly devTokens: boolean;
  readonly purposes: readonly string[];
  readonly agencies: readonly string[];
  readonly roles: readonly string[];
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch("/console/config.json", { cache: "no-store", credentials: "omit" });
  if (!response.ok) throw new Error(`console configuration: ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}

export interface DevIdentity {
  readonly agency: string;
  readonly role: string;
  readonly clearance: number;
  readonly sub?: string;
  readonly operations?: readonly string[];
}

/** A demo identity's token from the gateway's dev-only endpoint. */
export async function devToken(identity: DevIdentity): Promise<string> {
  const response = await fetch("/console/dev-token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(identity),
    credentials: "omit",
    cache: "no-store",
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `the gateway answered ${response.status}`);
  return body.token;
}
