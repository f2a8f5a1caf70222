import { Column, CreateDateColumn, PrimaryColumn } from "typeorm";
import type { IdentifierRef } from "./identifier-ref.js";

/**
 * Columns every agency record has: the handling envelope, the agency's own reference, its author,
 * and the identifiers it mentions (kept on the row so that listing them costs no query; the
 * `identifier_mention` table indexes them for look-ups by identifier). Writes are idempotent per
 * author and reference: a caller-chosen key never reaches a record the caller may not see.
 * Concrete entities extend this; each agency's table lives in its own database.
 */
export abstract class AgencyRecordEntity {
  @PrimaryColumn({ type: "uuid" }) id!: string;
  @Column({ type: "text" }) reference!: string;
  @Column({ type: "text", name: "origin_agency" }) originAgency!: string;
  @Column({ type: "text" }) handling!: string;
  @Column({ type: "text", name: "operation_id", nullable: true }) operationId!: string | null;
  @Column({ type: "text", name: "source_grade" }) sourceGrade!: string;
  @Column({ type: "smallint", name: "info_grade" }) infoGrade!: number;
  /** The date the record is about (seizure date, case opened, report submitted, item posted); lists sort on it. */
  @Column({ type: "timestamptz", name: "occurred_at" }) occurredAt!: Date;
  @CreateDateColumn({ type: "timestamptz", name: "created_at" }) createdAt!: Date;
  /** Hash of the record as first submitted: the same author repeating the same reference and content gets the same record. */
  @Column({ type: "text", name: "content_hash" }) contentHash!: string;
  /** Who wrote the record: the verified subject, its agency, and the gateway's request id. */
  @Column({ type: "text", name: "author_sub" }) authorSub!: string;
  @Column({ type: "text", name: "author_agency" }) authorAgency!: string;
  @Column({ type: "text", name: "author_request_id" }) authorRequestId!: string;
  @Column({ type: "jsonb" }) identifiers!: IdentifierRef[];
}
