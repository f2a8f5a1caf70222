import { envelopeView, type IdentifierRef } from "../../../platform/records/index.js";
import type { CaseEntity } from "./case.entity.js";
import type { Case } from "./case.type.js";

/** What resolvers return for a case: the GraphQL shape plus the identifiers behind the entity lists. */
export type CaseView = Omit<Case, never> & { identifiers: IdentifierRef[] };

export function toCaseView(row: CaseEntity): CaseView {
  return {
    ...envelopeView(row),
    offences: row.offences,
    status: row.status as Case["status"],
    openedAt: row.occurredAt.toISOString().slice(0, 10),
    closedAt: row.closedAt,
    title: row.title,
    summary: row.summary,
    parties: row.details.parties.filter((party) => party.role !== "INFORMANT") as Case["parties"],
    informants: row.details.parties.filter((party) => party.role === "INFORMANT") as Case["informants"],
    events: row.details.events.map((event) => ({ ...event, at: new Date(event.at) })) as Case["events"],
    vehicleDetails: row.details.vehicles,
  };
}
