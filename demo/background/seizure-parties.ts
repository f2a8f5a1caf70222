import type { SeizurePartyInput } from "../../subgraphs/customs/seizure/seizure.input.js";
import { SeizurePartyRole, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { Agency } from "../../schema/enums.js";
import { birthDate, personName } from "../catalogue/names.js";
import { CARRIERS } from "../catalogue/organisations.js";
import type { Place } from "../catalogue/places.js";
import { mobilePhone, passportNumber, plate } from "../identifiers.js";
import type { Random } from "../random.js";
import { companyForRecord, contactFor, type BackgroundSettings, type Company, type Contact, type Parcel } from "./context.js";

/*
 * Who a background seizure names. Persons get a phone (and a passport when they travel);
 * companies come from the unit's trader pool so the same firm recurs in seizures and FIU reports.
 */

const personParty = (rng: Random, role: SeizurePartyRole, nationality: string, extras: { passport?: boolean; phoneCountry?: string; vehicle?: { country: string; plate: string } } = {}): SeizurePartyInput => ({
  role,
  name: personName(rng, nationality),
  birthDate: birthDate(rng),
  nationality,
  identifiers: {
    phones: [mobilePhone(rng, extras.phoneCountry ?? nationality)],
    travelDocuments: extras.passport ? [{ country: nationality, number: passportNumber(rng, nationality) }] : null,
    vehicles: extras.vehicle ? [extras.vehicle] : null,
  },
});

const companyParty = (role: SeizurePartyRole, company: Company): SeizurePartyInput => ({
  role,
  name: company.name,
  identifiers: { companies: [{ country: company.country, registrationNumber: company.registrationNumber }], phones: [company.phone] },
});

const contactParty = (role: SeizurePartyRole, contact: Contact, travelling: boolean): SeizurePartyInput => ({
  role,
  name: contact.name,
  birthDate: contact.birthDate,
  nationality: contact.nationality,
  identifiers: {
    phones: [contact.phone],
    emails: travelling ? null : [contact.email],
    travelDocuments: travelling ? [contact.passport] : null,
  },
});

/** Who a seizure names, by mode: senders and receivers of consignments, carriers, or the traveller. */
export function partiesFor(rng: Random, settings: BackgroundSettings, mode: TransportMode, place: Place, i: number, seized: Parcel | null): SeizurePartyInput[] {
  const known = contactFor(settings, "seizures", Agency.CUSTOMS, i);
  const local = place.country;
  const trader = () => companyForRecord(settings, rng, "seizures", i);
  const parties: SeizurePartyInput[] = [];
  switch (mode) {
    case TransportMode.POSTAL:
      if (seized) {
        parties.push({ role: SeizurePartyRole.CONSIGNOR, name: seized.sender.business ?? seized.sender.name, identifiers: { phones: seized.sender.phone ? [seized.sender.phone] : null, emails: seized.sender.email ? [seized.sender.email] : null } });
        parties.push({ role: SeizurePartyRole.CONSIGNEE, name: seized.addressee.name, identifiers: { phones: [seized.addressee.phone], emails: seized.addressee.email ? [seized.addressee.email] : null } });
      } else {
        parties.push(personParty(rng, SeizurePartyRole.CONSIGNEE, local));
      }
      break;
    case TransportMode.EXPRESS:
      parties.push(companyParty(SeizurePartyRole.CONSIGNOR, trader()));
      parties.push(personParty(rng, SeizurePartyRole.CONSIGNEE, local));
      break;
    case TransportMode.PASSENGER:
      parties.push(personParty(rng, SeizurePartyRole.OFFENDER, rng.pick([local, local, "NG", "CO", "AL", "NL", "ES", "GB", "TR"]), { passport: true, phoneCountry: local }));
      break;
    case TransportMode.ROAD: {
      const driverCountry = rng.pick(["PL", "LT", "BG", "TR", "RO", "NL", "DE"]);
      parties.push(personParty(rng, SeizurePartyRole.OFFENDER, driverCountry, { passport: true, vehicle: { country: driverCountry, plate: plate(rng, driverCountry) } }));
      parties.push(companyParty(SeizurePartyRole.CARRIER, trader()));
      parties.push(companyParty(SeizurePartyRole.CONSIGNEE, trader()));
      break;
    }
    default:
      parties.push(companyParty(SeizurePartyRole.CONSIGNOR, trader()));
      parties.push(companyParty(SeizurePartyRole.CONSIGNEE, trader()));
      if (rng.chance(0.5)) parties.push({ role: SeizurePartyRole.CARRIER, name: rng.pick(CARRIERS[mode] ?? ["Unknown carrier"]) });
  }
  if (known) {
    const travelling = mode === TransportMode.PASSENGER || mode === TransportMode.ROAD;
    parties.push(contactParty(travelling ? SeizurePartyRole.OFFENDER : SeizurePartyRole.CONSIGNEE, known, travelling));
  }
  return parties;
}
