import type { RegisterPostalItemInput } from "../../subgraphs/postal/index.js";
import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportDocumentKind, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { PostalCategory, PostalEventCode } from "../../subgraphs/postal/item/item.enums.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { makeS10 } from "../../schema/identifiers/index.js";
import { at, type NetworkDefinition } from "./types.js";

const SHOP_PHONE = "+447700900601";
const SHOP_EMAIL = "sales@pillbox-pharma.example";
const SENDER = { name: "Pillbox Pharma", business: "Pillbox Pharma Exports Pvt Ltd", address: "17 Linking Road", postcode: "400050", city: "Mumbai", country: "IN" };

const BUYERS = [
  { name: "Oliver Renshaw", address: "3 Mill Lane", postcode: "CV1 2LP", city: "Coventry", country: "GB", posted: "2025-09-02" },
  { name: "Niamh Costigan", address: "12 Bridge Street", postcode: "D08 K2P4", city: "Dublin", country: "IE", posted: "2025-09-09" },
  { name: "Daan Hoekstra", address: "Kerkstraat 40", postcode: "3511 LX", city: "Utrecht", country: "NL", posted: "2025-09-16" },
] as const;

const itemId = (k: number) => makeS10("EE", 99_060_601 + k, "IN");

function postalItem(buyer: (typeof BUYERS)[number], k: number): RegisterPostalItemInput {
  const posted = at(`${buyer.posted}T09:00:00`);
  const exchange = buyer.country === "GB" ? "Coventry International Mail Centre" : buyer.country === "IE" ? "Dublin Mail Centre" : "Amsterdam International Mail Hub";
  return {
    reference: `PILLBOX-PI-0${k + 1}`,
    handling: Handling.GREEN,
    sourceGrade: SourceGrade.A,
    infoGrade: 2,
    itemId: itemId(k),
    category: PostalCategory.SALE_OF_GOODS,
    sender: { ...SENDER, phone: SHOP_PHONE, email: SHOP_EMAIL },
    addressee: { name: buyer.name, address: buyer.address, postcode: buyer.postcode, city: buyer.city, country: buyer.country },
    contents: [{ description: "Herbal supplements", quantity: 3, netWeightKg: 0.15, value: 18, currency: "USD", hsCode: "210690", originCountry: "IN" }],
    grossWeightKg: 0.22,
    totalValue: 18,
    currency: "USD",
    postedAt: posted,
    officeOfOrigin: "Mumbai Foreign Post Office",
    originCountry: "IN",
    destinationCountry: buyer.country,
    trackingEvents: [
      { code: PostalEventCode.POSTED, at: posted, office: "Mumbai Foreign Post Office" },
      { code: PostalEventCode.ARRIVED_AT_OE, at: new Date(posted.getTime() + 4 * 86_400_000), office: exchange },
      // The first one is held and seized; the others reach their buyers.
      k === 0
        ? { code: PostalEventCode.HELD_BY_CUSTOMS, at: new Date(posted.getTime() + 5 * 86_400_000), office: exchange }
        : { code: PostalEventCode.DELIVERED, at: new Date(posted.getTime() + 7 * 86_400_000), office: `${buyer.city} delivery office` },
    ],
  };
}

/** PILLBOX: falsified medicines sold online from India, on open (GREEN/CLEAR) records. */
export const pillbox: NetworkDefinition = {
  network: {
    id: "PILLBOX",
    title: "PILLBOX: falsified medicines, shared openly",
    story:
      "An online pharmacy in Mumbai ships falsified sildenafil and unlicensed tramadol to buyers in the UK, Ireland and the Netherlands, declared as herbal supplements. " +
      "Customs seized an express consignment at East Midlands and one of its parcels at the Coventry mail centre; the postal operator holds three of its items. These records are GREEN or CLEAR: a public-health warning any agency may pass on.",
    identifiers: [`email ${SHOP_EMAIL}`, `phone ${SHOP_PHONE}`, ...BUYERS.map((_, k) => `postal item ${itemId(k)}`)],
    tryQuery: `{ email(address: "${SHOP_EMAIL}") { address seizures { reference originAgency handling commodities { description quantity unit } } postalItems { itemId reference originAgency handling destinationCountry } } }`,
  },
  codes: { commodity: ["MEDICINES"] },
  records() {
    return {
      postalItems: BUYERS.map(postalItem),
      seizures: [
        {
          reference: "PILLBOX-SZ-01",
          handling: Handling.GREEN,
          sourceGrade: SourceGrade.A,
          infoGrade: 1,
          date: "2025-08-21",
          country: "GB",
          place: "East Midlands Airport express hub",
          placeType: PlaceType.EXPRESS_HUB,
          geo: { lat: 52.8311, lon: -1.3281 },
          transportMode: TransportMode.EXPRESS,
          detectionMethod: DetectionMethod.RISK_PROFILE,
          concealmentMethod: "Blister packs in boxes labelled as herbal supplements",
          commodities: [{ area: CommodityArea.IPR_HEALTH_SAFETY, code: "MEDICINES", hsCode: "300490", description: "Falsified sildenafil tablets", quantity: 12_000, unit: "TABLETS" }],
          route: { origin: "IN", transit: ["AE"], destination: "GB" },
          parties: [{ role: SeizurePartyRole.CONSIGNOR, name: SENDER.business, identifiers: { phones: [SHOP_PHONE], emails: [SHOP_EMAIL] } }],
          transportDocuments: [{ kind: TransportDocumentKind.EXPRESS_WAYBILL, number: "7791044212", carrier: "DHL Express" }],
        },
        {
          reference: "PILLBOX-SZ-02",
          // Published with the regulator's public-health warning: anyone may pass it on.
          handling: Handling.CLEAR,
          sourceGrade: SourceGrade.A,
          infoGrade: 1,
          date: "2025-09-07",
          country: "GB",
          place: "Coventry International Mail Centre",
          placeType: PlaceType.MAIL_CENTRE,
          geo: { lat: 52.4351, lon: -1.4722 },
          transportMode: TransportMode.POSTAL,
          detectionMethod: DetectionMethod.X_RAY,
          concealmentMethod: "Declared on the CN23 as herbal supplements",
          commodities: [{ area: CommodityArea.IPR_HEALTH_SAFETY, code: "MEDICINES", hsCode: "300490", description: "Unlicensed tramadol tablets", quantity: 600, unit: "TABLETS" }],
          route: { origin: "IN", transit: [], destination: "GB" },
          parties: [{ role: SeizurePartyRole.CONSIGNOR, name: SENDER.business, identifiers: { phones: [SHOP_PHONE], emails: [SHOP_EMAIL] } }],
          transportDocuments: [{ kind: TransportDocumentKind.CN23, number: itemId(0) }],
          postalItems: [itemId(0)],
        },
      ],
      cases: [],
      fiuReports: [],
    };
  },
};
