import { describe, expect, it } from "vitest";
import { containerValid, detectIdentifier, ibanValid, nodeIdentifier, parseAs, s10Valid } from "../../web/src/lib/identifiers.js";

describe("identifier kind detection", () => {
  it.each([
    ["+44 7700 900101", { kind: "PHONE", value: "+447700900101" }],
    ["0044 (7700) 900-101", { kind: "PHONE", value: "+447700900101" }],
    ["07700 900101", { kind: "PHONE", value: "07700900101" }],
    ["Orders@Lantern-Shop.example", { kind: "EMAIL", value: "orders@lantern-shop.example" }],
    ["gb82 west 1234 5698 7654 32", { kind: "IBAN", value: "GB82WEST12345698765432" }],
    ["LX 990 101 013 CN", { kind: "POSTAL_ITEM", value: "LX990101013CN" }],
    ["CSQU 305438-3", { kind: "CONTAINER", value: "CSQU3054383" }],
    ["plate: gb ab12 cde", { kind: "VEHICLE", value: "GB:AB12CDE" }],
    ["passport: NL-XR1234567", { kind: "TRAVEL_DOCUMENT", value: "NL:XR1234567" }],
    ["company: GB 01234567", { kind: "COMPANY", value: "GB:01234567" }],
  ])("reads %s", (input, expected) => {
    expect(detectIdentifier(input)).toEqual(expected);
  });

  it("names a wrong check digit instead of guessing another kind", () => {
    expect(detectIdentifier("LX990101014CN")).toEqual({ problem: "looks like a UPU S10 item, but the check digit is wrong" });
    expect(detectIdentifier("CSQU3054384")).toEqual({ problem: "looks like a container number, but the check digit is wrong" });
    expect(detectIdentifier("GB82WEST12345698765433")).toEqual({ problem: "looks like an IBAN, but the checksum is wrong" });
  });

  it("asks for a kind when a plate, passport or company number is typed bare", () => {
    expect(detectIdentifier("AB12 CDE")).toHaveProperty("problem");
  });

  it("parses a composite identifier of a chosen kind with the country first", () => {
    expect(parseAs("VEHICLE", "GB AB12 CDE")).toEqual({ kind: "VEHICLE", value: "GB:AB12CDE" });
    expect(parseAs("VEHICLE", "AB12CDE")).toHaveProperty("problem");
  });

  it("checks the standard check digits", () => {
    expect(s10Valid("RR123456785NL")).toBe(true);
    expect(s10Valid("RR123456784NL")).toBe(false);
    expect(containerValid("CSQU3054384")).toBe(false);
    expect(containerValid("CSQU3054383")).toBe(true);
    expect(ibanValid("DE89370400440532013000")).toBe(true);
  });

  it("turns an identifier node back into a search", () => {
    expect(nodeIdentifier({ id: "PHONE:+447700900101", kind: "PHONE", label: "+447700900101" })).toEqual({ kind: "PHONE", value: "+447700900101" });
    expect(nodeIdentifier({ id: "x", kind: "VEHICLE", label: "GB AB12CDE" })).toEqual({ kind: "VEHICLE", value: "GB:AB12CDE" });
    expect(nodeIdentifier({ id: "Case:1", kind: "Case", label: "LANTERN" })).toBeNull();
  });
});

describe("identifier nodes of linkGraph", () => {
  it("expand from the identifier the node carries", () => {
    expect(nodeIdentifier({ id: "vehicle:GB:AB12CDE", kind: "VEHICLE", label: "GB AB12CDE", identifier: { kind: "VEHICLE", value: "GB:AB12CDE" } })).toEqual({ kind: "VEHICLE", value: "GB:AB12CDE" });
  });
});
