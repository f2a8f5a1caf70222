import { afterEach, describe, expect, it, vi } from "vitest";
import { logLine, logSafe } from "../../platform/log.js";

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
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    logLine("db error", "query failed:", 'invalid input syntax for type timestamp: "x\n[gateway] admin logged in"');
    expect(written).toEqual(['[db error] query failed: invalid input syntax for type timestamp: "x\\u000a[gateway] admin logged in"\n']);
  });
});
