import { Directive, Field, Float, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { AgencyRecordType } from "../../../platform/records/index.js";
import { PostalCategory, PostalEventCode } from "./item.enums.js";

@ObjectType("PostalParty", { description: "Sender or addressee as declared on the CN23" })
export class PostalParty {
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true }) business!: string | null;
  @Field(() => String, { nullable: true }) address!: string;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => String, { nullable: true }) city!: string;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) country!: string;
  @Field(() => String, { nullable: true, description: "E.164" }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true, description: "Sender only: the sender's customs reference" }) customsReference!: string | null;
  @Field(() => String, { nullable: true, description: "Addressee only: importer reference (tax code, VAT number, importer code)" })
  importerReference!: string | null;
}

@ObjectType("PostalContentLine", { description: "One CN23 content line" })
export class PostalContentLine {
  @Field(() => String, { nullable: true }) description!: string;
  @Field(() => Int, { nullable: true }) quantity!: number;
  @Field(() => Float, { nullable: true }) netWeightKg!: number;
  @Field(() => Float, { nullable: true }) value!: number;
  @Field(() => String, { nullable: true, description: "ISO 4217" }) currency!: string;
  @Field(() => String, { nullable: true, description: "HS tariff number, 6 to 10 digits" }) hsCode!: string | null;
  @Field(() => String, { nullable: true, description: "Country of origin of the goods, ISO 3166-1 alpha-2" }) originCountry!: string | null;
}

@ObjectType("PostalTrackingEvent")
export class PostalTrackingEvent {
  @Field(() => PostalEventCode, { nullable: true }) code!: PostalEventCode;
  @Field(() => GraphQLISODateTime, { nullable: true }) at!: Date;
  @Field(() => String, { nullable: true }) office!: string;
}

/**
 * A postal item with its CN23 declaration. It is at the same time the shared `PostalItem`
 * identifier entity (key `itemId`, contract), which other subgraphs extend with key-only copies.
 */
@Directive('@key(fields: "itemId")')
@ObjectType("PostalItem", { implements: AgencyRecordType, description: "A postal item by its UPU S10 identifier, with its CN23 declaration" })
export class PostalItem extends AgencyRecordType {
  @Field(() => String, { nullable: false, description: "UPU S10 identifier, e.g. RR123456785NL" }) itemId!: string;
  @Field(() => PostalCategory, { nullable: true, description: "CN23 box 10" }) category!: PostalCategory;
  @Field(() => String, { nullable: true }) categoryExplanation!: string | null;
  @Field(() => PostalParty, { nullable: true }) sender!: PostalParty;
  @Field(() => PostalParty, { nullable: true }) addressee!: PostalParty;
  @Field(() => [PostalContentLine], { nullable: true }) contents!: PostalContentLine[];
  @Field(() => Float, { nullable: true, description: "CN23 box 4: total gross weight" }) grossWeightKg!: number;
  @Field(() => Float, { nullable: true, description: "CN23 box 6: total value" }) totalValue!: number;
  @Field(() => String, { nullable: true, description: "ISO 4217 currency of the total value" }) currency!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) postedAt!: Date;
  @Field(() => String, { nullable: true }) officeOfOrigin!: string;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) originCountry!: string;
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2" }) destinationCountry!: string;
  @Field(() => [PostalTrackingEvent], { nullable: true, description: "Oldest first" }) trackingEvents!: PostalTrackingEvent[];
}
