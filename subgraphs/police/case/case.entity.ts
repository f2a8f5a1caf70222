import { Column, Entity } from "typeorm";
import { AgencyRecordEntity } from "../../../platform/records/index.js";
import type { CaseDetails } from "./case.details.js";

/**
 * A police case. `occurredAt` is the date the case was opened. The table is "police_case"
 * because CASE is an SQL keyword. Filterable facts are columns; nested lists live in `details`.
 */
@Entity({ name: "police_case" })
export class CaseEntity extends AgencyRecordEntity {
  @Column({ type: "text" }) status!: string;
  @Column({ type: "text", array: true }) offences!: string[];
  /** "YYYY-MM-DD" (TypeORM hands `date` columns over as strings). */
  @Column({ type: "date", name: "closed_at", nullable: true }) closedAt!: string | null;
  @Column({ type: "text" }) title!: string;
  @Column({ type: "text", nullable: true }) summary!: string | null;
  /** Roles of the parties but informants, denormalised for filtering (reveals `Case.parties`). */
  @Column({ type: "text", array: true, name: "party_roles" }) partyRoles!: string[];
  /** Whether an informant is among the parties, for filtering (reveals `Case.informants`). */
  @Column({ type: "boolean", name: "has_informants" }) hasInformants!: boolean;
  @Column({ type: "jsonb" }) details!: CaseDetails;
}
