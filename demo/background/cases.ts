import type { OpenCaseInput } from "../../subgraphs/police/index.js";
import type { CaseEventInput, CasePartyInput, CaseVehicleInput } from "../../subgraphs/police/case/case.input.js";
import { CaseEventType, CasePartyRole, CaseStatus, DataSubjectCategory } from "../../subgraphs/police/case/case.enums.js";
import { Agency, Handling } from "../../schema/enums.js";
import { addDays, daysBetween, DEMO_FROM, DEMO_TO } from "../calendar.js";
import { birthDate, personName } from "../catalogue/names.js";
import { BACKGROUND_OPERATIONS } from "../catalogue/organisations.js";
import { Cycler } from "../coverage.js";
import { email, iban, mobilePhone, passportNumber, plate } from "../identifiers.js";
import { Random } from "../random.js";
import { contactFor, countOf, type BackgroundSettings } from "./context.js";
import { policeEnvelopes } from "./envelope.js";

interface CaseTemplate {
  readonly titles: readonly string[];
  readonly victim: boolean;
  readonly suspects: readonly [number, number];
  /** Chance that the case records a vehicle. */
  readonly vehicle: number;
  /** Chance that a suspect's bank account is known. */
  readonly banked: number;
}

/** What a case of each offence usually looks like; unknown codes (a deployment's own) get the default. */
const TEMPLATES: Readonly<Record<string, CaseTemplate>> = {
  DRUG_TRAFFICKING: { titles: ["Cocaine supply line", "Cannabis distribution network", "County-lines heroin supply"], victim: false, suspects: [1, 3], vehicle: 0.5, banked: 0.2 },
  DRUG_IMPORTATION: { titles: ["Importation of controlled drugs by post", "Cocaine importation via freight", "NPS ordered online for resale"], victim: false, suspects: [1, 2], vehicle: 0.2, banked: 0.2 },
  MONEY_LAUNDERING: { titles: ["Money mule network", "Cash-intensive business laundering", "Trade-based money laundering"], victim: false, suspects: [1, 3], vehicle: 0.1, banked: 0.9 },
  SMUGGLING: { titles: ["Tobacco smuggling by HGV", "Alcohol diversion", "Smuggling of undeclared goods"], victim: false, suspects: [1, 2], vehicle: 0.7, banked: 0.2 },
  FIREARMS_TRAFFICKING: { titles: ["Supply of converted pistols", "Firearm parts ordered online", "Ammunition supply"], victim: false, suspects: [1, 2], vehicle: 0.3, banked: 0.2 },
  FRAUD: { titles: ["Invoice redirection fraud", "Online marketplace fraud", "Romance fraud"], victim: true, suspects: [1, 2], vehicle: 0, banked: 0.8 },
  ORGANISED_CRIME: { titles: ["Organised crime group with port access", "Crime group using encrypted phones"], victim: false, suspects: [2, 4], vehicle: 0.4, banked: 0.4 },
  SANCTIONS_EVASION: { titles: ["Export of controlled goods via a third country", "Sanctioned-entity procurement"], victim: false, suspects: [1, 2], vehicle: 0, banked: 0.7 },
  HUMAN_TRAFFICKING: { titles: ["Labour exploitation at car washes", "Sexual exploitation network"], victim: true, suspects: [1, 3], vehicle: 0.4, banked: 0.4 },
  THREATS: { titles: ["Threats to kill by phone", "Harassment and threats"], victim: true, suspects: [1, 1], vehicle: 0, banked: 0 },
  ASSAULT: { titles: ["Assault outside licensed premises", "Assault with a weapon"], victim: true, suspects: [1, 2], vehicle: 0.1, banked: 0 },
};
const DEFAULT_TEMPLATE: CaseTemplate = { titles: ["Investigation"], victim: false, suspects: [1, 2], vehicle: 0.2, banked: 0.3 };

const OFFENCE_WEIGHTS: Readonly<Record<string, number>> = {
  DRUG_TRAFFICKING: 22, DRUG_IMPORTATION: 12, MONEY_LAUNDERING: 14, SMUGGLING: 8, FIREARMS_TRAFFICKING: 6, FRAUD: 12,
  ORGANISED_CRIME: 6, SANCTIONS_EVASION: 3, HUMAN_TRAFFICKING: 4, THREATS: 7, ASSAULT: 6,
};

const CITIES: readonly string[] = ["London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Bristol", "Glasgow", "Newcastle", "Coventry", "Dover"];
const VEHICLES: ReadonlyArray<readonly [string, string]> = [
  ["Volkswagen", "Transporter"], ["Ford", "Transit"], ["BMW", "X5"], ["Mercedes-Benz", "Sprinter"], ["Audi", "A6"],
  ["Toyota", "Prius"], ["DAF", "XF"], ["Scania", "R450"], ["Volvo", "FH"], ["Range Rover", "Sport"],
];
const COLOURS: readonly string[] = ["black", "white", "silver", "grey", "blue", "red"];
const LATER_EVENTS: readonly CaseEventType[] = [CaseEventType.SURVEILLANCE, CaseEventType.INTERCEPT, CaseEventType.SEARCH, CaseEventType.SEIZURE, CaseEventType.CONTACT];
const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

function vehicle(rng: Random): CaseVehicleInput {
  const country = rng.weighted([["GB", 70], ["NL", 8], ["PL", 8], ["LT", 6], ["ES", 4], ["DE", 4]] as const);
  const [make, model] = rng.pick(VEHICLES);
  const ukPlate = () => `${rng.chars(2, "ABCDEFGHJKLMNOPRSTUVWXY")}${rng.pick(["19", "20", "69", "70", "21", "71", "22", "72", "23", "73"])} ${rng.chars(3, "ABCDEFGHJKLMNOPRSTUVWXYZ")}`;
  return { country, plate: country === "GB" ? ukPlate() : plate(rng, country), make, model, colour: rng.pick(COLOURS), vin: rng.chance(0.4) ? rng.chars(17, VIN_CHARS) : null };
}

function suspect(rng: Random, template: CaseTemplate, category: DataSubjectCategory | null): CasePartyInput {
  const nationality = rng.weighted([["GB", 60], ["AL", 6], ["NL", 4], ["PL", 6], ["LT", 5], ["NG", 5], ["TR", 5], ["IE", 4], ["RO", 5]] as const);
  const name = personName(rng, nationality);
  return {
    role: CasePartyRole.SUSPECT,
    dataSubjectCategory: category,
    name,
    birthDate: birthDate(rng),
    nationality,
    identifiers: {
      phones: Array.from({ length: rng.int(1, 2) }, () => mobilePhone(rng, rng.chance(0.8) ? "GB" : nationality)),
      emails: rng.chance(0.3) ? [email(rng, name)] : null,
      ibans: rng.chance(template.banked) ? [iban(rng, rng.chance(0.7) ? "GB" : rng.pick(["LT", "NL", "ES", "IE"]))] : null,
      travelDocuments: rng.chance(0.2) ? [{ country: nationality, number: passportNumber(rng, nationality) }] : null,
    },
  };
}

function otherParty(rng: Random, role: CasePartyRole): CasePartyInput {
  if (role === CasePartyRole.INFORMANT) {
    // Covert sources are recorded by pseudonym only, with no identifiers.
    return { role, name: `Source CHIS-${rng.digits(4)}` };
  }
  const nationality = rng.chance(0.85) ? "GB" : rng.pick(["PL", "IE", "NL", "RO"]);
  return { role, name: personName(rng, nationality), birthDate: birthDate(rng), nationality, identifiers: { phones: [mobilePhone(rng, "GB")] } };
}

/** Background police cases (LEXS-like digests): parties, events, vehicles. */
export function backgroundCases(settings: BackgroundSettings): OpenCaseInput[] {
  const offences = settings.config.codes.offence;
  const offence = new Cycler(offences, offences.map((code) => [code, OFFENCE_WEIGHTS[code] ?? 3] as const));
  const status = new Cycler(Object.values(CaseStatus), [[CaseStatus.OPEN, 20], [CaseStatus.UNDER_INVESTIGATION, 45], [CaseStatus.REFERRED_TO_PROSECUTION, 15], [CaseStatus.CLOSED, 20]]);
  // Witnesses, associates and informants: the first cases show one each, later ones by chance.
  const extraRole = new Cycler([CasePartyRole.WITNESS, CasePartyRole.ASSOCIATE, CasePartyRole.INFORMANT], [[CasePartyRole.WITNESS, 50], [CasePartyRole.ASSOCIATE, 40], [CasePartyRole.INFORMANT, 10]]);
  const envelopes = policeEnvelopes();
  const cases: OpenCaseInput[] = [];
  for (let i = 0; i < countOf(settings, "cases"); i += 1) {
    const rng = Random.derive(settings.seed, "case", i);
    const code = offence.next(rng);
    const template = TEMPLATES[code] ?? DEFAULT_TEMPLATE;
    const state = status.next(rng);
    const openedAt = rng.date(DEMO_FROM, "2025-10-31");
    const city = rng.pick(CITIES);
    const convicted = state === CaseStatus.CLOSED && rng.chance(0.4);

    const parties: CasePartyInput[] = Array.from({ length: rng.int(...template.suspects) }, () => suspect(rng, template, convicted ? DataSubjectCategory.CONVICTED : null));
    if (template.victim) parties.push(otherParty(rng, CasePartyRole.VICTIM));
    if (i < 3 || rng.chance(0.45)) parties.push(otherParty(rng, extraRole.next(rng)));
    const known = contactFor(settings, "cases", Agency.POLICE, i);
    if (known) {
      parties.push({
        role: rng.chance(0.7) ? CasePartyRole.SUSPECT : CasePartyRole.ASSOCIATE,
        name: known.name,
        birthDate: known.birthDate,
        nationality: known.nationality,
        identifiers: { phones: [known.phone], emails: [known.email], ibans: [known.iban], travelDocuments: [known.passport] },
      });
    }

    // The case opens with a report; investigations add events, a closed case stops before closing,
    // and nothing happens after the demo window ends.
    const span = Math.min(state === CaseStatus.OPEN ? 20 : 200, daysBetween(openedAt, DEMO_TO) - 25);
    const closedAt = state === CaseStatus.CLOSED ? capAt(addDays(openedAt, rng.int(60, 300)), DEMO_TO) : null;
    const events: CaseEventInput[] = [{ type: CaseEventType.REPORT, at: rng.timeOn(openedAt, 7, 23), place: city, country: "GB" }];
    const later = state === CaseStatus.OPEN ? rng.int(0, 1) : rng.int(1, 3);
    const days = Array.from({ length: later }, () => rng.int(1, span)).sort((a, b) => a - b);
    for (const day of days) {
      const on = addDays(openedAt, day);
      if (closedAt !== null && on >= closedAt) break;
      events.push({ type: rng.pick(LATER_EVENTS), at: rng.timeOn(on), place: city, country: "GB" });
    }
    if (state === CaseStatus.REFERRED_TO_PROSECUTION || (state === CaseStatus.CLOSED && convicted)) {
      const on = addDays(openedAt, span + rng.int(1, 20)); // span leaves 25 days to the window's end
      if (closedAt === null || on < closedAt) {
        events.push({ type: CaseEventType.ARREST, at: rng.timeOn(on, 5, 8), place: city, country: "GB" }, { type: CaseEventType.INTERVIEW, at: rng.timeOn(addDays(on, 1), 9, 18), place: `${city} custody suite`, country: "GB" });
      }
    }

    let envelope = envelopes.next(rng, BACKGROUND_OPERATIONS.POLICE ?? []);
    // A case naming an informant is never shared beyond the police.
    if (parties.some((p) => p.role === CasePartyRole.INFORMANT) && (envelope.handling === Handling.GREEN || envelope.handling === Handling.AMBER)) {
      envelope = { ...envelope, handling: Handling.AMBER_STRICT };
    }
    const title = `${rng.pick(template.titles)}, ${city}`;
    cases.push({
      reference: `POL-${openedAt.slice(0, 4)}-${String(i + 1).padStart(6, "0")}`,
      ...envelope,
      offences: code === "DRUG_IMPORTATION" && rng.chance(0.3) && offences.includes("DRUG_TRAFFICKING") ? [code, "DRUG_TRAFFICKING"] : [code],
      status: state,
      openedAt,
      closedAt,
      title,
      summary: `${title}. ${parties.filter((p) => p.role === CasePartyRole.SUSPECT).length} suspect(s); ${state.toLowerCase().replace(/_/g, " ")}.`,
      parties,
      events,
      vehicles: rng.chance(template.vehicle) ? uniqueVehicles(Array.from({ length: rng.int(1, 2) }, () => vehicle(rng))) : [],
    });
  }
  return cases;
}

/** The earlier of a date and the window's end. */
const capAt = (date: string, cap: string): string => (date > cap ? cap : date);

/** openCase refuses the same plate twice in one case. */
const uniqueVehicles = (vehicles: CaseVehicleInput[]): CaseVehicleInput[] =>
  vehicles.filter((v, i) => vehicles.findIndex((w) => w.country === v.country && w.plate === v.plate) === i);
