import type { Agency, Handling, SourceGrade } from "../../schema/enums.js";
import type { IdentifierRef } from "./identifier-ref.js";
import type { AgencyRecordEntity } from "./record.entity.js";

/** The envelope part of every record view, plus the identifiers behind the entity lists. */
export interface EnvelopeView {
  id: string;
  reference: string;
  originAgency: Agency;
  handling: Handling;
  operationId: string | null;
  sourceGrade: SourceGrade;
  infoGrade: number;
  createdAt: Date;
  identifiers: IdentifierRef[];
}

/** Row -> the envelope fields every record type shows; each agency's view adds its own fields. */
export function envelopeView(row: AgencyRecordEntity): EnvelopeView {
  return {
    id: row.id,
    reference: row.reference,
    originAgency: row.originAgency as Agency,
    handling: row.handling as Handling,
    operationId: row.operationId,
    sourceGrade: row.sourceGrade as SourceGrade,
    infoGrade: row.infoGrade,
    createdAt: row.createdAt,
    identifiers: row.identifiers,
  };
}
