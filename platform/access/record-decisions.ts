import type { CallerPolicy, Decision, FieldKind, RecordEnvelope } from "../../policies/index.js";

/** A field's coordinate and how it is governed, fixed when the schema is wrapped. */
export interface FieldSite {
  readonly type: string;
  readonly field: string;
  /** `Type.field`, built once at start rather than per value. */
  readonly coordinate: string;
  readonly kind: FieldKind;
}

/**
 * One request's field decisions, made once per record rather than once per field and row: a
 * decision depends only on the caller (fixed for the request) and the record's envelope, so the
 * records of a 1000-row list that share origin, handling, operation and grades share one table
 * of decisions. A coordinate whose rules read a record's id (grants) or the parent object is
 * decided afresh each time. Lives as long as the request's access context (plain maps: see
 * AccessContext.envelopes).
 */
export class RecordDecisions {
  /** Each envelope object (one per record, shared by its nested values) -> its decision table. */
  private readonly byEnvelope = new Map<RecordEnvelope, Map<string, Decision>>();
  /** Envelopes alike but for their id share a table. */
  private readonly bySignature = new Map<string, Map<string, Decision>>();

  constructor(private readonly policy: CallerPolicy) {}

  decide(site: FieldSite, envelope: RecordEnvelope | null, parent: object | null): Decision {
    if (!envelope || !this.policy.decidedByEnvelope(site.type, site.field, site.coordinate)) return this.policy.decide(site.type, site.field, envelope, site.kind, parent);
    const table = this.tableOf(envelope);
    let decision = table.get(site.coordinate);
    if (!decision) {
      decision = this.policy.decide(site.type, site.field, envelope, site.kind, parent);
      table.set(site.coordinate, decision);
    }
    return decision;
  }

  private tableOf(envelope: RecordEnvelope): Map<string, Decision> {
    let table = this.byEnvelope.get(envelope);
    if (table) return table;
    // Every envelope member a record condition can read, except the id (checked above).
    // Null is a NUL character, which no stored value holds (the audit makes text storable the same way).
    const signature = [envelope.type, envelope.originAgency, envelope.handling, envelope.operationId ?? "\0", envelope.sourceGrade ?? "\0", envelope.infoGrade ?? "\0"].join("\n");
    table = this.bySignature.get(signature);
    if (!table) {
      table = new Map();
      this.bySignature.set(signature, table);
    }
    this.byEnvelope.set(envelope, table);
    return table;
  }
}
