import { TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import type { Random } from "../random.js";

/** Institutions that file reports with the FIU (fictional names; BIC-shaped codes). */
export const REPORTING_ENTITIES: ReadonlyArray<{ name: string; institutionCode: string; country: string; kind: "bank" | "msb" | "casino" | "notary" }> = [
  { name: "Northbridge Bank plc", institutionCode: "NBRKGB2L", country: "GB", kind: "bank" },
  { name: "Albion Savings Bank", institutionCode: "ALBSGB21", country: "GB", kind: "bank" },
  { name: "Harbour Street Bank", institutionCode: "HSBKGB2M", country: "GB", kind: "bank" },
  { name: "Rhein-Main Handelsbank AG", institutionCode: "RMHBDEFF", country: "DE", kind: "bank" },
  { name: "Zuiderbank N.V.", institutionCode: "ZUIDNL2A", country: "NL", kind: "bank" },
  { name: "SwiftSend Money Transfer Ltd", institutionCode: "SWSDGB21", country: "GB", kind: "msb" },
  { name: "Meridian Exchange Bureau", institutionCode: "MERXGB22", country: "GB", kind: "msb" },
  { name: "Grand Pier Casino Ltd", institutionCode: "GPCAGB2B", country: "GB", kind: "casino" },
  { name: "Holloway & Reed Notaries LLP", institutionCode: "HRNOGB2L", country: "GB", kind: "notary" },
];

/** Carriers named on transport documents, per mode. */
export const CARRIERS: Readonly<Partial<Record<TransportMode, readonly string[]>>> = {
  [TransportMode.SEA]: ["MSC", "Maersk", "CMA CGM", "Hapag-Lloyd", "ONE", "Evergreen"],
  [TransportMode.AIR]: ["Lufthansa Cargo", "Qatar Airways Cargo", "Emirates SkyCargo", "Turkish Cargo", "Cargolux"],
  [TransportMode.EXPRESS]: ["DHL Express", "UPS", "FedEx", "TNT"],
  [TransportMode.ROAD]: ["Baltic Road Freight UAB", "Trans-Vistula Sp. z o.o.", "Anadolu Lojistik A.Ş.", "Balkan Haulage EOOD"],
  [TransportMode.RAIL]: ["PKP Cargo", "DB Cargo", "Eurasia Rail Logistics"],
};

/** Flight or voyage prefixes are not modelled; airlines fly passengers from these hubs. */
export const PASSENGER_DEPARTURES: readonly string[] = ["AE", "TR", "CO", "BR", "NG", "TH", "EC", "ES", "NL", "GB"];

/** Offices of exchange that post international mail, per origin country. */
export const OFFICES_OF_ORIGIN: Readonly<Record<string, readonly string[]>> = {
  CN: ["Guangzhou International Mail Processing Centre", "Shanghai International Mail Processing Centre", "Shenzhen International Mail Processing Centre", "Yiwu International Mail Office"],
  HK: ["Hong Kong Air Mail Centre"],
  IN: ["Mumbai Foreign Post Office", "Delhi Foreign Post Office", "Chennai Foreign Post Office"],
  US: ["JFK International Service Center", "Miami International Service Center"],
  GB: ["Heathrow Worldwide Distribution Centre"],
  DE: ["Frankfurt International Mail Centre"],
  NL: ["Amsterdam International Mail Hub"],
  FR: ["Roissy International Mail Centre"],
  ES: ["Madrid-Barajas Postal Exchange"],
  IT: ["Milano Linate International Mail Centre"],
  PL: ["Warszawa International Mail Exchange"],
  TR: ["İstanbul International Mail Processing Centre"],
  TH: ["Bangkok International Mail Centre"],
  CO: ["Bogotá International Mail Office"],
  BR: ["São Paulo International Mail Office"],
  NG: ["Lagos International Mail Office"],
  AE: ["Dubai International Mail Centre"],
  BE: ["Brussels X International Mail Centre"],
  IE: ["Dublin Mail Centre"],
};

/** Joint operations that background records belong to (fictional names). */
export const BACKGROUND_OPERATIONS: Readonly<Partial<Record<TransportMode | "POLICE", readonly string[]>>> = {
  [TransportMode.POSTAL]: ["OP-SKYNET-25"],
  [TransportMode.EXPRESS]: ["OP-SKYNET-25"],
  [TransportMode.SEA]: ["OP-HARBOUR", "OP-MERIDIAN"],
  [TransportMode.ROAD]: ["OP-KESTREL"],
  [TransportMode.PASSENGER]: ["OP-MERIDIAN"],
  POLICE: ["OP-HARBOUR", "OP-KESTREL", "OP-MERIDIAN"],
};

const COMPANY_WORDS: Readonly<Record<string, readonly [readonly string[], readonly string[], (rng: Random) => string]>> = {
  CN: [["Shenzhen Brightway", "Yiwu Hengda", "Guangzhou Jinlong", "Dongguan Huatai", "Ningbo Oceanic"], ["Trading Co., Ltd.", "Import & Export Co., Ltd.", "Electronics Co., Ltd."], (rng) => `91${rng.digits(4)}${rng.chars(2, "ABCDEFGHJKLMNPQRTUWXY")}${rng.digits(9)}${rng.chars(1, "ABCDEFGHJKLMNPQRTUWXY")}`],
  HK: [["Pearl River", "Victoria Harbour", "Kowloon Star"], ["Electronics Ltd", "Trading Ltd", "Logistics Ltd"], (rng) => rng.digits(8)],
  GB: [["Harbourline", "Kestrel", "Thamesview", "Pennine", "Brightwater"], ["Logistics Ltd", "Trading Ltd", "Imports Ltd", "Freight Services Ltd"], (rng) => rng.digits(8)],
  NL: [["Van Loon", "Oranje", "Zeehaven", "Waalhaven"], ["Import B.V.", "Logistiek B.V.", "Handelmaatschappij B.V."], (rng) => rng.digits(8)],
  BE: [["Scheldt", "Kempen", "Antwerp Diamond"], ["Fruit NV", "Logistics BV", "Trading NV"], (rng) => `0${rng.digits(9)}`],
  DE: [["Nordhafen", "Elbtal", "Rheinland", "Sachsen"], ["Handels GmbH", "Logistik GmbH", "Technik GmbH"], (rng) => `HRB${rng.digits(6)}`],
  ES: [["Frutas del Sur", "Levante", "Costa Brava"], ["S.L.", "Importaciones S.L.", "Logística S.A."], (rng) => `B${rng.digits(8)}`],
  PL: [["Trans-Pol", "Wisła", "Baltic"], ["Sp. z o.o.", "Logistyka Sp. z o.o."], (rng) => rng.digits(10)],
  TR: [["Anatolia", "Bosphorus", "Ege"], ["Tekstil Ltd. Şti.", "Dış Ticaret A.Ş."], (rng) => rng.digits(16)],
  AE: [["Gulf Horizon", "Desert Falcon", "Creek Side"], ["General Trading LLC", "FZE"], (rng) => rng.digits(6)],
  EC: [["Exportadora Costa Verde", "Agroexport Guayas"], ["S.A.", "Cía. Ltda."], (rng) => `09${rng.digits(11)}`],
  CO: [["Agroexportadora Andina", "Flores del Valle"], ["S.A.S.", "Ltda."], (rng) => rng.digits(10)],
  TH: [["Siam Gateway", "Chao Phraya", "Bangkok Star"], ["Co., Ltd.", "Trading Co., Ltd."], (rng) => `0105${rng.digits(9)}`],
  US: [["Bayside", "Atlantic Coast", "Golden State"], ["Supply LLC", "Trading Inc."], (rng) => rng.digits(7)],
  IN: [["Sunrise", "Ganges", "Deccan"], ["Pharma Exports Pvt Ltd", "Overseas Pvt Ltd"], (rng) => `27${rng.chars(5)}${rng.digits(4)}${rng.chars(1)}1Z${rng.digits(1)}`],
};

export const COMPANY_COUNTRIES: readonly string[] = Object.keys(COMPANY_WORDS);

/** A fictional company of the country, with a registration number in that country's shape (at most 20 characters). */
export function companyIn(rng: Random, country: string): { name: string; country: string; registrationNumber: string } {
  const words = COMPANY_WORDS[country] ?? COMPANY_WORDS.GB;
  if (words === undefined) throw new Error("company catalogue lacks GB");
  const [stems, suffixes, registration] = words;
  return { name: `${rng.pick(stems)} ${rng.pick(suffixes)}`, country: COMPANY_WORDS[country] ? country : "GB", registrationNumber: registration(rng) };
}
