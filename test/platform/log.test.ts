import { afterEach, describe, expect, it, vi } from "vitest";
import { QueryCounter } from "../../platform/db/index.js";
import { formatError } from "../../platform/http/index.js";
import { logLine, logSafe } from "../../platform/log.js";

/** Captures what is written to stderr while `act` runs. */
function stderrOf(act: () => void): string[] {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  act();
  spy.mockRestore();
  return written;
}

/** Each write as the JSON object it holds (one object per line, nothing after the newline), without its time. */
function eventsOf(written: string[]): Array<Record<string, unknown>> {
  return written.map((line) => {
    expect(line.endsWith("\n") && line.indexOf("\n") === line.length - 1).toBe(true);
    const { time, ...event } = JSON.parse(line) as Record<string, unknown>;
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    return event;
  });
}

describe("log lines", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("escapes newlines, controls, line separators and lone surrogates", () => {
    expect(logSafe("a\nb\r\n[gateway] forged\u0000\u001b[31m\u007f\u0085\u2028\u2029")).toBe(
      "a\\u000ab\\u000d\\u000a[gateway] forged\\u0000\\u001b[31m\\u007f\\u0085\\u2028\\u2029",
    );
    expect(logSafe("x\ud800y\udc00z 😀")).toBe("x\\ud800y\\udc00z 😀");
  });

  it("bounds the text and counts what it cut", () => {
    expect(logSafe("abcdef", 4)).toBe("abcd…(+2 chars)");
  });

  it("keeps a forged line inside one real line of stderr", () => {
    const written = stderrOf(() => logLine("db error", "query failed:", 'invalid input syntax for type timestamp: "x\n[gateway] admin logged in"'));
    expect(eventsOf(written)).toEqual([{ level: "error", service: "db", msg: 'query failed: invalid input syntax for type timestamp: "x\\u000a[gateway] admin logged in"' }]);
  });

  it("logs an unexpected error quoting caller text on one line, and masks it for the caller", () => {
    const error = new Error('invalid input syntax for type timestamp with time zone: "0000\n[police] unexpected error: none"');
    error.stack = `Error: ${error.message}\n    at query (pg.js:1:1)`;
    let formatted;
    const written = stderrOf(() => {
      formatted = formatError({ message: error.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, error, "customs");
    });
    expect(formatted).toEqual({ message: "Internal server error", path: undefined, locations: undefined, extensions: { code: "INTERNAL_SERVER_ERROR" } });
    expect(eventsOf(written)).toEqual([
      {
        level: "error",
        service: "customs",
        msg: 'unexpected error: Error: invalid input syntax for type timestamp with time zone: "0000\\u000a[police] unexpected error: none"\\u000a    at query (pg.js:1:1)',
      },
    ]);
  });

  it("logs a failed query with PostgreSQL's message, escaped, and never its parameters", () => {
    const counter = new QueryCounter();
    const written = stderrOf(() =>
      counter.logQueryError(new Error('invalid input syntax for type uuid: "x\r\n[db error] forged"'), 'SELECT "id" FROM "case" WHERE "id" = $1', ["secret-value"]),
    );
    expect(eventsOf(written)).toEqual([{ level: "error", service: "db", msg: 'query failed: Error: invalid input syntax for type uuid: "x\\u000d\\u000a[db error] forged" -- in: SELECT "id" FROM "case" WHERE "id" = $1' }]);
    expect(written.join("")).not.toContain("secret-value");
  });

  it("logs a slow query with its time and statement, not [object Object]", () => {
    const written = stderrOf(() => new QueryCounter().logQuerySlow(1234, "SELECT 1", ["secret-value"]));
    expect(eventsOf(written)).toEqual([{ level: "warn", service: "db", msg: "query took 1234 ms: SELECT 1" }]);
  });
});
