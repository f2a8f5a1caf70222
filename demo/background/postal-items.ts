import type { RegisterPostalItemInput } from "../../subgraphs/postal/index.js";
import type { PostalContentLineInput, PostalTrackingEventInput } from "../../subgraphs/postal/item/item.input.js";
import { PostalCategory, PostalEventCode } from "../../subgraphs/postal/item/item.enums.js";
import { Agency, Handling, SourceGrade } from "../../schema/enums.js";
import { addHours, DEMO_FROM } from "../calendar.js";
import { addressIn } from "../catalogue/addresses.js";
import { POSTAL_COVER_STORIES } from "../catalogue/commodities.js";
import { personName } from "../catalogue/names.js";
import { companyIn, OFFICES_OF_ORIGIN } from "../catalogue/organisations.js";
import { PLACES } from "../catalogue/places.js";
import { PlaceType } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { Cycler } from "../coverage.js";
import { backgroundS10, email, mobilePhone } from "../identifiers.js";
import { Random } from "../random.js";
import { contactFor, countOf, parcel, PARCEL_SLOT, POSTAL_DESTINATIONS, s10Offset, slotIndex, type BackgroundSettings, type Parcel } from "./context.js";
import { postalEnvelopes } from "./envelope.js";

type Goods = readonly [description: string, hsCode: string | null, weightKg: readonly [number, number], value: readonly [number, number]];

/** What people actually post, per CN23 category (box 10). */
const GOODS: Readonly<Record<PostalCategory, readonly Goods[]>> = {
  [PostalCategory.SALE_OF_GOODS]: [
    ["Phone case", "392690", [0.05, 0.2], [3, 15]], ["Bluetooth headphones", "851830", [0.1, 0.4], [15, 80]], ["Cotton T-shirt", "610910", [0.15, 0.3], [5, 25]],
    ["Sports shoes", "640411", [0.6, 1.2], [30, 120]], ["Toy figure", "950300", [0.1, 0.5], [5, 30]], ["Face cream", "330499", [0.05, 0.3], [5, 40]],
    ["USB charger", "850440", [0.05, 0.2], [4, 20]], ["Smart watch", "851762", [0.1, 0.3], [20, 150]], ["Dietary supplement capsules", "210690", [0.1, 0.5], [10, 45]],
    ["LED strip lights", "940542", [0.2, 0.8], [8, 30]], ["Book", "490199", [0.3, 1.2], [8, 35]], ["Brake pads", "870830", [1, 3], [20, 90]],
    ["Green tea", "090210", [0.1, 1], [5, 40]], ["E-liquid refills", "240412", [0.05, 0.3], [5, 30]], ["Fishing tackle", "950720", [0.1, 1.5], [5, 60]],
  ],
  [PostalCategory.GIFT]: [
    ["Hand-knitted scarf", "611710", [0.1, 0.3], [10, 40]], ["Chocolates", "180690", [0.2, 1], [8, 30]], ["Children's clothing", "611120", [0.2, 0.8], [10, 50]],
    ["Spices", "091099", [0.1, 0.6], [5, 20]], ["Photo album", "491199", [0.3, 1], [5, 25]],
  ],
  [PostalCategory.DOCUMENTS]: [["Business documents", null, [0.05, 0.4], [0, 0]], ["Legal papers", null, [0.05, 0.3], [0, 0]], ["University certificates", null, [0.05, 0.2], [0, 0]]],
  [PostalCategory.COMMERCIAL_SAMPLE]: [["Fabric swatches", "600410", [0.1, 0.5], [1, 10]], ["Sample valves", "848180", [0.2, 1.5], [5, 40]], ["Packaging samples", "481920", [0.1, 0.8], [1, 15]]],
  [PostalCategory.RETURNED_GOODS]: [["Returned dress", "620442", [0.3, 0.8], [30, 120]], ["Returned mobile phone (faulty)", "851713", [0.2, 0.5], [80, 400]]],
  [PostalCategory.OTHER]: [["Personal effects", "630900", [0.5, 4], [20, 150]], ["Watch sent for repair", "910219", [0.1, 0.3], [50, 300]]],
};

const ORIGINS: ReadonlyArray<readonly [string, number]> = [
  ["CN", 35], ["HK", 8], ["US", 8], ["GB", 8], ["DE", 6], ["NL", 5], ["IN", 6], ["TR", 5], ["FR", 3], ["ES", 3], ["IT", 3], ["PL", 3], ["TH", 2], ["NG", 2], ["BR", 2], ["AE", 1],
];
const CATEGORY_WEIGHTS: ReadonlyArray<readonly [PostalCategory, number]> = [
  [PostalCategory.SALE_OF_GOODS, 60], [PostalCategory.GIFT, 15], [PostalCategory.DOCUMENTS, 8], [PostalCategory.COMMERCIAL_SAMPLE, 7], [PostalCategory.RETURNED_GOODS, 5], [PostalCategory.OTHER, 5],
];
const EXPLANATIONS: readonly string[] = ["Personal effects after moving house", "Item returned to the owner after repair"];

const EURO_AREA = new Set(["DE", "NL", "FR", "ES", "IT", "BE", "IE", "PT", "LT"]);

const officeOfOrigin = (rng: Random, country: string): string => rng.pick(OFFICES_OF_ORIGIN[country] ?? [`${country} international office of exchange`]);
const officeOfExchange = (country: string): string => PLACES[PlaceType.MAIL_CENTRE].find((p) => p.country === country)?.name ?? `${country} office of exchange`;

function lines(rng: Random, category: PostalCategory, origin: string): { contents: PostalContentLineInput[]; currency: string } {
  const currency = origin === "GB" ? "GBP" : EURO_AREA.has(origin) ? "EUR" : "USD";
  const count = category === PostalCategory.SALE_OF_GOODS ? rng.int(1, 3) : 1;
  const contents = rng.sample(GOODS[category], count).map(([description, hsCode, [wMin, wMax], [vMin, vMax]]) => {
    const quantity = hsCode === null ? 1 : rng.int(1, 4);
    return { description, quantity, netWeightKg: rng.float(wMin, wMax, 3) * quantity, value: rng.float(vMin, vMax, 2) * quantity, currency, hsCode, originCountry: hsCode === null ? null : origin };
  });
  return { contents: contents.map((line) => ({ ...line, netWeightKg: round(line.netWeightKg, 3), value: round(line.value, 2) })), currency };
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Tracking from posting to delivery; `held` marks a customs hold (released unless `seized`). */
function tracking(rng: Random, postedAt: Date, origin: string, destination: string, city: string, held: Date | null, seized: boolean): PostalTrackingEventInput[] {
  const office = officeOfOrigin(rng, origin);
  const exchange = officeOfExchange(destination);
  const dispatched = addHours(postedAt, rng.int(12, 48));
  const arrived = held ? new Date(Math.min(addHours(dispatched, rng.int(24, 96)).getTime(), held.getTime() - 3_600_000)) : addHours(dispatched, rng.int(48, 168));
  const events: PostalTrackingEventInput[] = [
    { code: PostalEventCode.POSTED, at: postedAt, office },
    { code: PostalEventCode.DISPATCHED, at: dispatched, office },
    { code: PostalEventCode.ARRIVED_AT_OE, at: arrived, office: exchange },
  ];
  let last = arrived;
  if (held) {
    events.push({ code: PostalEventCode.HELD_BY_CUSTOMS, at: held, office: exchange });
    if (seized) return events;
    last = addHours(held, rng.int(24, 96));
    events.push({ code: PostalEventCode.RELEASED_BY_CUSTOMS, at: last, office: exchange });
  }
  events.push(rng.chance(0.03) ? { code: PostalEventCode.RETURNED, at: addHours(last, rng.int(72, 200)), office: exchange } : { code: PostalEventCode.DELIVERED, at: addHours(last, rng.int(24, 96)), office: `${city} delivery office` });
  return events;
}

/** The CN23 of a parcel customs seized: declared under a cover story, held and not released. */
function parcelItem(rng: Random, seized: Parcel, m: number): RegisterPostalItemInput {
  const [description, hsCode] = rng.pick(POSTAL_COVER_STORIES);
  const quantity = rng.int(1, 3);
  const net = round(rng.float(0.1, 1.5, 3) * quantity, 3);
  const value = round(rng.float(4, 25, 2) * quantity, 2);
  const currency = EURO_AREA.has(seized.origin) ? "EUR" : "USD";
  const postedAt = rng.timeOn(seized.postedOn, 8, 18);
  return {
    reference: `PST-${seized.postedOn.slice(0, 4)}-${String(m + 1).padStart(6, "0")}`,
    handling: Handling.AMBER,
    operationId: null,
    sourceGrade: SourceGrade.A,
    infoGrade: 2,
    itemId: seized.itemId,
    category: rng.pick([PostalCategory.SALE_OF_GOODS, PostalCategory.GIFT, PostalCategory.COMMERCIAL_SAMPLE]),
    sender: { name: seized.sender.name, business: seized.sender.business, ...seized.sender.address, phone: seized.sender.phone, email: seized.sender.email },
    addressee: { name: seized.addressee.name, ...seized.addressee.address, phone: seized.addressee.phone, email: seized.addressee.email },
    contents: [{ description, quantity, netWeightKg: net, value, currency, hsCode, originCountry: seized.origin }],
    grossWeightKg: round(net * 1.2 + 0.05, 3),
    totalValue: value,
    currency,
    postedAt,
    officeOfOrigin: officeOfOrigin(rng, seized.origin),
    originCountry: seized.origin,
    destinationCountry: seized.destination,
    trackingEvents: tracking(rng, postedAt, seized.origin, seized.destination, seized.addressee.address.city, rng.timeOn(seized.seizedOn, 6, 12), true),
  };
}

/** Background postal items (UPU electronic advance data, CN23-like). */
export function backgroundPostalItems(settings: BackgroundSettings): RegisterPostalItemInput[] {
  const category = new Cycler(Object.values(PostalCategory), CATEGORY_WEIGHTS);
  const envelopes = postalEnvelopes();
  const offset = s10Offset(settings.seed);
  const items: RegisterPostalItemInput[] = [];
  for (let m = 0; m < countOf(settings, "postalItems"); m += 1) {
    const rng = Random.derive(settings.seed, "postal", m);
    const j = slotIndex(PARCEL_SLOT, m);
    if (j !== null) {
      items.push(parcelItem(rng, parcel(settings, j), m));
      continue;
    }
    const kind = category.next(rng);
    const known = contactFor(settings, "postalItems", Agency.POSTAL, m);
    // A recurring contact receives the item at home; otherwise any destination the hub serves.
    const destination = known ? known.address.country : rng.weighted(POSTAL_DESTINATIONS);
    const origin = rng.weighted(ORIGINS.filter(([c]) => c !== destination));
    // Shops send goods and samples; people send gifts, papers and returns (returns go to a shop).
    const business = kind === PostalCategory.SALE_OF_GOODS || kind === PostalCategory.COMMERCIAL_SAMPLE;
    const shop = companyIn(rng, origin).name;
    const senderName = personName(rng, origin);
    const addresseeName = personName(rng, destination);
    const { contents, currency } = lines(rng, kind, origin);
    const net = contents.reduce((sum, line) => sum + line.netWeightKg, 0);
    const postedAt = rng.timeOn(rng.date(DEMO_FROM, "2025-12-10"), 7, 19);
    const addressee = known
      ? { name: known.name, ...known.address, phone: known.phone, email: known.email, importerReference: null }
      : {
          name: addresseeName,
          business: kind === PostalCategory.RETURNED_GOODS ? companyIn(rng, destination).name : null,
          ...addressIn(rng, destination),
          phone: rng.chance(0.75) ? mobilePhone(rng, destination) : null,
          email: rng.chance(0.5) ? email(rng, addresseeName) : null,
          // EU imports of goods declare the seller's IOSS number.
          importerReference: business && destination !== "GB" && rng.chance(0.5) ? `IM${rng.digits(10)}` : null,
        };
    const held = rng.chance(0.1) ? addHours(postedAt, rng.int(100, 180)) : null;
    items.push({
      reference: `PST-${postedAt.toISOString().slice(0, 4)}-${String(m + 1).padStart(6, "0")}`,
      ...envelopes.next(rng),
      itemId: backgroundS10(rng, m, offset, origin),
      category: kind,
      categoryExplanation: kind === PostalCategory.OTHER ? rng.pick(EXPLANATIONS) : null,
      sender: {
        name: senderName,
        business: business ? shop : null,
        ...addressIn(rng, origin),
        phone: rng.chance(0.6) ? mobilePhone(rng, origin) : null,
        email: rng.chance(0.4) ? email(rng, business ? shop : senderName) : null,
      },
      addressee,
      contents,
      grossWeightKg: round(net * rng.float(1.1, 1.4) + 0.05, 3),
      totalValue: round(contents.reduce((sum, line) => sum + line.value, 0), 2),
      currency,
      postedAt,
      officeOfOrigin: officeOfOrigin(rng, origin),
      originCountry: origin,
      destinationCountry: destination,
      trackingEvents: tracking(rng, postedAt, origin, destination, addressee.city, held, false),
    });
  }
  return items;
}
