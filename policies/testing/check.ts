import { isDeepStrictEqual } from "node:util";
import type { PolicyCase } from "./cases.js";

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** Reads `a.b.0.c` out of a GraphQL answer's data. */
export function at(data: unknown, dotted: string): unknown {
  let value: unknown = data;
  for (const part of dotted.split(".")) {
    if (value === null || value === undefined) return undefined;
    value = Array.isArray(value) ? value[Number(part)] : (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Every way the answer differs from the case's expectation (empty when it passes). */
export function checkCase(policyCase: PolicyCase, answer: GraphQLAnswer): string[] {
  const failures: string[] = [];
  const errorAt = (dotted: string) => answer.errors?.find((e) => e.path?.join(".") === dotted);
  for (const path of policyCase.expect.served) {
    const value = at(answer.data, path);
    if (value === null || value === undefined) failures.push(`${path}: expected a value, got ${JSON.stringify(value)}${errorAt(path) ? ` (${String(errorAt(path)?.extensions?.rule ?? errorAt(path)?.message)})` : ""}`);
    else if (errorAt(path)) failures.push(`${path}: served, but with an error`);
  }
  for (const [path, rule] of Object.entries(policyCase.expect.denied)) {
    const value = at(answer.data, path);
    const error = errorAt(path);
    if (value !== null) failures.push(`${path}: expected null (denied), got ${JSON.stringify(value)}`);
    if (!error) failures.push(`${path}: expected a FORBIDDEN error naming ${rule}, got none`);
    else if (error.extensions?.code !== "FORBIDDEN" || error.extensions?.rule !== rule) {
      failures.push(`${path}: expected FORBIDDEN by ${rule}, got ${String(error.extensions?.code)} by ${String(error.extensions?.rule)}`);
    }
  }
  for (const [path, expected] of [...Object.entries(policyCase.expect.masked), ...Object.entries(policyCase.expect.equals)]) {
    const value = at(answer.data, path);
    if (!isDeepStrictEqual(value, expected)) failures.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
  }
  const expectedErrors = new Set(Object.keys(policyCase.expect.denied));
  for (const error of answer.errors ?? []) {
    const path = error.path?.join(".") ?? "(no path)";
    if (!expectedErrors.has(path)) failures.push(`unexpected error at ${path}: ${String(error.extensions?.code)} ${String(error.extensions?.rule ?? error.message)}`);
  }
  return failures;
}
