import { CaseEventType, CasePartyRole, CaseStatus } from "../../subgraphs/police/case/case.enums.js";
import { PostalCategory, PostalEventCode } from "../../subgraphs/postal/item/item.enums.js";
import { Handling, SourceGrade } from "../../schema/enums.js";
import { makeS10 } from "../../schema/identifiers/index.js";
import { at, type NetworkDefinition } from "./types.js";

const VICTIM_PHONE = "+447700900501";
const SUSPECT_PHONE = "+447700900502";
const CALLER_PHONE = "+447700900503";
const ITEM = makeS10("CP", 99_050_501, "ES");

/** ECHO: the same phone is a victim's in one case and in a drug suspect's contacts in another. */
export const echo: NetworkDefinition = {
  network: {
    id: "ECHO",
    title: "ECHO: a victim's phone in a suspect's contacts",
    story:
      "A woman in Bristol reports threats by phone; her number is recorded on the threats case as the victim's. " +
      "Months later the same number turns up among the contacts of a suspect in a separate, strictly held drug-trafficking case, and the postal operator holds a parcel from Spain addressed to that number: one identifier links a victim, a suspect's contact and a postal item.",
    identifiers: [`phone ${VICTIM_PHONE}`, `postal item ${ITEM}`],
    tryQuery: `{ phone(e164: "${VICTIM_PHONE}") { e164 cases { reference originAgency handling parties { role name } } postalItems { itemId reference originAgency handling addressee { name city } } } }`,
  },
  codes: { offence: ["THREATS", "DRUG_TRAFFICKING"] },
  records() {
    return {
      cases: [
        {
          reference: "ECHO-CASE-01",
          handling: Handling.AMBER,
          sourceGrade: SourceGrade.A,
          infoGrade: 2,
          offences: ["THREATS"],
          status: CaseStatus.UNDER_INVESTIGATION,
          openedAt: "2025-06-03",
          title: "Threats to kill by phone, Bristol",
          summary: "The victim received repeated threatening calls from a withheld and then a mobile number.",
          parties: [
            { role: CasePartyRole.VICTIM, name: "Emily Sandford", birthDate: "1993-04-08", nationality: "GB", identifiers: { phones: [VICTIM_PHONE] } },
            { role: CasePartyRole.SUSPECT, name: "Unknown caller", identifiers: { phones: [CALLER_PHONE] } },
          ],
          events: [{ type: CaseEventType.REPORT, at: at("2025-06-03T18:45:00"), place: "Bristol", country: "GB" }],
        },
        {
          reference: "ECHO-CASE-02",
          handling: Handling.AMBER_STRICT,
          sourceGrade: SourceGrade.B,
          infoGrade: 3,
          offences: ["DRUG_TRAFFICKING"],
          status: CaseStatus.UNDER_INVESTIGATION,
          openedAt: "2025-08-19",
          title: "Cocaine supply line, Bristol",
          summary: "Download of the suspect's phone after arrest; its contacts include the victim number of ECHO-CASE-01.",
          parties: [
            // The victim's number is listed as one of his contacts, next to his own.
            { role: CasePartyRole.SUSPECT, name: "Jack Merrow", birthDate: "1989-12-01", nationality: "GB", identifiers: { phones: [SUSPECT_PHONE, VICTIM_PHONE] } },
            { role: CasePartyRole.ASSOCIATE, name: "Harry Quint", birthDate: "1996-03-15", nationality: "GB", identifiers: { phones: ["+447700900504"] } },
          ],
          events: [
            { type: CaseEventType.ARREST, at: at("2025-08-19T06:10:00"), place: "Bristol", country: "GB" },
            { type: CaseEventType.SEARCH, at: at("2025-08-19T07:00:00"), place: "Bristol", country: "GB" },
          ],
        },
      ],
      postalItems: [
        {
          reference: "ECHO-PI-01",
          handling: Handling.GREEN,
          sourceGrade: SourceGrade.A,
          infoGrade: 2,
          itemId: ITEM,
          category: PostalCategory.SALE_OF_GOODS,
          sender: { name: "Costa Sol Accesorios", business: "Costa Sol Accesorios S.L.", address: "Calle Larios 21", postcode: "29005", city: "Málaga", country: "ES" },
          addressee: { name: "E. Sandford", address: "41 Victoria Road", postcode: "BS5 9DX", city: "Bristol", country: "GB", phone: VICTIM_PHONE },
          contents: [{ description: "Phone accessories", quantity: 2, netWeightKg: 0.3, value: 24, currency: "EUR", hsCode: "392690", originCountry: "ES" }],
          grossWeightKg: 0.42,
          totalValue: 24,
          currency: "EUR",
          postedAt: at("2025-07-30T11:20:00"),
          officeOfOrigin: "Madrid-Barajas Postal Exchange",
          originCountry: "ES",
          destinationCountry: "GB",
          trackingEvents: [
            { code: PostalEventCode.POSTED, at: at("2025-07-30T11:20:00"), office: "Málaga" },
            { code: PostalEventCode.ARRIVED_AT_OE, at: at("2025-08-02T04:10:00"), office: "Heathrow Worldwide Distribution Centre" },
            { code: PostalEventCode.DELIVERED, at: at("2025-08-04T12:30:00"), office: "Bristol delivery office" },
          ],
        },
      ],
      seizures: [],
      fiuReports: [],
    };
  },
};
