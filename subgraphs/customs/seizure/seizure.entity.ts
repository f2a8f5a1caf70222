import { Column, Entity } from "typeorm";
import { AgencyRecordEntity } from "../../../platform/records/index.js";
import type { SeizureDetails } from "./seizure.details.js";

/** A customs seizure (WCO CEN-like). Filterable facts are columns; nested lines live in `details`. */
@Entity({ name: "seizure" })
export class SeizureEntity extends AgencyRecordEntity {
  @Column({ type: "char", length: 2 }) country!: string;
  @Column({ type: "text" }) place!: string;
  @Column({ type: "text", name: "place_type" }) placeType!: string;
  @Column({ type: "text", name: "transport_mode" }) transportMode!: string;
  @Column({ type: "text", name: "detection_method" }) detectionMethod!: string;
  @Column({ type: "text", name: "concealment_method", nullable: true }) concealmentMethod!: string | null;
  @Column({ type: "double precision", name: "geo_lat", nullable: true }) geoLat!: number | null;
  @Column({ type: "double precision", name: "geo_lon", nullable: true }) geoLon!: number | null;
  /** ITR areas and commodity codes of the lines, denormalised for filtering. */
  @Column({ type: "text", array: true }) areas!: string[];
  @Column({ type: "text", array: true, name: "commodity_codes" }) commodityCodes!: string[];
  @Column({ type: "text", name: "officer_notes", nullable: true }) officerNotes!: string | null;
  @Column({ type: "jsonb" }) details!: SeizureDetails;
}
