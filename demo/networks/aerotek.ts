import type { RecordSeizureInput } from "../../subgraphs/customs/index.js";
import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportDocumentKind, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { FiuPartyKind } from "../../subgraphs/fiu/report/report.enums.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { at, type NetworkDefinition } from "./types.js";

const AEROTEK = { name: "Aerotek Components GmbH", country: "DE", registrationNumber: "HRB123456" };
const AEROTEK_IBAN = "DE58500105170300123456";
const PAYER = { name: "Falcon Gate General Trading LLC", country: "AE", registrationNumber: "784512", iban: "AE510330300000001234567" };
const HUB = { name: "Leipzig/Halle Airport express hub", lat: 51.4239, lon: 12.2364 };

interface Shipment {
  date: string;
  consignee: { name: string; country: string; registrationNumber: string };
  transit: string[];
  waybill: string;
  lines: ReadonlyArray<readonly [code: string, description: string, hsCode: string, quantity: number]>;
  detection: DetectionMethod;
}

/** Three express consignments to Central Asia and the Caucasus, the usual detours to Russia. */
const SHIPMENTS: readonly Shipment[] = [
  { date: "2025-01-22", consignee: { name: "Steppe Trade LLP", country: "KZ", registrationNumber: "190840012345" }, transit: ["TR"], waybill: "4417203381", detection: DetectionMethod.RISK_PROFILE, lines: [["DRONE_COMPONENTS", "Quadcopter flight controllers", "880790", 240]] },
  { date: "2025-04-09", consignee: { name: "Ararat Tech Supply LLC", country: "AM", registrationNumber: "27311042" }, transit: ["AE"], waybill: "4417209914", detection: DetectionMethod.DOCUMENT_CHECK, lines: [["DRONE_COMPONENTS", "Unmanned aircraft, under 25 kg", "880690", 12], ["DRONE_COMPONENTS", "Brushless drone motors", "880790", 600]] },
  { date: "2025-07-15", consignee: { name: "Issyk Logistics LLC", country: "KG", registrationNumber: "221504300" }, transit: ["KZ"], waybill: "4417215520", detection: DetectionMethod.INTELLIGENCE, lines: [["DRONE_COMPONENTS", "Brushless drone motors", "880790", 1_200], ["DUAL_USE", "Thermal imaging modules", "902750", 40]] },
];

function seizure(shipment: Shipment, k: number): RecordSeizureInput {
  return {
    reference: `AEROTEK-SZ-0${k + 1}`,
    handling: Handling.AMBER,
    sourceGrade: SourceGrade.A,
    infoGrade: k === 0 ? 2 : 1,
    date: shipment.date,
    country: "DE",
    place: HUB.name,
    placeType: PlaceType.EXPRESS_HUB,
    geo: { lat: HUB.lat, lon: HUB.lon },
    transportMode: TransportMode.EXPRESS,
    detectionMethod: shipment.detection,
    concealmentMethod: "Declared as hobby electronics spare parts",
    commodities: shipment.lines.map(([code, description, hsCode, quantity]) => ({ area: CommodityArea.SECURITY, code, hsCode, description, quantity, unit: "PIECES" })),
    route: { origin: "DE", transit: shipment.transit, destination: shipment.consignee.country },
    parties: [
      { role: SeizurePartyRole.CONSIGNOR, name: AEROTEK.name, identifiers: { companies: [{ country: AEROTEK.country, registrationNumber: AEROTEK.registrationNumber }] } },
      { role: SeizurePartyRole.CONSIGNEE, name: shipment.consignee.name, identifiers: { companies: [{ country: shipment.consignee.country, registrationNumber: shipment.consignee.registrationNumber }] } },
    ],
    transportDocuments: [{ kind: TransportDocumentKind.EXPRESS_WAYBILL, number: shipment.waybill, carrier: "DHL Express" }],
    officerNotes: "Goods listed in Annex XXIII to Regulation (EU) 833/2014; end user suspected in Russia.",
  };
}

/** AEROTEK: a German component dealer whose drone parts keep heading east through third countries. */
export const aerotek: NetworkDefinition = {
  network: {
    id: "AEROTEK",
    title: "AEROTEK: drone components through express couriers",
    story:
      "Aerotek Components GmbH sends drone flight controllers, motors and complete small drones by express courier to trading companies in Kazakhstan, Armenia and Kyrgyzstan, routes used to evade the sanctions on Russia; customs seized three consignments at Leipzig/Halle. " +
      "Its bank filed a SAR on payments from a Dubai trader, so the company is known to customs and to the FIU.",
    identifiers: [`company DE ${AEROTEK.registrationNumber} (${AEROTEK.name})`, `IBAN ${AEROTEK_IBAN}`],
    tryQuery: `{ company(country: "${AEROTEK.country}", registrationNumber: "${AEROTEK.registrationNumber}") { country registrationNumber seizures { reference originAgency handling route { destination transit } } fiuHit { hit contactPoint } } }`,
  },
  codes: { commodity: ["DRONE_COMPONENTS", "DUAL_USE"], fiuReport: ["SAR"] },
  records() {
    return {
      seizures: SHIPMENTS.map(seizure),
      fiuReports: [
        {
          reference: "AEROTEK-SAR-01",
          // AMBER, not AMBER+STRICT: a hit on the company may tell customs that the FIU holds something.
          handling: Handling.AMBER,
          sourceGrade: SourceGrade.B,
          infoGrade: 2,
          reportCode: "SAR",
          entityReference: "RMHB-2025-00981",
          submittedAt: at("2025-05-12T09:18:00"),
          reportingEntity: { name: "Rhein-Main Handelsbank AG", institutionCode: "RMHBDEFF", country: "DE" },
          reason: "A small component dealer receives large prepayments from a Dubai trader with no visible link to its declared customers.",
          indicators: ["SANCTIONS_PROXIMITY", "TRADE_BASED_ML", "HIGH_RISK_JURISDICTION"],
          narrative: "Aerotek Components GmbH received EUR 412,000 in three prepayments from Falcon Gate General Trading LLC (Dubai) while invoicing buyers in Kazakhstan, Armenia and Kyrgyzstan.",
          parties: [
            { kind: FiuPartyKind.COMPANY, name: AEROTEK.name, significance: 10, role: "account holder", identifiers: { companies: [{ country: AEROTEK.country, registrationNumber: AEROTEK.registrationNumber }], ibans: [AEROTEK_IBAN] } },
            { kind: FiuPartyKind.PERSON, name: "Tobias Hartung", birthDate: "1978-05-30", nationality: "DE", significance: 7, role: "managing director" },
            { kind: FiuPartyKind.COMPANY, name: PAYER.name, significance: 6, role: "payer", identifiers: { companies: [{ country: PAYER.country, registrationNumber: PAYER.registrationNumber }], ibans: [PAYER.iban] } },
          ],
          accounts: [
            { iban: AEROTEK_IBAN, institutionName: "Rhein-Main Handelsbank AG", holderName: AEROTEK.name, currency: "EUR" },
            { iban: PAYER.iban, holderName: PAYER.name, currency: "EUR" },
          ],
          transactions: [
            { number: "RM-7781", date: "2025-01-08", amount: 118_000, currency: "EUR", fromAccount: PAYER.iban, toAccount: AEROTEK_IBAN, country: "AE", description: "Prepayment, invoice AT-2501" },
            { number: "RM-8102", date: "2025-03-21", amount: 146_500, currency: "EUR", fromAccount: PAYER.iban, toAccount: AEROTEK_IBAN, country: "AE", description: "Prepayment, invoice AT-2507" },
            { number: "RM-8840", date: "2025-04-30", amount: 147_500, currency: "EUR", fromAccount: PAYER.iban, toAccount: AEROTEK_IBAN, country: "AE", description: "Prepayment, invoice AT-2512" },
          ],
        },
      ],
      cases: [],
      postalItems: [],
    };
  },
};
