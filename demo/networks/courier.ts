import { CommodityArea, DetectionMethod, PlaceType, SeizurePartyRole, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { FiuPartyKind } from "../../subgraphs/fiu/report/report.enums.js";
import { CaseEventType, CasePartyRole, CaseStatus } from "../../subgraphs/police/case/case.enums.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { at, type NetworkDefinition } from "./types.js";

const COURIER_PHONE = "+447700900201";
const PARTNER_PHONE = "+447700900202";
/** The courier's own current account (Northbridge Bank). */
const OWN_IBAN = "GB44NBRK60161320120101";
/** The account the courier shares with a second courier (Albion Savings Bank): the link. */
const SHARED_IBAN = "GB93ALBS40212420220202";
const PASSPORT = { country: "GB", number: "925140201" };
const OPERATION = "OP-COURIER";
const COURIER = { name: "Marcus Dunmore", birthDate: "1986-02-11", nationality: "GB" };
const PARTNER = { name: "Kyle Brannigan", birthDate: "1990-09-23", nationality: "GB" };

/** COURIER: a cash courier stopped at Heathrow, known to the FIU through his accounts. */
export const courier: NetworkDefinition = {
  network: {
    id: "COURIER",
    title: "COURIER: cash courier to Dubai",
    story:
      "Customs stop a passenger at Heathrow outbound to Dubai with EUR 186,500 in undeclared cash; his bank card and passport link him to the accounts banks had already reported. " +
      "The FIU holds an STR on structured deposits moved into an account he shares with a second courier, and a CTR on a large cash deposit into that shared account; police run a money-laundering case on both couriers with the same account.",
    identifiers: [`phone ${COURIER_PHONE}`, `IBAN ${SHARED_IBAN} (shared)`, `IBAN ${OWN_IBAN}`, `passport GB ${PASSPORT.number}`],
    tryQuery: `{ bankAccount(iban: "${SHARED_IBAN}") { iban fiuHit { hit contactPoint } cases { reference originAgency handling operationId title } } travelDocument(country: "${PASSPORT.country}", number: "${PASSPORT.number}") { seizures { reference originAgency handling commodities { quantity unit } } } }`,
  },
  codes: { commodity: ["CASH"], offence: ["MONEY_LAUNDERING"], fiuReport: ["STR", "CTR"] },
  records() {
    return {
      seizures: [
        {
          reference: "COURIER-SZ-01",
          handling: Handling.AMBER,
          operationId: OPERATION,
          sourceGrade: SourceGrade.A,
          infoGrade: 1,
          date: "2025-03-14",
          country: "GB",
          place: "London Heathrow Airport",
          placeType: PlaceType.AIRPORT,
          geo: { lat: 51.47, lon: -0.4543 },
          transportMode: TransportMode.PASSENGER,
          detectionMethod: DetectionMethod.RISK_PROFILE,
          concealmentMethod: "Vacuum-packed bundles in hand luggage",
          commodities: [{ area: CommodityArea.SECURITY, code: "CASH", hsCode: "490700", description: "Euro banknotes (EUR 200 and 500), undeclared", quantity: 186_500, unit: "EUR" }],
          route: { origin: "GB", transit: [], destination: "AE" },
          parties: [{ role: SeizurePartyRole.OFFENDER, ...COURIER, identifiers: { phones: [COURIER_PHONE], travelDocuments: [PASSPORT], ibans: [OWN_IBAN] } }],
          officerNotes: "Bank card for the Northbridge account found in his wallet. Cash detained; referred to police (OP-COURIER).",
        },
      ],
      fiuReports: [
        {
          reference: "COURIER-STR-01",
          handling: Handling.AMBER_STRICT,
          sourceGrade: SourceGrade.B,
          infoGrade: 2,
          reportCode: "STR",
          entityReference: "NBRK-2025-004417",
          submittedAt: at("2025-02-20T11:42:00"),
          reportingEntity: { name: "Northbridge Bank plc", institutionCode: "NBRKGB2L", country: "GB" },
          reason: "Structured cash deposits just below the threshold, moved the same week to an account at another bank.",
          indicators: ["STRUCTURING", "RAPID_MOVEMENT", "CASH_INTENSIVE"],
          narrative: "Five cash deposits of GBP 9,400 to 9,800 in two weeks into the account of Marcus Dunmore, then GBP 46,000 to an account at Albion Savings Bank that he holds jointly with Kyle Brannigan.",
          parties: [
            { kind: FiuPartyKind.PERSON, ...COURIER, significance: 10, role: "subject", identifiers: { ibans: [OWN_IBAN, SHARED_IBAN], phones: [COURIER_PHONE], travelDocuments: [PASSPORT] } },
            { kind: FiuPartyKind.PERSON, ...PARTNER, significance: 5, role: "joint account holder", identifiers: { ibans: [SHARED_IBAN] } },
          ],
          accounts: [
            { iban: OWN_IBAN, institutionName: "Northbridge Bank plc", holderName: COURIER.name, currency: "GBP" },
            { iban: SHARED_IBAN, institutionName: "Albion Savings Bank", holderName: `${COURIER.name} and ${PARTNER.name}`, currency: "GBP" },
          ],
          transactions: [
            ...[9_400, 9_650, 9_800, 9_500, 9_700].map((amount, k) => ({ number: `NB${40120 + k}`, date: `2025-02-0${3 + k}`, amount, currency: "GBP", toAccount: OWN_IBAN, country: "GB", description: "Cash deposit, Birmingham branch" })),
            { number: "NB40131", date: "2025-02-12", amount: 46_000, currency: "GBP", fromAccount: OWN_IBAN, toAccount: SHARED_IBAN, country: "GB", description: "Faster Payment, reference 'car'" },
          ],
        },
        {
          reference: "COURIER-CTR-01",
          handling: Handling.AMBER,
          sourceGrade: SourceGrade.A,
          infoGrade: 1,
          reportCode: "CTR",
          entityReference: "ALBS-2025-118230",
          submittedAt: at("2025-03-03T16:05:00"),
          reportingEntity: { name: "Albion Savings Bank", institutionCode: "ALBSGB21", country: "GB" },
          reason: "Cash deposit above the reporting threshold.",
          narrative: "GBP 24,000 in used notes paid into the joint account of Marcus Dunmore and Kyle Brannigan.",
          parties: [{ kind: FiuPartyKind.PERSON, ...PARTNER, significance: 8, role: "depositor", identifiers: { ibans: [SHARED_IBAN], phones: [PARTNER_PHONE] } }],
          accounts: [{ iban: SHARED_IBAN, institutionName: "Albion Savings Bank", holderName: `${COURIER.name} and ${PARTNER.name}`, currency: "GBP" }],
          transactions: [{ number: "AS118230", date: "2025-03-03", amount: 24_000, currency: "GBP", toAccount: SHARED_IBAN, country: "GB", description: "Cash deposit at the counter" }],
        },
      ],
      cases: [
        {
          reference: "COURIER-CASE-01",
          handling: Handling.AMBER,
          operationId: OPERATION,
          sourceGrade: SourceGrade.B,
          infoGrade: 2,
          offences: ["MONEY_LAUNDERING"],
          status: CaseStatus.UNDER_INVESTIGATION,
          openedAt: "2025-03-15",
          title: "Cash couriers to Dubai, Birmingham",
          summary: "Opened on the Heathrow cash detention. Both couriers use the same joint account for deposits before each trip.",
          parties: [
            { role: CasePartyRole.SUSPECT, ...COURIER, identifiers: { phones: [COURIER_PHONE], ibans: [SHARED_IBAN], travelDocuments: [PASSPORT] } },
            { role: CasePartyRole.SUSPECT, ...PARTNER, identifiers: { phones: [PARTNER_PHONE], ibans: [SHARED_IBAN] } },
          ],
          events: [
            { type: CaseEventType.REPORT, at: at("2025-03-15T10:00:00"), place: "London Heathrow Airport", country: "GB" },
            { type: CaseEventType.INTERVIEW, at: at("2025-03-15T15:30:00"), place: "Heathrow custody suite", country: "GB" },
            { type: CaseEventType.SURVEILLANCE, at: at("2025-04-10T08:00:00"), place: "Birmingham", country: "GB" },
          ],
        },
      ],
      postalItems: [],
    };
  },
};
