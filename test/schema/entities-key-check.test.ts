import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { checkEntityKey } from "../../schema/entities/index.js";

/** The refusal checkEntityKey throws, as `{ code, field, message }`, or "ok". */
const outcome = (typename: string, representation: Record<string, unknown>) => {
  try {
    checkEntityKey(typename, { __typename: typename, ...representation });
    return "ok";
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
};

describe("checkEntityKey (identifier keys sent in _entities)", () => {
  it("accepts normalised keys of every identifier type and returns the representation itself", () => {
    const phone = { __typename: "Phone", e164: "+447700900101" };
    expect(checkEntityKey("Phone", phone)).toBe(phone);
    expect(outcome("Email", { address: "a.b@example.org" })).toBe("ok");
    expect(outcome("BankAccount", { iban: "GB82WEST12345698765432" })).toBe("ok");
    expect(outcome("TravelDocument", { country: "GB", number: "123456789" })).toBe("ok");
    expect(outcome("Vehicle", { country: "NL", plate: "AB123C" })).toBe("ok");
    expect(outcome("Company", { country: "DE", registrationNumber: "HRB12345" })).toBe("ok");
    expect(outcome("PostalItem", { itemId: "RR123456785NL", originAgency: "POSTAL" })).toBe("ok");
    expect(outcome("Container", { number: "CSQU3054383" })).toBe("ok");
  });

  it("refuses a NUL in a phone key, naming the field", () => {
    expect(outcome("Phone", { e164: "+44\u00007700900101" })).toEqual({
      code: "BAD_USER_INPUT", field: "Phone.e164", message: "Phone.e164: phone number contains a control character",
    });
  });

  it("refuses any other C0 control character", () => {
    expect(outcome("Email", { address: "a@example.org\n" })).toEqual({
      code: "BAD_USER_INPUT", field: "Email.address", message: "Email.address: email address contains a control character",
    });
    expect(outcome("Vehicle", { country: "NL", plate: "AB\t123C" })).toEqual({
      code: "BAD_USER_INPUT", field: "Vehicle.plate", message: "Vehicle.plate: plate contains a control character",
    });
  });

  it("refuses a lone UTF-16 surrogate", () => {
    expect(outcome("TravelDocument", { country: "G\uD800", number: "123456789" })).toEqual({
      code: "BAD_USER_INPUT", field: "TravelDocument.country", message: "TravelDocument.country: country code contains a lone UTF-16 surrogate",
    });
    expect(outcome("Company", { country: "DE", registrationNumber: "HRB\uDC0012345" })).toEqual({
      code: "BAD_USER_INPUT", field: "Company.registrationNumber", message: "Company.registrationNumber: registration number contains a lone UTF-16 surrogate",
    });
  });

  it("refuses an over-long value", () => {
    expect(outcome("PostalItem", { itemId: "R".repeat(257) })).toEqual({
      code: "BAD_USER_INPUT", field: "PostalItem.itemId", message: "PostalItem.itemId: S10 item id is longer than 256 characters",
    });
  });

  it("refuses a key that is valid but not in normalised form (a second key for one identifier)", () => {
    expect(outcome("Phone", { e164: "+44 7700 900101" })).toEqual({
      code: "BAD_USER_INPUT", field: "Phone.e164", message: "Phone.e164 is not in normalised form",
    });
    expect(outcome("Email", { address: "A.B@Example.org" })).toEqual({
      code: "BAD_USER_INPUT", field: "Email.address", message: "Email.address is not in normalised form",
    });
    expect(outcome("TravelDocument", { country: "GBR", number: "123456789" })).toEqual({
      code: "BAD_USER_INPUT", field: "TravelDocument.country", message: "TravelDocument.country is not in normalised form",
    });
  });

  it("refuses an invalid identifier with the normaliser's reason", () => {
    expect(outcome("Container", { number: "CSQU3054384" })).toEqual({
      code: "BAD_USER_INPUT", field: "Container.number", message: "Container.number: ISO 6346 check digit should be 3, got 4",
    });
  });

  it("refuses a missing or non-string key field", () => {
    expect(outcome("BankAccount", {})).toEqual({ code: "BAD_USER_INPUT", field: "BankAccount.iban", message: "BankAccount.iban must be a string" });
    expect(outcome("Vehicle", { country: "NL", plate: 123 })).toEqual({ code: "BAD_USER_INPUT", field: "Vehicle.plate", message: "Vehicle.plate must be a string" });
  });
});
