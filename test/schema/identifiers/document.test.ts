import { describe, expect, it } from "vitest";
import {
  normaliseCompany,
  normaliseDocumentNumber,
  normaliseTravelDocument,
  normaliseVehicle,
} from "../../../schema/identifiers/index.js";
import { identifierErrorFrom } from "./helpers.js";

describe("normaliseDocumentNumber", () => {
  it("upper-cases and strips spaces, hyphens, dots and slashes", () => {
    expect(normaliseDocumentNumber(" ab-12.34/56 7 ")).toBe("AB1234567");
  });

  it("rejects characters outside A-Z and 0-9", () => {
    const error = identifierErrorFrom(() => normaliseDocumentNumber("AB<<1234"));
    expect(error.kind).toBe("TRAVEL_DOCUMENT");
    expect(error.reason).toBe(
      "document number must be 1 to 20 letters A-Z or digits after removing spaces, hyphens, dots and slashes",
    );
  });

  it("rejects more than 20 characters", () => {
    expect(identifierErrorFrom(() => normaliseDocumentNumber("1".repeat(21))).reason).toBe(
      "document number must be 1 to 20 letters A-Z or digits after removing spaces, hyphens, dots and slashes",
    );
  });

  it("rejects a number that is only separators", () => {
    expect(identifierErrorFrom(() => normaliseDocumentNumber(" - ")).reason).toBe("document number is empty");
  });
});

describe("normaliseTravelDocument", () => {
  it("normalises the issuing country and the number", () => {
    expect(normaliseTravelDocument("gbr", "123 456 789")).toEqual({ country: "GB", number: "123456789" });
  });

  it("reports an unknown country as a TRAVEL_DOCUMENT error", () => {
    expect(identifierErrorFrom(() => normaliseTravelDocument("XXX", "123")).kind).toBe("TRAVEL_DOCUMENT");
  });
});

describe("normaliseVehicle", () => {
  it("normalises the country and drops plate separators", () => {
    expect(normaliseVehicle("nld", "ab-123-c")).toEqual({ country: "NL", plate: "AB123C" });
  });

  it("reports an unknown country as a VEHICLE error", () => {
    expect(identifierErrorFrom(() => normaliseVehicle("ZZ", "AB123C")).kind).toBe("VEHICLE");
  });

  it("rejects a plate with non-Latin letters", () => {
    const error = identifierErrorFrom(() => normaliseVehicle("RU", "А123ВЕ77"));
    expect(error.kind).toBe("VEHICLE");
    expect(error.reason).toBe(
      "plate must be 1 to 20 letters A-Z or digits after removing spaces, hyphens, dots and slashes",
    );
  });
});

describe("normaliseCompany", () => {
  it("normalises the country and compacts the registration number", () => {
    expect(normaliseCompany("DEU", "HRB 12345")).toEqual({ country: "DE", registrationNumber: "HRB12345" });
  });

  it("reports a bad registration number as a COMPANY error", () => {
    const error = identifierErrorFrom(() => normaliseCompany("DE", "HRB#12345"));
    expect(error.kind).toBe("COMPANY");
    expect(error.reason).toBe(
      "registration number must be 1 to 20 letters A-Z or digits after removing spaces, hyphens, dots and slashes",
    );
  });
});
