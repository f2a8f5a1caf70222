import type { CallerPolicy, Decision, RecordEnvelope, Visibility } from "../../policies/index.js";
import type { Subject } from "../auth/index.js";
import { RecordDecisions } from "./record-decisions.js";

/** What one request was served, per entity: the raw material of the delivery audit. */
export interface ServedEntity {
  readonly type: string;
  readonly id: string;
  readonly served: Set<string>;
  /** The rest is rare: created on first use (a 1000-row answer would otherwise hold 3000 empty sets). */
  denied: Set<string> | null;
  masked: Set<string> | null;
  /** Consent and break-glass grants that let a field through (flagged in the delivery audit). */
  grants: Set<string> | null;
}

/** Rule ids of grants (consent `grant.<id>`, emergency `break-glass.<id>`), which the audit flags. */
export const isGrantRule = (rule: string): boolean => rule.startsWith("grant.") || rule.startsWith("break-glass.");

/**
 * Per-request access state: the caller's policy (one policy version for the whole response),
 * the envelope each nested object inherits from its record, the masks decided for fields, and
 * the record of what was served.
 */
export class AccessContext {
  /**
   * Nested objects -> the envelope of the record that holds them (records map to their own).
   * Plain maps, not weak ones: they live only as long as the request, whose objects they hold
   * anyway, and a weak map of thousands of entries costs the garbage collector far more.
   */
  readonly envelopes = new Map<object, RecordEnvelope>();

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
  private readonly masks = new Map<object, Map<string, NonNullable<Decision["mask"]>>>();
  private readonly entities = new Map<string, ServedEntity>();
  /** The audit entry of each envelope object, so a record's fields are noted without building its key per field. */
  private readonly entityOfEnvelope = new Map<RecordEnvelope, ServedEntity>();
  /** Which records of a type the caller may know exist, worked out once per request and type. */
  private readonly visibilities = new Map<string, Visibility>();
  /** Field decisions, made once per record (record-decisions.ts). */
  readonly decisions: RecordDecisions;

  constructor(
    readonly policy: CallerPolicy,
    readonly subject: Subject,
  ) {
    this.decisions = new RecordDecisions(policy);
  }

  private readonly ruled = new Map<string, boolean>();

  /**
   * Whether this caller's policy has a rule for any of these coordinates, worked out once per
   * request under `key`: where none has, nothing below a record field reads its envelope.
   */
  anyRules(key: string, sites: ReadonlyArray<{ type: string; field: string; coordinate: string }>): boolean {
    let any = this.ruled.get(key);
    if (any === undefined) {
      any = sites.some((site) => this.policy.hasRules(site.type, site.field, site.coordinate));
      this.ruled.set(key, any);
    }
    return any;
  }

  /** The caller's `visibility(type)`, kept for the request: asked once per row of a list otherwise. */
  visibilityOf(type: string): Visibility {
    let visibility = this.visibilities.get(type);
    if (!visibility) {
      visibility = this.policy.visibility(type);
      this.visibilities.set(type, visibility);
    }
    return visibility;
  }

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
    record(this.entryOf(type, id), field, decision);
  }

  /** Notes one field decision against the record an envelope belongs to. */
  noteOn(envelope: RecordEnvelope, field: string, decision: Decision): void {
    let entry = this.entityOfEnvelope.get(envelope);
    if (!entry) {
      entry = this.entryOf(envelope.type, envelope.id);
      this.entityOfEnvelope.set(envelope, entry);
    }
    record(entry, field, decision);
  }

  private entryOf(type: string, id: string): ServedEntity {
    // Two objects of one record (reached by two paths) share one entry: one audit row per entity.
    const key = `${type}:${id}`;
    let entry = this.entities.get(key);
    if (!entry) {
      entry = { type, id, served: new Set(), denied: null, masked: null, grants: null };
      this.entities.set(key, entry);
    }
    return entry;
  }

  served(): ServedEntity[] {
    return [...this.entities.values()];
  }
}

function record(entry: ServedEntity, field: string, decision: Decision): void {
  if (decision.effect === "deny") (entry.denied ??= new Set()).add(field);
  else {
    entry.served.add(field);
    if (decision.effect === "mask") (entry.masked ??= new Set()).add(field);
    if (isGrantRule(decision.rule)) (entry.grants ??= new Set()).add(decision.rule);
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
