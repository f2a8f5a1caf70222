import type { Agency } from "./enums.js";

/**
 * The verified caller (contract): who they are, for which agency, with what roles and clearance.
 * Policies decide on this shape; platform/auth builds it from verified token claims.
 */
export interface Subject {
  readonly sub: string;
  readonly agency: Agency;
  readonly roles: readonly string[];
  /** 0 (none) .. 4 (highest). */
  readonly clearance: number;
  /** Joint-operation ids the subject belongs to. */
  readonly operations: readonly string[];
  readonly issuer: string;
}
