import { describe, expect, it } from "vitest";
import { normaliseCountry } from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("normaliseCountry", () => {
  it("upper-cases an alpha-2 code", () => {
    expect(normaliseCountry(" nl ")).toBe("NL");
  });

  it.each([
    ["GBR", "GB"],
    ["deu", "DE"],
    ["USA", "US"],
    ["NLD", "NL"],
    ["CHE", "CH"],
    ["UKR", "UA"],
    ["ARE", "AE"],
    ["HKG", "HK"],
    ["KOR", "KR"],
    ["ZAF", "ZA"],
  ])("maps alpha-3 %s to %s", (input, expected) => {
    expect(normaliseCountry(input)).toBe(expected);
  });

  it("maps the ICAO code D to DE", () => {
    expect(normaliseCountry("D")).toBe("DE");
  });

  it.each(["ZZ", "XXX", "", "Germany"])("rejects unknown code %j", (input) => {
    expect(identifierErrorFrom(() => normaliseCountry(input)).reason).toBe(
      "country code is not a known ISO 3166-1 alpha-2 or supported alpha-3 code",
    );
  });
});
