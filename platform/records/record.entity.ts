import { Column, CreateDateColumn, Index, PrimaryColumn } from "typeorm";
import type { IdentifierRef } from "./identifier-ref.js";

/**
 * Columns every agency record has: the handling envelope, the agency's own reference (unique:
 * it makes writes idempotent), and the identifiers it mentions (kept on the row so that listing
 * them costs no query; the `identifier_mention` table indexes them for look-ups by identifier).
 * Concrete entities extend this; each agency's table lives in its own database.
 */
export abstract class AgencyRecordEntity {
  @PrimaryColumn({ type: "uuid" }) id!: string;
  @Index({ unique: true }) @Column({ type: "text" }) reference!: string;
  @Column({ type: "text", name: "origin_agency" }) originAgency!: string;
  @Column({ type: "text" }) handling!: string;
  @Column({ type: "text", name: "operation_id", nullable: true }) operationId!: string | null;
  @Column({ type: "text", name: "source_grade" }) sourceGrade!: string;
  @Column({ type: "smallint", name: "info_grade" }) infoGrade!: number;
  /** The date the record is about (seizure date, case opened, report submitted, item posted); lists sort on it. */
  @Column({ type: "timestamptz", name: "occurred_at" }) occurredAt!: Date;
  @CreateDateColumn({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
  /** Hash of the submitted input: a repeat with the same reference and hash is the same record. */
  @Column({ type: "text", name: "content_hash" }) contentHash!: string;
  @Column({ type: "jsonb" }) identifiers!: IdentifierRef[];
}
