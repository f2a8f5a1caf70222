import { Field, Float, GraphQLISODateTime, InputType, Int } from "type-graphql";
import { AgencyRecordInput } from "../../../platform/records/index.js";
import { PostalCategory, PostalEventCode } from "./item.enums.js";

/** Fields the CN23 asks of both sender and addressee. */
@InputType()
export abstract class PostalPartyInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) business?: string | null;
  @Field(() => String) address!: string;
  @Field(() => String, { nullable: true }) postcode?: string | null;
  @Field(() => String) city!: string;
  @Field(() => String, { description: "ISO 3166-1 alpha-2 or alpha-3" }) country!: string;
  @Field(() => String, { nullable: true, description: "Any common notation; national format uses the configured default region" })
  phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType("PostalSenderInput")
export class PostalSenderInput extends PostalPartyInput {
  @Field(() => String, { nullable: true, description: "The sender's customs reference, if any" }) customsReference?: string | null;
}

@InputType("PostalAddresseeInput")
export class PostalAddresseeInput extends PostalPartyInput {
  @Field(() => String, { nullable: true, description: "Importer reference: tax code, VAT number or importer code" })
  importerReference?: string | null;
}

@InputType("PostalContentLineInput")
export class PostalContentLineInput {
  @Field(() => String) description!: string;
  @Field(() => Int, { description: "At least 1" }) quantity!: number;
  @Field(() => Float, { description: "Greater than 0" }) netWeightKg!: number;
  @Field(() => Float, { description: "0 or more" }) value!: number;
  @Field(() => String, { description: "ISO 4217, e.g. EUR" }) currency!: string;
  @Field(() => String, { nullable: true, description: "HS tariff number, 6 to 10 digits" }) hsCode?: string | null;
  @Field(() => String, { nullable: true }) originCountry?: string | null;
}

@InputType("PostalTrackingEventInput")
export class PostalTrackingEventInput {
  @Field(() => PostalEventCode) code!: PostalEventCode;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => String) office!: string;
}

@InputType("RegisterPostalItemInput")
export class RegisterPostalItemInput extends AgencyRecordInput {
  @Field(() => String, { description: "UPU S10 identifier, e.g. RR123456785NL (spaces and case do not matter)" }) itemId!: string;
  @Field(() => PostalCategory) category!: PostalCategory;
  @Field(() => String, { nullable: true }) categoryExplanation?: string | null;
  @Field(() => PostalSenderInput) sender!: PostalSenderInput;
  @Field(() => PostalAddresseeInput) addressee!: PostalAddresseeInput;
  @Field(() => [PostalContentLineInput], { description: "At least one line" }) contents!: PostalContentLineInput[];
  @Field(() => Float) grossWeightKg!: number;
  @Field(() => Float) totalValue!: number;
  @Field(() => String, { description: "ISO 4217 currency of the total value" }) currency!: string;
  @Field(() => GraphQLISODateTime) postedAt!: Date;
  @Field(() => String) officeOfOrigin!: string;
  @Field(() => String) originCountry!: string;
  @Field(() => String) destinationCountry!: string;
  @Field(() => [PostalTrackingEventInput], { nullable: true }) trackingEvents?: PostalTrackingEventInput[] | null;
}
