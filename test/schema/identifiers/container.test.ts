import { describe, expect, it } from "vitest";
import {
  iso6346CheckDigit,
  makeContainerNumber,
  normaliseContainer,
} from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("iso6346CheckDigit", () => {
  it("computes 3 for CSQU305438", () => {
    expect(iso6346CheckDigit("CSQU305438")).toBe(3);
  });

  it("rejects input that is not 4 letters and 6 digits", () => {
    expect(identifierErrorFrom(() => iso6346CheckDigit("CSQ1305438")).reason).toBe(
      "ISO 6346 check digit needs 4 letters followed by 6 digits",
    );
  });
});

describe("normaliseContainer", () => {
  it("accepts CSQU3054383", () => {
    expect(normaliseContainer("CSQU3054383")).toBe("CSQU3054383");
  });

  it("strips spaces and hyphens and upper-cases", () => {
    expect(normaliseContainer("csqu 305438-3")).toBe("CSQU3054383");
  });

  it("rejects a wrong check digit, naming expected and given", () => {
    const error = identifierErrorFrom(() => normaliseContainer("CSQU3054384"));
    expect(error.kind).toBe("CONTAINER");
    expect(error.reason).toBe("ISO 6346 check digit should be 3, got 4");
  });

  it("rejects a category other than U, J or Z", () => {
    expect(identifierErrorFrom(() => normaliseContainer("CSQX3054383")).reason).toBe(
      "container number must be a 3-letter owner code, category U, J or Z, 6 digits and a check digit",
    );
  });
});

describe("makeContainerNumber", () => {
  it("builds CSQU3054383 from its parts", () => {
    expect(makeContainerNumber("CSQ", "U", 305438)).toBe("CSQU3054383");
  });

  it.each([
    ["ABC", "U", 0],
    ["msk", "J", 123],
    ["XYZ", "Z", 999999],
  ] as const)("round-trips %s/%s/%i through normaliseContainer", (owner, category, serial) => {
    const id = makeContainerNumber(owner, category, serial);
    expect(normaliseContainer(id)).toBe(id);
  });

  it("rejects an owner code that is not 3 letters", () => {
    expect(identifierErrorFrom(() => makeContainerNumber("AB1", "U", 1)).reason).toBe(
      "container owner code must be 3 letters A-Z",
    );
  });
});
