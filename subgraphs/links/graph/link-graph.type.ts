import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Agency, Handling } from "../../../schema/enums.js";

/** The identifier kinds the hub links on (the same names as `IdentifierRef.kind`). */
export enum IdentifierKindEnum {
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  IBAN = "IBAN",
  TRAVEL_DOCUMENT = "TRAVEL_DOCUMENT",
  VEHICLE = "VEHICLE",
  COMPANY = "COMPANY",
  POSTAL_ITEM = "POSTAL_ITEM",
  CONTAINER = "CONTAINER",
}
registerEnumType(IdentifierKindEnum, { name: "IdentifierKind", description: "A kind of shared identifier" });

/** Record node kinds, and the kind of a node for what the caller may only know exists. */
export const RECORD_NODE_KINDS = { Seizure: "SEIZURE", Case: "CASE", FiuReport: "FIU_REPORT", PostalItem: "POSTAL_ITEM_RECORD" } as const;
export type RecordType = keyof typeof RECORD_NODE_KINDS;
export const RESTRICTED_KIND = "RESTRICTED";
/** Every node kind `kinds:` may name. */
export const NODE_KINDS: readonly string[] = [...Object.values(IdentifierKindEnum), ...Object.values(RECORD_NODE_KINDS), RESTRICTED_KIND];

@InputType("IdentifierInput", { description: "An identifier in any common notation; composite ones as `country:number` (or `country number`)" })
export class IdentifierInput {
  @Field(() => IdentifierKindEnum) kind!: IdentifierKindEnum;
  @Field(() => String) value!: string;
}

@ObjectType("LinkIdentifier", { description: "The normalised identifier an identifier node stands for" })
export class LinkIdentifier {
  @Field(() => String, { description: "PHONE, EMAIL, IBAN, TRAVEL_DOCUMENT, VEHICLE, COMPANY, POSTAL_ITEM or CONTAINER" }) kind!: string;
  @Field(() => String, { description: 'Normalised value; composite keys as "country:number"' }) value!: string;
}

@ObjectType("LinkNode", { description: "An identifier, a record the caller may see, or a record the caller may only know exists" })
export class LinkNode {
  @Field(() => ID, { description: "`<kind lower-case>:<value>` for identifiers, `<RecordType>:<id>` for records, `hit:<agency>:<identifier node id>` for restricted nodes" })
  id!: string;
  @Field(() => String, { description: "PHONE … CONTAINER, SEIZURE, CASE, FIU_REPORT, POSTAL_ITEM_RECORD or RESTRICTED" }) kind!: string;
  @Field(() => String, { description: "Built only from what the caller may see" }) label!: string;
  @Field(() => Agency, { nullable: true, description: "The record's origin agency (for a restricted node, the agency that holds something)" }) agency!: Agency | null;
  @Field(() => Boolean, { description: "The caller may only know that the agency holds something here: no content" }) restricted!: boolean;
  @Field(() => Handling, { nullable: true }) handling!: Handling | null;
  @Field(() => String, { nullable: true, description: "Seizure, Case, FiuReport or PostalItem" }) recordType!: string | null;
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => LinkIdentifier, { nullable: true }) identifier!: LinkIdentifier | null;
  @Field(() => String, { nullable: true, description: "The record's date (YYYY-MM-DD) where the caller may see it" }) date!: string | null;
  @Field(() => Int, { description: "The hop that reached it (seeds 0)" }) depth!: number;
}

@ObjectType("LinkEdge", { description: "A record mentions an identifier (MENTIONS), or an agency holds something on an identifier (HIT)" })
export class LinkEdge {
  @Field(() => ID) id!: string;
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => String, { description: "MENTIONS or HIT" }) kind!: string;
  @Field(() => Agency, { nullable: true }) agency!: Agency | null;
  @Field(() => String, { nullable: true }) date!: string | null;
  @Field(() => Handling, { nullable: true, description: "The most restrictive handling of the records it came from; null on HIT edges (unknown to the caller)" })
  handling!: Handling | null;
}

@ObjectType("LinkGraph")
export class LinkGraph {
  @Field(() => [LinkNode]) nodes!: LinkNode[];
  @Field(() => [LinkEdge]) edges!: LinkEdge[];
  @Field(() => Boolean, { description: "maxNodes was reached, a list was at its cap, an agency did not answer, or the depth limit left identifiers unexpanded" }) truncated!: boolean;
  @Field(() => Int, { description: "Hops run (fewer than asked when nothing was left to expand)" }) depth!: number;
}

@ObjectType("LinkPathResult")
export class LinkPathResult {
  @Field(() => [[ID]], { description: "Each shortest chain as node ids, from `from` to `to`" }) paths!: string[][];
  @Field(() => [LinkNode]) nodes!: LinkNode[];
  @Field(() => [LinkEdge]) edges!: LinkEdge[];
  @Field(() => Boolean, { description: "More shortest paths than returned, or the search stopped at maxDepth or its node bound" }) truncated!: boolean;
}
