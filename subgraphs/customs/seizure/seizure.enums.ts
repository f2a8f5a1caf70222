import { registerEnumType } from "type-graphql";

export enum PlaceType {
  AIRPORT = "AIRPORT",
  SEAPORT = "SEAPORT",
  LAND_BORDER = "LAND_BORDER",
  MAIL_CENTRE = "MAIL_CENTRE",
  EXPRESS_HUB = "EXPRESS_HUB",
  INLAND = "INLAND",
}

export enum TransportMode {
  AIR = "AIR",
  SEA = "SEA",
  ROAD = "ROAD",
  RAIL = "RAIL",
  POSTAL = "POSTAL",
  EXPRESS = "EXPRESS",
  PASSENGER = "PASSENGER",
}

/** WCO Illicit Trade Report areas. */
export enum CommodityArea {
  DRUGS = "DRUGS",
  SECURITY = "SECURITY",
  REVENUE = "REVENUE",
  ENVIRONMENT = "ENVIRONMENT",
  IPR_HEALTH_SAFETY = "IPR_HEALTH_SAFETY",
  CULTURAL_HERITAGE = "CULTURAL_HERITAGE",
}

export enum DetectionMethod {
  RISK_PROFILE = "RISK_PROFILE",
  INTELLIGENCE = "INTELLIGENCE",
  X_RAY = "X_RAY",
  DETECTOR_DOG = "DETECTOR_DOG",
  PHYSICAL_EXAMINATION = "PHYSICAL_EXAMINATION",
  DOCUMENT_CHECK = "DOCUMENT_CHECK",
  RANDOM = "RANDOM",
}

export enum SeizurePartyRole {
  OFFENDER = "OFFENDER",
  CONSIGNOR = "CONSIGNOR",
  CONSIGNEE = "CONSIGNEE",
  CARRIER = "CARRIER",
}

export enum TransportDocumentKind {
  BILL_OF_LADING = "BILL_OF_LADING",
  AIR_WAYBILL = "AIR_WAYBILL",
  CMR = "CMR",
  RAIL_CONSIGNMENT_NOTE = "RAIL_CONSIGNMENT_NOTE",
  CN23 = "CN23",
  EXPRESS_WAYBILL = "EXPRESS_WAYBILL",
}

registerEnumType(PlaceType, { name: "PlaceType", description: "Where customs made the seizure" });
registerEnumType(TransportMode, { name: "TransportMode" });
registerEnumType(CommodityArea, { name: "CommodityArea", description: "WCO Illicit Trade Report area" });
registerEnumType(DetectionMethod, { name: "DetectionMethod" });
registerEnumType(SeizurePartyRole, { name: "SeizurePartyRole" });
registerEnumType(TransportDocumentKind, { name: "TransportDocumentKind" });
