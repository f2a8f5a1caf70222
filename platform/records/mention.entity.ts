import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** Index of which record mentions which identifier; one table per agency database. */
@Entity({ name: "identifier_mention" })
@Index("identifier_mention_lookup", ["kind", "value"])
export class IdentifierMention {
  @PrimaryColumn({ type: "uuid", name: "record_id" }) recordId!: string;
  @PrimaryColumn({ type: "text" }) kind!: string;
  @PrimaryColumn({ type: "text" }) value!: string;
}
