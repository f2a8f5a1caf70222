import type { RecordSeizureInput } from "../../subgraphs/customs/index.js";
import type { RegisterPostalItemInput } from "../../subgraphs/postal/index.js";
import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportDocumentKind, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { CaseEventType, CasePartyRole, CaseStatus } from "../../subgraphs/police/case/case.enums.js";
import { PostalCategory, PostalEventCode } from "../../subgraphs/postal/item/item.enums.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { makeS10 } from "../../schema/identifiers/index.js";
import { at, type NetworkDefinition } from "./types.js";

const SHOP_PHONE = "+447700900101";
const CONTROLLER_PHONE = "+447700900102";
const SHOP_EMAIL = "orders@lantern-shop.example";
const OPERATION = "OP-LANTERN";
const MAIL_CENTRE = { name: "Heathrow Worldwide Distribution Centre", lat: 51.4736, lon: -0.4805 };

interface Order {
  origin: "CN" | "NL";
  posted: string;
  buyer: string;
  buyerPhone: string;
  city: string;
  postcode: string;
  declared: readonly [string, string];
  category: PostalCategory;
  /** Day customs held it at the mail centre; null: it was delivered. */
  seized: string | null;
  lines: ReadonlyArray<readonly [code: "NPS" | "NITAZENES", description: string, hsCode: string, quantity: number, unit: string]>;
}

/** Six orders from the shop's buyers; customs held four of them. */
const ORDERS: readonly Order[] = [
  { origin: "CN", posted: "2025-03-03", buyer: "Ryan Colby", buyerPhone: "+447700900111", city: "Leeds", postcode: "LS6 2QT", declared: ["Bath salts", "330730"], category: PostalCategory.SALE_OF_GOODS, seized: "2025-03-10", lines: [["NPS", "Synthetic cathinone powder (3-MMC)", "292239", 250, "G"]] },
  { origin: "CN", posted: "2025-03-10", buyer: "Megan Tarrant", buyerPhone: "+447700900112", city: "Bristol", postcode: "BS5 6XL", declared: ["Plant food", "310590"], category: PostalCategory.SALE_OF_GOODS, seized: "2025-03-17", lines: [["NPS", "Synthetic cathinone powder (3-MMC)", "292239", 500, "G"], ["NITAZENES", "Protonitazene tablets", "293399", 200, "TABLETS"]] },
  { origin: "NL", posted: "2025-03-18", buyer: "Tyler Brandt", buyerPhone: "+447700900113", city: "Manchester", postcode: "M14 5RT", declared: ["Incense powder", "330741"], category: PostalCategory.GIFT, seized: null, lines: [] },
  { origin: "NL", posted: "2025-04-02", buyer: "Hannah Lisle", buyerPhone: "+447700900114", city: "Coventry", postcode: "CV1 4FS", declared: ["Bath salts", "330730"], category: PostalCategory.GIFT, seized: "2025-04-07", lines: [["NPS", "Etizolam tablets", "293391", 1000, "TABLETS"], ["NITAZENES", "Metonitazene powder", "293399", 12, "G"]] },
  { origin: "CN", posted: "2025-04-14", buyer: "Liam Garvey", buyerPhone: "+447700900115", city: "Glasgow", postcode: "G42 8JW", declared: ["Plant food", "310590"], category: PostalCategory.SALE_OF_GOODS, seized: "2025-04-22", lines: [["NPS", "Synthetic cannabinoid on herbal material", "293979", 900, "G"]] },
  { origin: "CN", posted: "2025-04-29", buyer: "Grace Penhall", buyerPhone: "+447700900116", city: "Liverpool", postcode: "L8 1YQ", declared: ["Herbal tea samples", "121190"], category: PostalCategory.SALE_OF_GOODS, seized: null, lines: [] },
];

const itemId = (order: Order, k: number) => makeS10("LX", 99_010_101 + k, order.origin);

const SENDERS = {
  CN: { name: "Lantern Shop", business: "Shenzhen Lantern Chemical Trading Co., Ltd.", address: "88 Huaqiang North Road", postcode: "518031", city: "Shenzhen", country: "CN" },
  NL: { name: "Lantern Shop", business: "Lantern Webshop B.V.", address: "Stationsweg 12", postcode: "3011 AB", city: "Rotterdam", country: "NL" },
} as const;

function postalItem(order: Order, k: number): RegisterPostalItemInput {
  const posted = at(`${order.posted}T10:${10 + k}:00`);
  const office = order.origin === "CN" ? "Shenzhen International Mail Processing Centre" : "Amsterdam International Mail Hub";
  const trackingEvents = [
    { code: PostalEventCode.POSTED, at: posted, office },
    { code: PostalEventCode.DISPATCHED, at: at(`${order.posted}T22:00:00`), office },
    { code: PostalEventCode.ARRIVED_AT_OE, at: new Date(posted.getTime() + 3 * 86_400_000), office: MAIL_CENTRE.name },
    order.seized
      ? { code: PostalEventCode.HELD_BY_CUSTOMS, at: at(`${order.seized}T09:30:00`), office: MAIL_CENTRE.name }
      : { code: PostalEventCode.DELIVERED, at: new Date(posted.getTime() + 5 * 86_400_000), office: `${order.city} delivery office` },
  ];
  return {
    reference: `LANTERN-PI-0${k + 1}`,
    handling: Handling.AMBER,
    sourceGrade: SourceGrade.A,
    infoGrade: 2,
    itemId: itemId(order, k),
    category: order.category,
    sender: { ...SENDERS[order.origin], phone: SHOP_PHONE, email: SHOP_EMAIL },
    addressee: { name: order.buyer, address: `${14 + 7 * k} Church Lane`, postcode: order.postcode, city: order.city, country: "GB", phone: order.buyerPhone },
    contents: [{ description: order.declared[0], quantity: 1, netWeightKg: 0.6, value: 12.5, currency: order.origin === "CN" ? "USD" : "EUR", hsCode: order.declared[1], originCountry: order.origin }],
    grossWeightKg: 0.74,
    totalValue: 12.5,
    currency: order.origin === "CN" ? "USD" : "EUR",
    postedAt: posted,
    officeOfOrigin: office,
    originCountry: order.origin,
    destinationCountry: "GB",
    trackingEvents,
  };
}

function seizure(order: Order, k: number, n: number): RecordSeizureInput {
  const id = itemId(order, k);
  return {
    reference: `LANTERN-SZ-0${n}`,
    handling: Handling.AMBER,
    operationId: OPERATION,
    sourceGrade: SourceGrade.B,
    infoGrade: n === 1 ? 2 : 1,
    date: order.seized ?? order.posted,
    country: "GB",
    place: MAIL_CENTRE.name,
    placeType: PlaceType.MAIL_CENTRE,
    geo: { lat: MAIL_CENTRE.lat, lon: MAIL_CENTRE.lon },
    transportMode: TransportMode.POSTAL,
    // The first parcel was an X-ray find; the next ones were targeted on the shop's details.
    detectionMethod: n === 1 ? DetectionMethod.X_RAY : DetectionMethod.INTELLIGENCE,
    concealmentMethod: `Declared on the CN23 as ${order.declared[0].toLowerCase()}`,
    commodities: order.lines.map(([code, description, hsCode, quantity, unit]) => ({ area: CommodityArea.DRUGS, code, hsCode, description, quantity, unit })),
    route: { origin: order.origin, transit: [], destination: "GB" },
    parties: [
      { role: SeizurePartyRole.CONSIGNOR, name: "Lantern Shop", identifiers: { phones: n % 2 === 0 ? [SHOP_PHONE, CONTROLLER_PHONE] : [SHOP_PHONE], emails: [SHOP_EMAIL] } },
      { role: SeizurePartyRole.CONSIGNEE, name: order.buyer, identifiers: { phones: [order.buyerPhone] } },
    ],
    transportDocuments: [{ kind: TransportDocumentKind.CN23, number: id }],
    postalItems: [id],
    officerNotes: n === 1 ? "Referred to police; other parcels with the sender's phone number are now targeted (OP-LANTERN)." : "Targeted on the OP-LANTERN profile.",
  };
}

/** LANTERN: an NPS and nitazene mail-order shop posting from China and the Netherlands to UK buyers. */
export const lantern: NetworkDefinition = {
  network: {
    id: "LANTERN",
    title: "LANTERN: NPS mail-order ring",
    story:
      "An online shop sells synthetic cathinones and nitazenes and posts them from China and the Netherlands to buyers in the UK, declared as bath salts or plant food. " +
      "The postal operator registered six of its parcels, customs seized four at the Heathrow mail centre, and police opened a drug-importation case against the man behind the shop's phone numbers (joint operation OP-LANTERN, AMBER).",
    identifiers: [`phone ${SHOP_PHONE}`, `phone ${CONTROLLER_PHONE}`, `email ${SHOP_EMAIL}`, ...ORDERS.map((o, k) => `postal item ${itemId(o, k)}`)],
    tryQuery: `{ phone(e164: "${SHOP_PHONE}") { e164 seizures { reference originAgency handling operationId } postalItems { itemId reference originAgency handling customsHit { hit } } cases { reference originAgency handling operationId title } } }`,
  },
  codes: { commodity: ["NPS", "NITAZENES"], offence: ["DRUG_IMPORTATION"] },
  records() {
    let n = 0;
    return {
      postalItems: ORDERS.map(postalItem),
      seizures: ORDERS.flatMap((order, k) => (order.seized ? [seizure(order, k, ++n)] : [])),
      fiuReports: [],
      cases: [
        {
          reference: "LANTERN-CASE-01",
          handling: Handling.AMBER,
          operationId: OPERATION,
          sourceGrade: SourceGrade.B,
          infoGrade: 2,
          offences: ["DRUG_IMPORTATION"],
          status: CaseStatus.UNDER_INVESTIGATION,
          openedAt: "2025-03-12",
          title: "Lantern Shop: NPS and nitazenes sold online and posted to UK buyers",
          summary: "Customs referral after the first seized parcel. The shop's phone numbers and order e-mail lead to one suspect in London; a second person collects returned parcels.",
          parties: [
            { role: CasePartyRole.SUSPECT, name: "Daniel Vance", birthDate: "1991-06-14", nationality: "GB", identifiers: { phones: [SHOP_PHONE, CONTROLLER_PHONE], emails: [SHOP_EMAIL] } },
            { role: CasePartyRole.ASSOCIATE, name: "Chloe Marlow", birthDate: "1994-11-02", nationality: "GB", identifiers: { phones: ["+447700900103"] } },
          ],
          events: [
            { type: CaseEventType.REPORT, at: at("2025-03-12T09:00:00"), place: "London", country: "GB" },
            { type: CaseEventType.INTERCEPT, at: at("2025-04-03T14:20:00"), place: "London", country: "GB" },
            { type: CaseEventType.SEARCH, at: at("2025-05-06T06:00:00"), place: "London E8", country: "GB" },
            { type: CaseEventType.ARREST, at: at("2025-05-06T06:15:00"), place: "London E8", country: "GB" },
          ],
        },
      ],
    };
  },
};
