/*
 * Policies are data (contract): rules keyed by schema coordinate with conditions over the
 * subject, the declared purpose and the record's own handling envelope.
 */

export const EFFECTS = ["allow", "deny", "mask"] as const;
export type Effect = (typeof EFFECTS)[number];

export const MASK_STRATEGIES = ["last4", "initials", "year-only", "redact"] as const;
export type MaskStrategy = (typeof MASK_STRATEGIES)[number];

/** Conditions over the caller; every listed condition must hold. */
export interface SubjectCondition {
  /** The subject's agency is one of these. */
  readonly agency?: readonly string[];
  /** The subject's agency is none of these. */
  readonly notAgency?: readonly string[];
  /** The subject has at least one of these roles. */
  readonly roles?: readonly string[];
  /** The subject has none of these roles. */
  readonly notRoles?: readonly string[];
  /** The subject's clearance is at least this (0-4). */
  readonly minClearance?: number;
  /** The subject's clearance is at most this (0-4): for rules that deny below a threshold. */
  readonly maxClearance?: number;
  /** The subject is one of these persons, as `"<issuer> <sub>"` (break-glass grants only; not in documents). */
  readonly subjects?: readonly string[];
}

/** Conditions over the record's handling envelope; every listed condition must hold. */
export interface RecordCondition {
  /** true: the record comes from the subject's own agency; false: from another agency. */
  readonly ownAgency?: boolean;
  readonly originAgency?: readonly string[];
  readonly handling?: readonly string[];
  /** true: the record belongs to a joint operation the subject is a member of. */
  readonly inSubjectOperation?: boolean;
  readonly sourceGrade?: readonly string[];
  /** The record's information grade is at most this (1 best .. 6). */
  readonly maxInfoGrade?: number;
  /** The record is one of these (grants only; not in documents). */
  readonly ids?: readonly string[];
}

export interface Condition {
  readonly subject?: SubjectCondition;
  /** The declared purpose (X-Purpose) is one of these. */
  readonly purpose?: readonly string[];
  readonly record?: RecordCondition;
  /**
   * Conditions over the object that holds the field, for types nested in a record: each key is
   * a field of that object, each value the list of values it may have (e.g. kind: [IBAN]).
   */
  readonly parent?: Readonly<Record<string, readonly string[]>>;
  /**
   * Grants only (not in documents): the request's justification names one of these case
   * references, and the rule holds only until `validUntil` (ISO 8601), checked at each decision
   * so an expired grant stops working by itself.
   */
  readonly caseReference?: readonly string[];
  readonly validUntil?: string;
}

export interface PolicyRule {
  /** Stable id: named in denials and in the audit. */
  readonly id: string;
  readonly description: string;
  /** Schema coordinates: `Type.field` or `Type.*`. */
  readonly target: readonly string[];
  readonly effect: Effect;
  readonly mask?: MaskStrategy;
  readonly when?: Condition;
}

/** The active set: every rule of every document, with a version that names exactly this content. */
export interface PolicySet {
  readonly version: string;
  readonly rules: readonly PolicyRule[];
}

/** The record attributes policies may read. */
export interface RecordEnvelope {
  readonly type: string;
  readonly id: string;
  readonly originAgency: string;
  readonly handling: string;
  readonly operationId: string | null;
  readonly sourceGrade: string | null;
  readonly infoGrade: number | null;
}

/** The outcome for one field: the deciding rule always named. */
export interface Decision {
  readonly effect: Effect;
  readonly rule: string;
  readonly mask?: MaskStrategy;
}

/** The rule id reported when no rule allows a field. */
export const DEFAULT_DENY = "default-deny";
