import type { RecordSeizureInput } from "../../subgraphs/customs/index.js";
import type { TransportDocumentInput } from "../../subgraphs/customs/seizure/seizure.input.js";
import { CommodityArea, DetectionMethod, TransportDocumentKind, TransportMode } from "../../subgraphs/customs/seizure/seizure.enums.js";
import { DEMO_FROM, DEMO_TO } from "../calendar.js";
import { CONCEALMENT_BY_MODE, DRUG_ONLY_CONCEALMENT, type CommodityProfile } from "../catalogue/commodities.js";
import { BACKGROUND_OPERATIONS, CARRIERS, PASSENGER_DEPARTURES } from "../catalogue/organisations.js";
import { PLACES, type Place } from "../catalogue/places.js";
import { backgroundContainer } from "../identifiers.js";
import { Random } from "../random.js";
import { countOf, parcel, PARCEL_SLOT, type BackgroundSettings, type Parcel } from "./context.js";
import { customsEnvelopes } from "./envelope.js";
import { DOCUMENT_KIND, documentNumber } from "./seizure-documents.js";
import { SeizureMix } from "./seizure-mix.js";
import { partiesFor } from "./seizure-parties.js";

const DETECTION_BY_MODE: Readonly<Record<TransportMode, ReadonlyArray<readonly [DetectionMethod, number]>>> = {
  [TransportMode.POSTAL]: [[DetectionMethod.X_RAY, 40], [DetectionMethod.RISK_PROFILE, 30], [DetectionMethod.DETECTOR_DOG, 20], [DetectionMethod.RANDOM, 10]],
  [TransportMode.EXPRESS]: [[DetectionMethod.RISK_PROFILE, 45], [DetectionMethod.X_RAY, 35], [DetectionMethod.DOCUMENT_CHECK, 20]],
  [TransportMode.PASSENGER]: [[DetectionMethod.RISK_PROFILE, 35], [DetectionMethod.DETECTOR_DOG, 25], [DetectionMethod.PHYSICAL_EXAMINATION, 25], [DetectionMethod.INTELLIGENCE, 15]],
  [TransportMode.AIR]: [[DetectionMethod.RISK_PROFILE, 40], [DetectionMethod.X_RAY, 30], [DetectionMethod.DOCUMENT_CHECK, 30]],
  [TransportMode.SEA]: [[DetectionMethod.RISK_PROFILE, 40], [DetectionMethod.INTELLIGENCE, 30], [DetectionMethod.X_RAY, 30]],
  [TransportMode.ROAD]: [[DetectionMethod.X_RAY, 35], [DetectionMethod.DETECTOR_DOG, 20], [DetectionMethod.RANDOM, 20], [DetectionMethod.DOCUMENT_CHECK, 25]],
  [TransportMode.RAIL]: [[DetectionMethod.X_RAY, 50], [DetectionMethod.DOCUMENT_CHECK, 30], [DetectionMethod.INTELLIGENCE, 20]],
};

/** Countries a place's customs would list as where goods came from, never the place's own. */
const originFor = (rng: Random, profile: CommodityProfile, country: string): string => {
  const options = profile.origins.filter((c) => c !== country);
  return options.length > 0 ? rng.pick(options) : "CN";
};

/** Background seizures (CEN-like): the planted ones count towards the WCO shares. */
export function backgroundSeizures(settings: BackgroundSettings, planted: readonly RecordSeizureInput[]): RecordSeizureInput[] {
  const mix = new SeizureMix(settings.seed, settings.config.codes.commodity, planted);
  const envelopes = customsEnvelopes();
  const containerOffset = Random.derive(settings.seed, "container-offset").int(0, 989_999);
  const postalItemCount = countOf(settings, "postalItems");
  const seizures: RecordSeizureInput[] = [];

  for (let i = 0; i < countOf(settings, "seizures"); i += 1) {
    const rng = Random.derive(settings.seed, "seizure", i);
    const { mode, placeType, postalIndex } = mix.mode(rng, i);
    // Every other postal seizure is a parcel the postal operator registered (same S10 id).
    let seized: Parcel | null = null;
    if (postalIndex !== null && postalIndex % 2 === 0) {
      const j = postalIndex / 2;
      if (PARCEL_SLOT.stride * j + PARCEL_SLOT.offset < postalItemCount) seized = parcel(settings, j);
    }
    const candidates = PLACES[placeType].filter((p) => (mode === TransportMode.RAIL ? p.rail === true : true) && (seized ? p.country === seized.destination : true));
    const place: Place = rng.pick(candidates.length > 0 ? candidates : PLACES[placeType]);
    const date = seized ? seized.seizedOn : rng.date(DEMO_FROM, DEMO_TO);
    const { profile, lines: commodities } = mix.goods(rng, mode);

    // Route: cash leaves the country; everything else arrives, sometimes through a hub.
    const outbound = profile.code === "CASH";
    const origin = seized ? seized.origin : outbound ? place.country : originFor(rng, profile, place.country);
    const destination = outbound ? rng.pick(["AE", "TR", "NG", "CO", "MA"]) : place.country;
    const transitOptions = mode === TransportMode.PASSENGER ? PASSENGER_DEPARTURES : mode === TransportMode.SEA ? ["PA", "DO", "ES", "MA"] : ["DE", "BE", "NL", "AE"];
    const transitCandidates = transitOptions.filter((c) => c !== origin && c !== destination && c !== place.country);
    const transit = transitCandidates.length > 0 && rng.chance(0.3) ? [rng.pick(transitCandidates)] : [];

    const parties = partiesFor(rng, settings, mode, place, i, seized);
    const carrier = CARRIERS[mode] ? rng.pick(CARRIERS[mode] as readonly string[]) : null;
    const kind = DOCUMENT_KIND[mode];
    const transportDocuments: TransportDocumentInput[] = kind
      ? [{ kind, number: kind === TransportDocumentKind.CN23 && seized ? seized.itemId : documentNumber(rng, kind, carrier), carrier: mode === TransportMode.POSTAL ? null : carrier }]
      : [];
    const containers = mode === TransportMode.SEA ? Array.from({ length: rng.int(1, 2) }, (_, c) => backgroundContainer(rng, 2 * i + c, containerOffset)) : mode === TransportMode.RAIL && rng.chance(0.5) ? [backgroundContainer(rng, 2 * i, containerOffset)] : [];
    const envelope = envelopes.next(rng, BACKGROUND_OPERATIONS[mode] ?? []);

    seizures.push({
      reference: `CUS-${date.slice(0, 4)}-${String(i + 1).padStart(6, "0")}`,
      ...envelope,
      date,
      country: place.country,
      place: place.name,
      placeType,
      geo: { lat: place.lat, lon: place.lon },
      transportMode: mode,
      detectionMethod: rng.weighted(DETECTION_BY_MODE[mode]),
      concealmentMethod: rng.pick(CONCEALMENT_BY_MODE[mode].filter((c) => profile.area === CommodityArea.DRUGS || !DRUG_ONLY_CONCEALMENT.has(c))),
      commodities,
      route: { origin, transit, destination },
      parties,
      containers,
      transportDocuments,
      postalItems: seized ? [seized.itemId] : [],
      officerNotes: rng.chance(0.25) ? rng.pick(["Referred to the national investigation service.", "Goods destroyed under supervision.", "Passed to police for a controlled delivery.", "Consignee interviewed; no further action.", "Photos of the concealment attached in nCEN."]) : null,
    });
  }
  return seizures;
}
