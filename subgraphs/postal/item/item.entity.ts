import { Column, Entity, Index } from "typeorm";
import { AgencyRecordEntity } from "../../../platform/records/index.js";
import type { PostalItemDetails } from "./item.details.js";

/**
 * A postal item (UPU S10 id, CN23 declaration). `occurredAt` is the posting date. Filterable facts
 * are columns; parties, content lines and tracking events live in `details`.
 */
@Entity({ name: "postal_item" })
export class PostalItemEntity extends AgencyRecordEntity {
  /** Normalised UPU S10 id; one item per id for each caller (a hidden record never blocks another's). */
  @Index("postal_item_item_id") @Column({ type: "text", name: "item_id" }) itemId!: string;
  @Column({ type: "text" }) category!: string;
  @Column({ type: "double precision", name: "gross_weight_kg" }) grossWeightKg!: number;
  @Column({ type: "double precision", name: "total_value" }) totalValue!: number;
  @Column({ type: "char", length: 3 }) currency!: string;
  @Column({ type: "text", name: "office_of_origin" }) officeOfOrigin!: string;
  @Column({ type: "char", length: 2, name: "origin_country" }) originCountry!: string;
  @Column({ type: "char", length: 2, name: "destination_country" }) destinationCountry!: string;
  /** The sender's country, denormalised from `details` for filtering. */
  @Column({ type: "char", length: 2, name: "sender_country" }) senderCountry!: string;
  @Column({ type: "jsonb" }) details!: PostalItemDetails;
}
