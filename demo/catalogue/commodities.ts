import { CommodityArea, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";

export interface CommodityProfile {
  readonly code: string;
  readonly area: CommodityArea;
  /** Descriptions with their HS code (6 digits; 2939 alkaloids, 8806 drones, 9302/9303 firearms, ...). */
  readonly lines: ReadonlyArray<readonly [description: string, hsCode: string]>;
  readonly unit: string;
  /** Quantity range in small consignments (post, express, passengers) and in freight. */
  readonly small: readonly [number, number];
  readonly bulk: readonly [number, number];
  /** Typical countries of origin or departure. */
  readonly origins: readonly string[];
}

const D = CommodityArea.DRUGS;
const S = CommodityArea.SECURITY;
const R = CommodityArea.REVENUE;
const E = CommodityArea.ENVIRONMENT;
const I = CommodityArea.IPR_HEALTH_SAFETY;
const C = CommodityArea.CULTURAL_HERITAGE;

/** The default commodity code list with its ITR area; codes a deployment removes are not used. */
export const COMMODITIES: readonly CommodityProfile[] = [
  { code: "NPS", area: D, lines: [["Synthetic cathinone powder (3-MMC)", "292239"], ["Synthetic cannabinoid on herbal material", "293979"], ["Etizolam tablets", "293391"]], unit: "G", small: [5, 2500], bulk: [2000, 60000], origins: ["CN", "IN", "HK"] },
  { code: "COCAINE", area: D, lines: [["Cocaine hydrochloride, bricks", "293971"], ["Cocaine impregnated in textiles", "293971"]], unit: "KG", small: [0.3, 6], bulk: [40, 1800], origins: ["CO", "EC", "BR", "PE"] },
  { code: "HEROIN", area: D, lines: [["Heroin, brown powder", "293911"]], unit: "KG", small: [0.2, 4], bulk: [10, 300], origins: ["AF", "IR", "TR", "PK"] },
  { code: "CANNABIS", area: D, lines: [["Herbal cannabis, vacuum packed", "121190"], ["Cannabis resin", "130190"]], unit: "KG", small: [0.1, 8], bulk: [50, 2500], origins: ["MA", "ES", "US", "TH", "AL"] },
  { code: "METHAMPHETAMINE", area: D, lines: [["Crystal methamphetamine", "293971"]], unit: "KG", small: [0.05, 3], bulk: [5, 250], origins: ["MX", "NG", "AF", "NL"] },
  { code: "FENTANYL", area: D, lines: [["Fentanyl analogue powder", "293333"], ["Counterfeit oxycodone tablets containing fentanyl", "293333"]], unit: "G", small: [1, 500], bulk: [500, 8000], origins: ["CN", "MX", "IN"] },
  { code: "NITAZENES", area: D, lines: [["Protonitazene tablets", "293399"], ["Metonitazene powder", "293399"]], unit: "G", small: [1, 300], bulk: [300, 5000], origins: ["CN", "IN"] },
  { code: "PRECURSORS", area: D, lines: [["BMK glycidate (P2P precursor)", "291829"], ["Phenylacetone (BMK)", "291431"], ["PMK glycidate (MDMA precursor)", "293299"]], unit: "KG", small: [0.5, 25], bulk: [200, 12000], origins: ["CN", "IN", "TR"] },
  { code: "WEAPONS", area: S, lines: [["Semi-automatic pistol", "930200"], ["Converted blank-firing pistol", "930200"], ["Pump-action shotgun", "930320"]], unit: "PIECES", small: [1, 3], bulk: [2, 40], origins: ["TR", "RS", "US", "CZ", "SK"] },
  { code: "WEAPON_PARTS", area: S, lines: [["Pistol slides and barrels", "930510"], ["80% receiver kits", "930510"], ["Silencers", "930599"]], unit: "PIECES", small: [1, 12], bulk: [20, 400], origins: ["US", "CN", "TR"] },
  { code: "AMMUNITION", area: S, lines: [["9 mm Parabellum cartridges", "930630"], ["7.62x39 mm cartridges", "930630"]], unit: "PIECES", small: [20, 500], bulk: [1000, 60000], origins: ["RS", "TR", "UA", "US"] },
  { code: "DRONE_COMPONENTS", area: S, lines: [["Quadcopter flight controllers", "880790"], ["Unmanned aircraft, under 25 kg", "880690"], ["Brushless drone motors", "880790"]], unit: "PIECES", small: [2, 120], bulk: [100, 4000], origins: ["CN", "HK", "DE", "TR"] },
  { code: "DUAL_USE", area: S, lines: [["Thermal imaging modules", "902750"], ["Microcontrollers (listed dual-use)", "854231"], ["CNC machine tool spindles", "846693"]], unit: "PIECES", small: [1, 50], bulk: [20, 2000], origins: ["CN", "HK", "DE", "US", "TR"] },
  { code: "CASH", area: S, lines: [["Euro banknotes, undeclared", "490700"], ["US dollar banknotes, undeclared", "490700"]], unit: "EUR", small: [10000, 350000], bulk: [100000, 2500000], origins: ["GB", "NL", "ES", "AE", "TR", "NG"] },
  { code: "TOBACCO", area: R, lines: [["Cigarettes, counterfeit brands", "240220"], ["Cigarettes, illicit whites", "240220"], ["Heated tobacco sticks", "240411"]], unit: "PIECES", small: [400, 20000], bulk: [200000, 9000000], origins: ["AE", "BY", "UA", "TR", "CN", "VN"] },
  { code: "ALCOHOL", area: R, lines: [["Vodka, duty unpaid", "220860"], ["Spirits, mis-declared as soft drinks", "220890"]], unit: "L", small: [5, 60], bulk: [2000, 40000], origins: ["UA", "BY", "GB", "FR", "DE"] },
  { code: "FUEL", area: R, lines: [["Gas oil, laundered marker", "271019"], ["Mineral oil mis-declared as lubricant", "271019"]], unit: "L", small: [20, 200], bulk: [8000, 60000], origins: ["BY", "UA", "RU", "TR"] },
  { code: "WILDLIFE", area: E, lines: [["Live European glass eels", "030192"], ["Pangolin scales", "050790"], ["Ivory carvings", "050710"], ["Live reptiles (CITES App. II)", "010620"]], unit: "KG", small: [0.2, 25], bulk: [100, 4000], origins: ["NG", "CM", "VN", "FR", "ES"] },
  { code: "TIMBER", area: E, lines: [["Tropical hardwood logs, undocumented", "440349"], ["Rosewood sawn timber", "440729"]], unit: "KG", small: [5, 40], bulk: [8000, 120000], origins: ["CM", "CG", "BR", "BY"] },
  { code: "WASTE", area: E, lines: [["Waste lead-acid batteries", "854810"], ["End-of-life vehicle parts, hazardous", "870899"], ["Waste electrical equipment", "854911"]], unit: "KG", small: [10, 80], bulk: [5000, 90000], origins: ["GB", "NL", "DE", "BE", "IT"] },
  { code: "COUNTERFEITS", area: I, lines: [["Counterfeit designer handbags", "420221"], ["Counterfeit sports shoes", "640411"], ["Counterfeit toys (unsafe)", "950300"], ["Counterfeit phone chargers", "850440"]], unit: "PIECES", small: [2, 200], bulk: [500, 60000], origins: ["CN", "HK", "TR", "IN", "AE"] },
  { code: "MEDICINES", area: I, lines: [["Falsified sildenafil tablets", "300490"], ["Unlicensed tramadol tablets", "300490"], ["Falsified semaglutide pens", "300439"]], unit: "TABLETS", small: [20, 4000], bulk: [10000, 900000], origins: ["IN", "CN", "SG", "TR"] },
  { code: "CULTURAL_OBJECTS", area: C, lines: [["Roman coins, undocumented provenance", "970500"], ["Antique icons", "970600"], ["Archaeological pottery fragments", "970500"]], unit: "PIECES", small: [1, 40], bulk: [20, 600], origins: ["TR", "SY", "IQ", "EG", "UA"] },
];

/** What the seizures of each mode typically are (WCO ITR patterns), NPS apart: its share is allocated exactly. */
export const COMMODITY_WEIGHTS_BY_MODE: Readonly<Record<TransportMode, ReadonlyArray<readonly [string, number]>>> = {
  [TransportMode.POSTAL]: [["MEDICINES", 20], ["COUNTERFEITS", 15], ["CANNABIS", 12], ["TOBACCO", 8], ["WEAPON_PARTS", 6], ["NITAZENES", 4], ["FENTANYL", 3], ["METHAMPHETAMINE", 4], ["WILDLIFE", 4], ["CULTURAL_OBJECTS", 3], ["CASH", 3], ["PRECURSORS", 4], ["DUAL_USE", 2]],
  [TransportMode.EXPRESS]: [["COUNTERFEITS", 18], ["MEDICINES", 15], ["DRONE_COMPONENTS", 6], ["DUAL_USE", 6], ["PRECURSORS", 8], ["CANNABIS", 8], ["TOBACCO", 8], ["WEAPON_PARTS", 5], ["METHAMPHETAMINE", 4], ["WILDLIFE", 3], ["CULTURAL_OBJECTS", 2], ["CASH", 2]],
  [TransportMode.PASSENGER]: [["CASH", 25], ["COCAINE", 18], ["CANNABIS", 15], ["TOBACCO", 15], ["WILDLIFE", 6], ["ALCOHOL", 6], ["MEDICINES", 5], ["HEROIN", 5], ["CULTURAL_OBJECTS", 3], ["WEAPONS", 2]],
  [TransportMode.AIR]: [["COCAINE", 10], ["COUNTERFEITS", 15], ["TOBACCO", 12], ["WILDLIFE", 10], ["DUAL_USE", 8], ["DRONE_COMPONENTS", 6], ["MEDICINES", 10], ["PRECURSORS", 8], ["CULTURAL_OBJECTS", 4], ["METHAMPHETAMINE", 4], ["AMMUNITION", 3]],
  [TransportMode.SEA]: [["COCAINE", 30], ["TOBACCO", 15], ["COUNTERFEITS", 12], ["TIMBER", 8], ["WASTE", 8], ["PRECURSORS", 6], ["HEROIN", 4], ["WEAPONS", 3], ["FUEL", 3], ["CANNABIS", 6], ["WILDLIFE", 3]],
  [TransportMode.ROAD]: [["TOBACCO", 22], ["CANNABIS", 15], ["ALCOHOL", 10], ["FUEL", 10], ["COCAINE", 8], ["HEROIN", 6], ["WEAPONS", 5], ["AMMUNITION", 4], ["WASTE", 6], ["COUNTERFEITS", 8], ["CASH", 4], ["MEDICINES", 3]],
  [TransportMode.RAIL]: [["TOBACCO", 35], ["COUNTERFEITS", 15], ["FUEL", 10], ["TIMBER", 10], ["CANNABIS", 5], ["AMMUNITION", 5], ["WASTE", 5], ["DUAL_USE", 5]],
};

/** How goods were hidden, per mode (the WCO asks for the concealment method on every case). */
export const CONCEALMENT_BY_MODE: Readonly<Record<TransportMode, readonly string[]>> = {
  [TransportMode.POSTAL]: ["Mis-declared on the CN23 as a gift", "Vacuum-sealed inside a greeting card", "Hidden in tea packaging", "Inside a hollowed-out book", "Declared as bath salts"],
  [TransportMode.EXPRESS]: ["Mis-declared as spare parts", "Inside electronics packaging", "Undervalued on the waybill", "Split across several consignments"],
  [TransportMode.PASSENGER]: ["In hand luggage", "False-bottom suitcase", "Strapped to the body", "Swallowed (body packer)", "In checked baggage among clothing"],
  [TransportMode.AIR]: ["Mis-declared on the air waybill", "Inside machinery", "Among perishable cargo"],
  [TransportMode.SEA]: ["Rip-on/rip-off in a reefer container", "Hidden among banana boxes", "Inside machinery", "Behind a false container wall"],
  [TransportMode.ROAD]: ["Behind a false wall in the trailer", "Mixed with legitimate cargo", "In the tractor unit's cab", "In the fuel tank"],
  [TransportMode.RAIL]: ["Mixed with legitimate cargo", "In a wagon's hidden compartment", "Mis-declared on the rail consignment note"],
};

/** Concealments that only make sense for drugs (nobody swallows banknotes or fills a fuel tank with cigarettes). */
export const DRUG_ONLY_CONCEALMENT: ReadonlySet<string> = new Set(["Swallowed (body packer)", "Rip-on/rip-off in a reefer container", "In the fuel tank", "Declared as bath salts"]);

/** Innocent-looking CN23 descriptions that illicit postal goods were declared under. */
export const POSTAL_COVER_STORIES: ReadonlyArray<readonly [description: string, hsCode: string]> = [
  ["Bath salts", "330730"],
  ["Plant food", "310590"],
  ["Herbal tea samples", "121190"],
  ["Phone accessories", "392690"],
  ["Cosmetics samples", "330499"],
  ["Incense powder", "330741"],
  ["Vitamin supplements", "210690"],
];
