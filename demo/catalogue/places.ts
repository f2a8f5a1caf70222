import { PlaceType, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";

export interface Place {
  readonly name: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  /** Served by rail (rail seizures only happen at these). */
  readonly rail?: boolean;
}

/** Where customs seize, per place type (GB and EU entry points; land borders are external EU borders). */
export const PLACES: Readonly<Record<PlaceType, readonly Place[]>> = {
  [PlaceType.AIRPORT]: [
    { name: "London Heathrow Airport", country: "GB", lat: 51.47, lon: -0.4543 },
    { name: "Amsterdam Airport Schiphol", country: "NL", lat: 52.3105, lon: 4.7683 },
    { name: "Frankfurt Airport", country: "DE", lat: 50.0379, lon: 8.5622 },
    { name: "Paris Charles de Gaulle Airport", country: "FR", lat: 49.0097, lon: 2.5479 },
    { name: "Adolfo Suárez Madrid-Barajas Airport", country: "ES", lat: 40.4983, lon: -3.5676 },
    { name: "Brussels Airport", country: "BE", lat: 50.901, lon: 4.4844 },
    { name: "Milano Malpensa Airport", country: "IT", lat: 45.63, lon: 8.7231 },
    { name: "Warsaw Chopin Airport", country: "PL", lat: 52.1657, lon: 20.9671 },
    { name: "Dublin Airport", country: "IE", lat: 53.4264, lon: -6.2499 },
    { name: "Manchester Airport", country: "GB", lat: 53.365, lon: -2.2728 },
  ],
  [PlaceType.SEAPORT]: [
    { name: "Port of Rotterdam, Maasvlakte", country: "NL", lat: 51.9536, lon: 4.0406 },
    { name: "Port of Antwerp-Bruges", country: "BE", lat: 51.2637, lon: 4.3542 },
    { name: "Port of Hamburg", country: "DE", lat: 53.5395, lon: 9.9617 },
    { name: "Port of Algeciras", country: "ES", lat: 36.1333, lon: -5.4333 },
    { name: "Port of Valencia", country: "ES", lat: 39.4436, lon: -0.3163 },
    { name: "Port of Le Havre", country: "FR", lat: 49.4833, lon: 0.1 },
    { name: "Port of Felixstowe", country: "GB", lat: 51.9539, lon: 1.3064 },
    { name: "Port of Gioia Tauro", country: "IT", lat: 38.4444, lon: 15.9 },
    { name: "Port of Gdańsk", country: "PL", lat: 54.3833, lon: 18.6833 },
  ],
  [PlaceType.MAIL_CENTRE]: [
    { name: "Heathrow Worldwide Distribution Centre", country: "GB", lat: 51.4736, lon: -0.4805 },
    { name: "Coventry International Mail Centre", country: "GB", lat: 52.4351, lon: -1.4722 },
    { name: "Frankfurt International Mail Centre", country: "DE", lat: 50.0521, lon: 8.5877 },
    { name: "Amsterdam International Mail Hub", country: "NL", lat: 52.3341, lon: 4.7865 },
    { name: "Roissy International Mail Centre", country: "FR", lat: 49.0036, lon: 2.5615 },
    { name: "Madrid-Barajas Postal Customs Office", country: "ES", lat: 40.4787, lon: -3.5797 },
    { name: "Milano Linate International Mail Centre", country: "IT", lat: 45.4521, lon: 9.2766 },
    { name: "Warszawa International Mail Exchange", country: "PL", lat: 52.1813, lon: 20.9683 },
    { name: "Brussels X International Mail Centre", country: "BE", lat: 50.8613, lon: 4.3555 },
    { name: "Dublin Mail Centre", country: "IE", lat: 53.3499, lon: -6.2954 },
  ],
  [PlaceType.EXPRESS_HUB]: [
    { name: "Leipzig/Halle Airport express hub", country: "DE", lat: 51.4239, lon: 12.2364 },
    { name: "Cologne Bonn Airport express hub", country: "DE", lat: 50.8659, lon: 7.1427 },
    { name: "Liège Airport express hub", country: "BE", lat: 50.6374, lon: 5.4432 },
    { name: "East Midlands Airport express hub", country: "GB", lat: 52.8311, lon: -1.3281 },
    { name: "Paris Charles de Gaulle express hub", country: "FR", lat: 49.0167, lon: 2.5333 },
  ],
  [PlaceType.LAND_BORDER]: [
    { name: "Kapitan Andreevo border crossing (BG-TR)", country: "BG", lat: 41.7167, lon: 26.3167 },
    { name: "Medyka border crossing (PL-UA)", country: "PL", lat: 49.8028, lon: 22.9292, rail: true },
    { name: "Terespol border crossing (PL-BY)", country: "PL", lat: 52.0778, lon: 23.6167, rail: true },
    { name: "Kipi border crossing (GR-TR)", country: "GR", lat: 40.9167, lon: 26.3333 },
    { name: "Narva border crossing (EE-RU)", country: "EE", lat: 59.3772, lon: 28.2019, rail: true },
    { name: "Port of Dover, inbound freight", country: "GB", lat: 51.1265, lon: 1.3306 },
  ],
  [PlaceType.INLAND]: [
    { name: "Venlo inland customs office", country: "NL", lat: 51.3704, lon: 6.1724 },
    { name: "Duisburg intermodal terminal", country: "DE", lat: 51.4344, lon: 6.7623, rail: true },
    { name: "Małaszewicze rail terminal", country: "PL", lat: 52.0333, lon: 23.5333, rail: true },
    { name: "Madrid-Coslada inland customs office", country: "ES", lat: 40.4238, lon: -3.5613, rail: true },
    { name: "Birmingham inland clearance depot", country: "GB", lat: 52.5048, lon: -1.8456 },
  ],
};

/** The place type a transport mode is seized at; road and rail alternate between border and inland. */
export function placeTypeFor(mode: TransportMode, inland: boolean): PlaceType {
  switch (mode) {
    case TransportMode.POSTAL:
      return PlaceType.MAIL_CENTRE;
    case TransportMode.EXPRESS:
      return PlaceType.EXPRESS_HUB;
    case TransportMode.SEA:
      return PlaceType.SEAPORT;
    case TransportMode.AIR:
    case TransportMode.PASSENGER:
      return PlaceType.AIRPORT;
    case TransportMode.ROAD:
    case TransportMode.RAIL:
      return inland ? PlaceType.INLAND : PlaceType.LAND_BORDER;
  }
}
