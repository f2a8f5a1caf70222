import { envelopeView, type IdentifierRef } from "../../../platform/records/index.js";
import type { SeizureEntity } from "./seizure.entity.js";
import type { Seizure } from "./seizure.type.js";

/** What resolvers return for a seizure: the GraphQL shape plus the identifiers behind the entity lists. */
export type SeizureView = Omit<Seizure, never> & { identifiers: IdentifierRef[] };

export function toSeizureView(row: SeizureEntity): SeizureView {
  return {
    ...envelopeView(row),
    date: row.occurredAt.toISOString().slice(0, 10),
    country: row.country,
    place: row.place,
    placeType: row.placeType as Seizure["placeType"],
    geo: row.geoLat === null || row.geoLon === null ? null : { lat: row.geoLat, lon: row.geoLon },
    transportMode: row.transportMode as Seizure["transportMode"],
    detectionMethod: row.detectionMethod as Seizure["detectionMethod"],
    concealmentMethod: row.concealmentMethod,
    commodities: row.details.commodities as Seizure["commodities"],
    route: row.details.route,
    parties: row.details.parties as Seizure["parties"],
    transportDocuments: row.details.transportDocuments as Seizure["transportDocuments"],
    officerNotes: row.officerNotes,
  };
}
