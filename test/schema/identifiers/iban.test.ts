import { describe, expect, it } from "vitest";
import { normaliseIban } from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("normaliseIban", () => {
  it.each([
    ["GB82WEST12345698765432", "GB82WEST12345698765432"],
    ["gb82 west 1234 5698 7654 32", "GB82WEST12345698765432"],
    ["DE89370400440532013000", "DE89370400440532013000"],
    ["de89 3704 0044 0532 0130 00", "DE89370400440532013000"],
  ])("normalises %s to %s", (input, expected) => {
    expect(normaliseIban(input)).toBe(expected);
  });

  it("names the checksum when the check digits are wrong", () => {
    const error = identifierErrorFrom(() => normaliseIban("GB83WEST12345698765432"));
    expect(error.kind).toBe("IBAN");
    expect(error.input).toBe("GB83WEST12345698765432");
    expect(error.reason).toBe("IBAN checksum is invalid");
  });

  it("names the length when a character is missing", () => {
    expect(identifierErrorFrom(() => normaliseIban("GB82WEST1234569876543")).reason).toBe(
      "IBAN length is wrong for its country",
    );
  });

  it("names the country when the country code is unknown", () => {
    expect(identifierErrorFrom(() => normaliseIban("XX82WEST12345698765432")).reason).toBe(
      "IBAN country code is not recognised",
    );
  });

  it("rejects an empty IBAN", () => {
    expect(identifierErrorFrom(() => normaliseIban("  ")).reason).toBe("IBAN is empty");
  });
});
