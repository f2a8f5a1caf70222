import type { CallerPolicy, Decision, RecordEnvelope } from "../../policies/index.js";
import type { Subject } from "../auth/index.js";

/** What one request was served, per entity: the raw material of the delivery audit. */
export interface ServedEntity {
  readonly type: string;
  readonly id: string;
  readonly served: Set<string>;
  readonly denied: Set<string>;
  readonly masked: Set<string>;
  /** Consent and break-glass grants that let a field through (flagged in the delivery audit). */
  readonly grants: Set<string>;
}

/** Rule ids of grants (consent `grant.<id>`, emergency `break-glass.<id>`), which the audit flags. */
export const isGrantRule = (rule: string): boolean => rule.startsWith("grant.") || rule.startsWith("break-glass.");

/**
 * Per-request access state: the caller's policy (one policy version for the whole response),
 * the envelope each nested object inherits from its record, the masks decided for fields, and
 * the record of what was served.
 */
export class AccessContext {
  /** Nested objects -> the envelope of the record that holds them (records map to their own). */
  readonly envelopes = new WeakMap<object, RecordEnvelope>();

  /** A record's envelope, built once per record object per request. */
  envelopeOfRecord(type: string, record: Record<string, unknown>): RecordEnvelope {
    let envelope = this.envelopes.get(record);
    if (!envelope) {
      envelope = envelopeOf(type, record);
      this.envelopes.set(record, envelope);
    }
    return envelope;
  }
  /**
   * The envelope a shared entity carries from its record's own service (`@requires` of originAgency
   * and handling, signed into the gateway's token with the body); null when it carries none.
   */
  envelopeOfEntity(type: string, id: string, entity: Record<string, unknown>): RecordEnvelope | null {
    if (typeof entity.originAgency !== "string" || typeof entity.handling !== "string") return null;
    return { ...envelopeOf(type, entity), id };
  }
  private readonly masks = new WeakMap<object, Map<string, NonNullable<Decision["mask"]>>>();
  private readonly entities = new Map<string, ServedEntity>();

  constructor(
    readonly policy: CallerPolicy,
    readonly subject: Subject,
  ) {}

  get version(): string {
    return this.policy.version;
  }

  /** Whether any value of this request is masked (most requests: none, and no lookups). */
  masking = false;

  setMask(parent: object, field: string, mask: NonNullable<Decision["mask"]>): void {
    this.masking = true;
    let fields = this.masks.get(parent);
    if (!fields) {
      fields = new Map();
      this.masks.set(parent, fields);
    }
    fields.set(field, mask);
  }

  maskOf(parent: object, field: string): Decision["mask"] | undefined {
    return this.masks.get(parent)?.get(field);
  }

  /** Notes one field decision against the entity it belongs to. */
  note(type: string, id: string, field: string, decision: Decision): void {
    const key = `${type}:${id}`;
    let entry = this.entities.get(key);
    if (!entry) {
      entry = { type, id, served: new Set(), denied: new Set(), masked: new Set(), grants: new Set() };
      this.entities.set(key, entry);
    }
    if (decision.effect === "deny") entry.denied.add(field);
    else {
      entry.served.add(field);
      if (decision.effect === "mask") entry.masked.add(field);
      if (isGrantRule(decision.rule)) entry.grants.add(decision.rule);
    }
  }

  served(): ServedEntity[] {
    return [...this.entities.values()];
  }
}

/** The handling envelope of a record view (what policies may read of the record). */
export function envelopeOf(type: string, record: Record<string, unknown>): RecordEnvelope {
  return {
    type,
    id: String(record.id),
    originAgency: String(record.originAgency),
    handling: String(record.handling),
    operationId: typeof record.operationId === "string" ? record.operationId : null,
    sourceGrade: typeof record.sourceGrade === "string" ? record.sourceGrade : null,
    infoGrade: typeof record.infoGrade === "number" ? record.infoGrade : null,
  };
}
