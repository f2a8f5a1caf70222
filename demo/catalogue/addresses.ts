import type { Random } from "../random.js";

interface City {
  readonly name: string;
  /** Postcode maker; absent where the country has none (Hong Kong, UAE). */
  readonly postcode?: (rng: Random) => string;
}

interface CountryAddresses {
  readonly cities: readonly City[];
  readonly streets: readonly string[];
  /** House number before the street (GB, US, ...) or after it (most of Europe). */
  readonly numberFirst?: boolean;
}

const digits = (n: number) => (rng: Random) => rng.digits(n);
const ukPostcode = (district: string) => (rng: Random) => `${district} ${rng.int(1, 9)}${rng.chars(2, "ABDEFGHJLNPQRSTUWXYZ")}`;
const nlPostcode = (from: number) => (rng: Random) => `${rng.int(from, from + 99)} ${rng.chars(2, "ABCDEFGHJKLMNPRSTVWXZ")}`;
const frPostcode = (dept: string) => (rng: Random) => `${dept}${rng.digits(3)}`;
const plPostcode = (prefix: string) => (rng: Random) => `${prefix}-${rng.digits(3)}`;

/** Cities, streets and postcode shapes per country, for CN23 sender and addressee blocks. */
const ADDRESSES: Readonly<Record<string, CountryAddresses>> = {
  GB: {
    numberFirst: true,
    cities: [
      { name: "London", postcode: ukPostcode("E8") },
      { name: "London", postcode: ukPostcode("SE15") },
      { name: "Manchester", postcode: ukPostcode("M14") },
      { name: "Birmingham", postcode: ukPostcode("B12") },
      { name: "Leeds", postcode: ukPostcode("LS6") },
      { name: "Glasgow", postcode: ukPostcode("G42") },
      { name: "Bristol", postcode: ukPostcode("BS5") },
      { name: "Liverpool", postcode: ukPostcode("L8") },
      { name: "Coventry", postcode: ukPostcode("CV1") },
    ],
    streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane", "Park Avenue", "Queen's Road", "Albert Street"],
  },
  IE: {
    numberFirst: true,
    cities: [
      { name: "Dublin", postcode: (rng) => `D${rng.int(10, 24)} ${rng.chars(1)}${rng.digits(2)}${rng.chars(1)}` },
      { name: "Cork", postcode: (rng) => `T12 ${rng.chars(1)}${rng.digits(2)}${rng.chars(1)}` },
      { name: "Galway", postcode: (rng) => `H91 ${rng.chars(1)}${rng.digits(2)}${rng.chars(1)}` },
    ],
    streets: ["Main Street", "Church Road", "Bridge Street", "Dame Street"],
  },
  NL: {
    cities: [
      { name: "Amsterdam", postcode: nlPostcode(1011) },
      { name: "Rotterdam", postcode: nlPostcode(3011) },
      { name: "Utrecht", postcode: nlPostcode(3511) },
      { name: "Eindhoven", postcode: nlPostcode(5611) },
      { name: "Den Haag", postcode: nlPostcode(2511) },
    ],
    streets: ["Kerkstraat", "Stationsweg", "Dorpsstraat", "Molenweg", "Schoolstraat", "Julianalaan"],
  },
  BE: {
    cities: [
      { name: "Antwerpen", postcode: (rng) => `20${rng.digits(2)}` },
      { name: "Bruxelles", postcode: (rng) => `10${rng.digits(2)}` },
      { name: "Gent", postcode: (rng) => `90${rng.digits(2)}` },
      { name: "Liège", postcode: (rng) => `40${rng.digits(2)}` },
    ],
    streets: ["Kerkstraat", "Stationsstraat", "Rue de la Gare", "Rue Haute"],
  },
  DE: {
    cities: [
      { name: "Berlin", postcode: (rng) => `10${rng.digits(3)}` },
      { name: "Hamburg", postcode: (rng) => `20${rng.digits(3)}` },
      { name: "München", postcode: (rng) => `80${rng.digits(3)}` },
      { name: "Köln", postcode: (rng) => `50${rng.digits(3)}` },
      { name: "Frankfurt am Main", postcode: (rng) => `60${rng.digits(3)}` },
      { name: "Leipzig", postcode: (rng) => `04${rng.digits(3)}` },
    ],
    streets: ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße", "Lindenallee", "Industriestraße"],
  },
  FR: {
    cities: [
      { name: "Paris", postcode: frPostcode("75") },
      { name: "Lyon", postcode: frPostcode("69") },
      { name: "Marseille", postcode: frPostcode("13") },
      { name: "Lille", postcode: frPostcode("59") },
      { name: "Toulouse", postcode: frPostcode("31") },
    ],
    streets: ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Voltaire", "rue Pasteur"],
    numberFirst: true,
  },
  ES: {
    cities: [
      { name: "Madrid", postcode: (rng) => `28${rng.digits(3)}` },
      { name: "Barcelona", postcode: (rng) => `08${rng.digits(3)}` },
      { name: "Valencia", postcode: (rng) => `46${rng.digits(3)}` },
      { name: "Sevilla", postcode: (rng) => `41${rng.digits(3)}` },
      { name: "Málaga", postcode: (rng) => `29${rng.digits(3)}` },
    ],
    streets: ["Calle Mayor", "Avenida de la Constitución", "Calle Real", "Calle del Sol", "Calle de Alcalá"],
  },
  PT: {
    cities: [
      { name: "Lisboa", postcode: (rng) => `1${rng.digits(3)}-${rng.digits(3)}` },
      { name: "Porto", postcode: (rng) => `4${rng.digits(3)}-${rng.digits(3)}` },
    ],
    streets: ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina"],
  },
  IT: {
    cities: [
      { name: "Roma", postcode: (rng) => `00${rng.int(118, 199)}` },
      { name: "Milano", postcode: (rng) => `201${rng.digits(2)}` },
      { name: "Napoli", postcode: (rng) => `801${rng.digits(2)}` },
      { name: "Torino", postcode: (rng) => `101${rng.digits(2)}` },
    ],
    streets: ["Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante", "Via Mazzini"],
  },
  PL: {
    cities: [
      { name: "Warszawa", postcode: plPostcode("00") },
      { name: "Kraków", postcode: plPostcode("30") },
      { name: "Gdańsk", postcode: plPostcode("80") },
      { name: "Wrocław", postcode: plPostcode("50") },
      { name: "Poznań", postcode: plPostcode("60") },
    ],
    streets: ["ul. Długa", "ul. Polna", "ul. Lipowa", "ul. Kościuszki", "ul. Mickiewicza"],
  },
  LT: { cities: [{ name: "Vilnius", postcode: (rng) => `LT-${rng.digits(5)}` }, { name: "Kaunas", postcode: (rng) => `LT-${rng.digits(5)}` }], streets: ["Gedimino pr.", "Laisvės al.", "Pylimo g."] },
  CN: {
    cities: [
      { name: "Shenzhen", postcode: (rng) => `518${rng.digits(3)}` },
      { name: "Guangzhou", postcode: (rng) => `510${rng.digits(3)}` },
      { name: "Yiwu", postcode: (rng) => `322${rng.digits(3)}` },
      { name: "Shanghai", postcode: (rng) => `200${rng.digits(3)}` },
      { name: "Dongguan", postcode: (rng) => `523${rng.digits(3)}` },
    ],
    streets: ["Huaqiang North Road", "Baiyun Avenue", "Chouzhou North Road", "Jiangdong Road", "Nanshan Avenue"],
    numberFirst: true,
  },
  HK: { cities: [{ name: "Kowloon" }, { name: "Kwun Tong" }, { name: "Tsuen Wan" }], streets: ["Nathan Road", "Hoi Bun Road", "Castle Peak Road"], numberFirst: true },
  IN: {
    cities: [
      { name: "Mumbai", postcode: (rng) => `400${rng.digits(3)}` },
      { name: "Delhi", postcode: (rng) => `110${rng.digits(3)}` },
      { name: "Chennai", postcode: (rng) => `600${rng.digits(3)}` },
      { name: "Hyderabad", postcode: (rng) => `500${rng.digits(3)}` },
      { name: "Ahmedabad", postcode: (rng) => `380${rng.digits(3)}` },
    ],
    streets: ["MG Road", "Linking Road", "Nehru Place", "Anna Salai"],
    numberFirst: true,
  },
  TR: { cities: [{ name: "İstanbul", postcode: (rng) => `34${rng.digits(3)}` }, { name: "İzmir", postcode: (rng) => `35${rng.digits(3)}` }], streets: ["İstiklal Caddesi", "Atatürk Bulvarı", "Cumhuriyet Caddesi"] },
  US: { cities: [{ name: "New York", postcode: digits(5) }, { name: "Miami", postcode: digits(5) }, { name: "Los Angeles", postcode: digits(5) }], streets: ["Main Street", "Broadway", "Ocean Drive", "Elm Street"], numberFirst: true },
  CO: { cities: [{ name: "Bogotá", postcode: (rng) => `11${rng.digits(4)}` }, { name: "Medellín", postcode: (rng) => `05${rng.digits(4)}` }], streets: ["Carrera 7", "Calle 10", "Avenida El Poblado"] },
  BR: { cities: [{ name: "São Paulo", postcode: (rng) => `0${rng.digits(4)}-${rng.digits(3)}` }, { name: "Santos", postcode: (rng) => `110${rng.digits(2)}-${rng.digits(3)}` }], streets: ["Rua Augusta", "Avenida Paulista", "Rua XV de Novembro"] },
  NG: { cities: [{ name: "Lagos", postcode: (rng) => `10${rng.digits(4)}` }, { name: "Abuja", postcode: (rng) => `90${rng.digits(4)}` }], streets: ["Allen Avenue", "Awolowo Road", "Herbert Macaulay Way"], numberFirst: true },
  AE: { cities: [{ name: "Dubai" }, { name: "Sharjah" }], streets: ["Al Maktoum Road", "Sheikh Zayed Road", "Al Wahda Street"], numberFirst: true },
  TH: { cities: [{ name: "Bangkok", postcode: (rng) => `10${rng.digits(3)}` }], streets: ["Sukhumvit Road", "Silom Road"], numberFirst: true },
};

export interface Address {
  address: string;
  postcode: string | null;
  city: string;
  country: string;
}

/** A plausible street address in the country (GB when the catalogue lacks it). */
export function addressIn(rng: Random, country: string): Address {
  const known = ADDRESSES[country];
  const profile = known ?? (ADDRESSES.GB as CountryAddresses);
  const city = rng.pick(profile.cities);
  const street = rng.pick(profile.streets);
  const number = String(rng.int(1, 240));
  return {
    address: profile.numberFirst ? `${number} ${street}` : `${street} ${number}`,
    postcode: city.postcode ? city.postcode(rng) : null,
    city: city.name,
    country: known ? country : "GB",
  };
}
