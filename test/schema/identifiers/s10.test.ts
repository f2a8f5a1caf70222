import { describe, expect, it } from "vitest";
import { makeS10, normaliseS10, s10CheckDigit } from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("s10CheckDigit", () => {
  it("computes 5 for serial 12345678", () => {
    expect(s10CheckDigit("12345678")).toBe(5);
  });

  it("computes 7 for serial 10000001", () => {
    expect(s10CheckDigit("10000001")).toBe(7);
  });

  it("maps a remainder of 0 (check 11) to 5", () => {
    // Weighted sum 0; 11 - 0 = 11, which maps to 5.
    expect(s10CheckDigit("00000000")).toBe(5);
  });

  it("maps a remainder of 1 (check 10) to 0", () => {
    // Weighted sum 6*2 = 12; 12 mod 11 = 1; 11 - 1 = 10, which maps to 0.
    expect(s10CheckDigit("02000000")).toBe(0);
  });

  it("rejects a serial that is not 8 digits", () => {
    expect(identifierErrorFrom(() => s10CheckDigit("1234567")).reason).toBe("S10 serial must be exactly 8 digits");
  });
});

describe("normaliseS10", () => {
  it.each(["RR123456785NL", "RR100000017NL"])("accepts %s", (input) => {
    expect(normaliseS10(input)).toBe(input);
  });

  it("strips spaces and upper-cases", () => {
    expect(normaliseS10(" rr 123 456 785 nl ")).toBe("RR123456785NL");
  });

  it("reports the expected and the given check digit", () => {
    const error = identifierErrorFrom(() => normaliseS10("RR123456783NL"));
    expect(error.kind).toBe("POSTAL_ITEM");
    expect(error.input).toBe("RR123456783NL");
    expect(error.reason).toBe("S10 check digit should be 5, got 3");
  });

  it("rejects a malformed item id", () => {
    expect(identifierErrorFrom(() => normaliseS10("R1123456785NL")).reason).toBe(
      "S10 item id must be 2 letters, 9 digits and a 2-letter country code",
    );
  });

  it("rejects an unknown country code", () => {
    expect(identifierErrorFrom(() => normaliseS10("RR123456785ZZ")).reason).toBe(
      "S10 country code is not a known ISO 3166-1 alpha-2 code",
    );
  });
});

describe("makeS10", () => {
  it("builds the documented example", () => {
    expect(makeS10("RR", 12345678, "NL")).toBe("RR123456785NL");
  });

  it("zero-pads the serial", () => {
    expect(makeS10("EE", 42, "GB")).toBe(`EE00000042${s10CheckDigit("00000042")}GB`);
  });

  it.each([0, 1, 7654321, 99999999])("round-trips serial %i through normaliseS10", (serial) => {
    const id = makeS10("CP", serial, "DE");
    expect(normaliseS10(id)).toBe(id);
  });

  it("rejects a serial above 8 digits", () => {
    expect(identifierErrorFrom(() => makeS10("RR", 100000000, "NL")).reason).toBe(
      "S10 serial must be an integer from 0 to 99999999",
    );
  });
});
