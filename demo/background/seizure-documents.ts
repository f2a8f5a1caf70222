import { TransportDocumentKind, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import type { Random } from "../random.js";

/** The transport document each mode travels under (passengers carry none). */
export const DOCUMENT_KIND: Readonly<Partial<Record<TransportMode, TransportDocumentKind>>> = {
  [TransportMode.POSTAL]: TransportDocumentKind.CN23,
  [TransportMode.EXPRESS]: TransportDocumentKind.EXPRESS_WAYBILL,
  [TransportMode.AIR]: TransportDocumentKind.AIR_WAYBILL,
  [TransportMode.SEA]: TransportDocumentKind.BILL_OF_LADING,
  [TransportMode.ROAD]: TransportDocumentKind.CMR,
  [TransportMode.RAIL]: TransportDocumentKind.RAIL_CONSIGNMENT_NOTE,
};

/** Bill of lading prefixes are the carriers' SCAC codes. */
const BL_PREFIX: Readonly<Record<string, string>> = { MSC: "MEDU", Maersk: "MAEU", "CMA CGM": "CMDU", "Hapag-Lloyd": "HLCU", ONE: "ONEY", Evergreen: "EGLV" };

/** A document number in the usual shape for its kind and carrier. */
export function documentNumber(rng: Random, kind: TransportDocumentKind, carrier: string | null): string {
  switch (kind) {
    case TransportDocumentKind.AIR_WAYBILL: {
      // Airline prefix, 7-digit serial and its mod-7 check digit.
      const serial = rng.int(1_000_000, 9_999_999);
      return `${rng.pick(["020", "157", "176", "235", "172"])}-${serial}${serial % 7}`;
    }
    case TransportDocumentKind.BILL_OF_LADING:
      return `${BL_PREFIX[carrier ?? ""] ?? "MEDU"}${rng.digits(8)}`;
    case TransportDocumentKind.EXPRESS_WAYBILL:
      return carrier === "UPS" ? `1Z${rng.chars(6, "0123456789ABCDEFGHJKLMNPRSTVWXY")}${rng.digits(10)}` : rng.digits(carrier === "FedEx" ? 12 : 10);
    case TransportDocumentKind.CMR:
      return `CMR-${rng.digits(7)}`;
    case TransportDocumentKind.RAIL_CONSIGNMENT_NOTE:
      return `CIM-${rng.digits(8)}`;
    case TransportDocumentKind.CN23:
      return `CN23-${rng.digits(9)}`;
  }
}

