import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportDocumentKind, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { CaseEventType, CasePartyRole, CaseStatus } from "../../subgraphs/police/case/case.enums.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { makeContainerNumber } from "../../schema/identifiers/index.js";
import { at, type NetworkDefinition } from "./types.js";

/** The reefer container both seizures name (ISO 6346, check digit computed). */
const CONTAINER = makeContainerNumber("RFR", "U", 401_401);
const DRIVER_PHONE = "+447700900401";
const ORGANISER_PHONE = "+447700900402";
const TRUCK = { country: "NL", plate: "89-BTX-4" };
const OPERATION = "OP-REEFER";
const EXPORTER = { name: "Bananera del Pacífico S.A.", country: "EC", registrationNumber: "0991234567001" };
const DRIVER = { name: "Callum Prentice", birthDate: "1983-08-19", nationality: "GB" };

/** REEFER: one reefer container, used twice on the Ecuador - Spain - Netherlands banana route. */
export const reefer: NetworkDefinition = {
  network: {
    id: "REEFER",
    title: "REEFER: cocaine in a banana container",
    story:
      `Customs in Rotterdam find 612 kg of cocaine in reefer container ${CONTAINER}, shipped from Ecuador through Spain; the same container was already named in a RED seizure at Algeciras the year before. ` +
      "The truck that came to collect it and its British driver appear in a police drug-trafficking case (joint operation OP-REEFER), so the container links two customs seizures and the driver's phone and truck link customs to police.",
    identifiers: [`container ${CONTAINER}`, `phone ${DRIVER_PHONE}`, `vehicle NL ${TRUCK.plate}`],
    tryQuery: `{ container(number: "${CONTAINER}") { number seizures { reference originAgency handling place } } vehicle(country: "${TRUCK.country}", plate: "${TRUCK.plate}") { seizures { reference originAgency handling } cases { reference originAgency handling operationId title } } }`,
  },
  codes: { commodity: ["COCAINE"], offence: ["DRUG_TRAFFICKING", "ORGANISED_CRIME"] },
  records() {
    return {
      seizures: [
        {
          reference: "REEFER-SZ-01",
          // A source-based hit passed on for a controlled follow-up: not for further disclosure.
          handling: Handling.RED,
          sourceGrade: SourceGrade.C,
          infoGrade: 3,
          date: "2024-10-17",
          country: "ES",
          place: "Port of Algeciras",
          placeType: PlaceType.SEAPORT,
          geo: { lat: 36.1333, lon: -5.4333 },
          transportMode: TransportMode.SEA,
          detectionMethod: DetectionMethod.INTELLIGENCE,
          concealmentMethod: "Rip-on/rip-off: sports bags behind the banana pallets at the door end",
          commodities: [{ area: CommodityArea.DRUGS, code: "COCAINE", hsCode: "293971", description: "Cocaine hydrochloride, bricks", quantity: 48, unit: "KG" }],
          route: { origin: "EC", transit: [], destination: "ES" },
          parties: [{ role: SeizurePartyRole.CONSIGNOR, name: EXPORTER.name, identifiers: { companies: [{ country: EXPORTER.country, registrationNumber: EXPORTER.registrationNumber }] } }],
          containers: [CONTAINER],
          transportDocuments: [{ kind: TransportDocumentKind.BILL_OF_LADING, number: "MEDU8123456", carrier: "MSC" }],
        },
        {
          reference: "REEFER-SZ-02",
          handling: Handling.AMBER,
          operationId: OPERATION,
          sourceGrade: SourceGrade.A,
          infoGrade: 1,
          date: "2025-02-11",
          country: "NL",
          place: "Port of Rotterdam, Maasvlakte",
          placeType: PlaceType.SEAPORT,
          geo: { lat: 51.9536, lon: 4.0406 },
          transportMode: TransportMode.SEA,
          detectionMethod: DetectionMethod.RISK_PROFILE,
          concealmentMethod: "Inside the refrigeration unit's evaporator housing",
          commodities: [{ area: CommodityArea.DRUGS, code: "COCAINE", hsCode: "293971", description: "Cocaine hydrochloride, bricks", quantity: 612, unit: "KG" }],
          route: { origin: "EC", transit: ["ES"], destination: "NL" },
          parties: [
            { role: SeizurePartyRole.CONSIGNOR, name: EXPORTER.name, identifiers: { companies: [{ country: EXPORTER.country, registrationNumber: EXPORTER.registrationNumber }] } },
            { role: SeizurePartyRole.CONSIGNEE, name: "Maasdelta Fresh Import B.V.", identifiers: { companies: [{ country: "NL", registrationNumber: "70412345" }] } },
            { role: SeizurePartyRole.OFFENDER, ...DRIVER, identifiers: { phones: [DRIVER_PHONE], vehicles: [TRUCK] } },
          ],
          containers: [CONTAINER],
          transportDocuments: [{ kind: TransportDocumentKind.BILL_OF_LADING, number: "MEDU8455210", carrier: "MSC" }],
          officerNotes: "Drugs replaced by a dummy load; collection by truck watched with police (OP-REEFER).",
        },
      ],
      cases: [
        {
          reference: "REEFER-CASE-01",
          handling: Handling.AMBER,
          operationId: OPERATION,
          sourceGrade: SourceGrade.A,
          infoGrade: 2,
          offences: ["DRUG_TRAFFICKING", "ORGANISED_CRIME"],
          status: CaseStatus.REFERRED_TO_PROSECUTION,
          openedAt: "2025-02-12",
          title: "Controlled delivery of a cocaine container from Rotterdam",
          summary: "The truck that collected the container drove to a unit in Kent; driver and organiser arrested on arrival.",
          parties: [
            { role: CasePartyRole.SUSPECT, ...DRIVER, identifiers: { phones: [DRIVER_PHONE] } },
            { role: CasePartyRole.SUSPECT, name: "Sophie Carrick", birthDate: "1979-01-27", nationality: "GB", identifiers: { phones: [ORGANISER_PHONE] } },
          ],
          events: [
            { type: CaseEventType.SURVEILLANCE, at: at("2025-02-13T05:40:00"), place: "Port of Rotterdam, Maasvlakte", country: "NL" },
            { type: CaseEventType.ARREST, at: at("2025-02-14T11:20:00"), place: "Sittingbourne, Kent", country: "GB" },
            { type: CaseEventType.SEIZURE, at: at("2025-02-14T12:00:00"), place: "Sittingbourne, Kent", country: "GB" },
          ],
          vehicles: [{ ...TRUCK, make: "DAF", model: "XF 480", colour: "white" }],
        },
      ],
      fiuReports: [],
      postalItems: [],
    };
  },
};
