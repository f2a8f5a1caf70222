import { Column, Entity } from "typeorm";
import { AgencyRecordEntity } from "../../../platform/records/index.js";
import type { FiuReportDetails } from "./report.details.js";

/**
 * A report filed with the FIU (goAML-like). `reference` is the FIU's own reference; the
 * submission date is `occurredAt`. Filterable facts are columns; nested parts live in `details`.
 */
@Entity({ name: "fiu_report" })
export class FiuReportEntity extends AgencyRecordEntity {
  @Column({ type: "text", name: "report_code" }) reportCode!: string;
  @Column({ type: "text", name: "entity_reference", nullable: true }) entityReference!: string | null;
  @Column({ type: "text" }) reason!: string;
  @Column({ type: "text", nullable: true }) action!: string | null;
  @Column({ type: "text", array: true }) indicators!: string[];
  @Column({ type: "text" }) narrative!: string;
  /** Largest single transaction amount (each in its own currency), for the minAmount filter. */
  @Column({ type: "double precision", name: "max_amount", nullable: true }) maxAmount!: number | null;
  @Column({ type: "jsonb" }) details!: FiuReportDetails;
}
