import { describe, expect, it } from "vitest";
import { IDENTIFIER_KINDS, IdentifierError, identifierValue } from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("identifierValue", () => {
  it.each([
    ["PHONE", ["+447700900123"], "+447700900123"],
    ["EMAIL", ["john@example.com"], "john@example.com"],
    ["IBAN", ["GB82WEST12345698765432"], "GB82WEST12345698765432"],
    ["TRAVEL_DOCUMENT", ["GB", "123456789"], "GB:123456789"],
    ["VEHICLE", ["NL", "AB123C"], "NL:AB123C"],
    ["COMPANY", ["DE", "HRB12345"], "DE:HRB12345"],
    ["POSTAL_ITEM", ["RR123456785NL"], "RR123456785NL"],
    ["CONTAINER", ["CSQU3054383"], "CSQU3054383"],
  ] as const)("formats %s as %s", (kind, parts, expected) => {
    expect(identifierValue(kind, parts)).toBe(expected);
  });

  it("rejects the wrong number of parts", () => {
    expect(identifierErrorFrom(() => identifierValue("VEHICLE", ["NL"])).reason).toBe(
      "VEHICLE needs 2 part(s), got 1",
    );
  });

  it("rejects parts that are not normalised", () => {
    expect(identifierErrorFrom(() => identifierValue("VEHICLE", ["nl", "AB-123-C"])).reason).toBe(
      "VEHICLE parts are not normalised; normalise them first",
    );
  });
});

describe("IDENTIFIER_KINDS", () => {
  it("lists all eight kinds", () => {
    expect(IDENTIFIER_KINDS).toEqual([
      "PHONE",
      "EMAIL",
      "IBAN",
      "TRAVEL_DOCUMENT",
      "VEHICLE",
      "COMPANY",
      "POSTAL_ITEM",
      "CONTAINER",
    ]);
  });
});

describe("IdentifierError", () => {
  it("keeps the input out of the message", () => {
    const error = new IdentifierError("IBAN", "GB83WEST12345698765432", "IBAN checksum is invalid");
    expect(error.message).toBe("invalid IBAN: IBAN checksum is invalid");
    expect(error.name).toBe("IdentifierError");
    expect(error).toBeInstanceOf(Error);
  });
});
