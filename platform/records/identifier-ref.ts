import { Directive, Field, ObjectType } from "type-graphql";
import type { IdentifierKind } from "../../schema/identifiers/index.js";

/** A normalised identifier as stored: kind plus its single-string value (see identifierValue). */
export interface IdentifierRef {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/** The same, as a GraphQL value type shared by every agency subgraph (hence @shareable). */
@ObjectType("IdentifierRef", { description: "A normalised identifier a party or record mentions" })
export class IdentifierRefType {
  @Directive("@shareable")
  @Field(() => String, { description: "PHONE, EMAIL, IBAN, TRAVEL_DOCUMENT, VEHICLE, COMPANY, POSTAL_ITEM or CONTAINER" })
  kind!: string;

  @Directive("@shareable")
  @Field(() => String, { description: 'Normalised value; composite keys as "country:number"' })
  value!: string;
}
