import { describe, expect, it } from "vitest";
import { normaliseEmail } from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("normaliseEmail", () => {
  it("trims and lower-cases the address", () => {
    expect(normaliseEmail("  John.Smith+Tag@Example.CO.UK ")).toBe("john.smith+tag@example.co.uk");
  });

  it("accepts a punycode top-level domain", () => {
    expect(normaliseEmail("a@example.xn--p1ai")).toBe("a@example.xn--p1ai");
  });

  it.each(["john.smith", "john@", "@example.com", "john@example", "john@@example.com", "jo..hn@example.com", "john@-example.com"])(
    "rejects %s as not local@domain.tld",
    (input) => {
      const error = identifierErrorFrom(() => normaliseEmail(input));
      expect(error.kind).toBe("EMAIL");
      expect(error.reason).toBe("email address is not of the form local@domain.tld");
    },
  );

  it("rejects an address with inner whitespace", () => {
    expect(identifierErrorFrom(() => normaliseEmail("john smith@example.com")).reason).toBe(
      "email address contains whitespace",
    );
  });

  it("rejects an address longer than 254 characters", () => {
    const input = `a@${"b".repeat(250)}.com`;
    expect(identifierErrorFrom(() => normaliseEmail(input)).reason).toBe(
      "email address is longer than 254 characters",
    );
  });

  it("rejects a local part longer than 64 characters", () => {
    expect(identifierErrorFrom(() => normaliseEmail(`${"a".repeat(65)}@example.com`)).reason).toBe(
      "email local part is longer than 64 characters",
    );
  });
});
