import { describe, expect, it } from "vitest";
import { normalisePhone } from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("normalisePhone", () => {
  it.each([
    ["07700 900123", "GB"],
    ["+44 (0)7700-900123", undefined],
    ["00447700900123", undefined],
    ["+44 7700 900123", undefined],
  ])("normalises %s (region %s) to +447700900123", (input, region) => {
    expect(normalisePhone(input, region)).toBe("+447700900123");
  });

  it("accepts a lower-case default region", () => {
    expect(normalisePhone("07700 900123", "gb")).toBe("+447700900123");
  });

  it("normalises an ordinary valid UK mobile number", () => {
    expect(normalisePhone("07911 123456", "GB")).toBe("+447911123456");
  });

  it("ignores the default region when the number has a + prefix", () => {
    expect(normalisePhone("+1 202 555 0123", "GB")).toBe("+12025550123");
  });

  it("rejects a national number without a default region", () => {
    const error = identifierErrorFrom(() => normalisePhone("07700 900123"));
    expect(error.kind).toBe("PHONE");
    expect(error.input).toBe("07700 900123");
    expect(error.reason).toBe("phone number has no country code and no default region");
  });

  it("rejects an unknown default region", () => {
    expect(identifierErrorFrom(() => normalisePhone("07700 900123", "ZZ")).reason).toBe(
      "default region is not a known country code",
    );
  });

  it("rejects a number outside every numbering range of its country", () => {
    expect(identifierErrorFrom(() => normalisePhone("+44 7700 901123")).reason).toBe(
      "phone number is not a valid number for its country",
    );
  });

  it("rejects a number with too few digits for its country", () => {
    expect(identifierErrorFrom(() => normalisePhone("+44 12")).reason).toBe(
      "phone number has the wrong number of digits for its country",
    );
  });

  it("rejects an unknown country calling code", () => {
    expect(identifierErrorFrom(() => normalisePhone("+999 1234567")).reason).toBe(
      "phone number country code is not recognised",
    );
  });

  it("rejects a number embedded in free text", () => {
    expect(identifierErrorFrom(() => normalisePhone("call +44 7911 123456 now")).reason).toBe(
      "phone number may only contain digits, spaces, a leading +, brackets, hyphens, dots and slashes",
    );
  });

  it("rejects a number with an extension", () => {
    expect(identifierErrorFrom(() => normalisePhone("+44 7911 123456 x12")).reason).toBe(
      "phone number may only contain digits, spaces, a leading +, brackets, hyphens, dots and slashes",
    );
  });
});
