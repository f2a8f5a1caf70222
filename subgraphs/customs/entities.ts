import { Directive, Field, ObjectType } from "type-graphql";
import { Agency, Handling } from "../../schema/enums.js";
import { createIdentifierEntities } from "../../schema/entities/index.js";

/**
 * Customs' view of a postal item: its key, plus the postal operator's `originAgency`, which the
 * gateway fetches from the postal service (@external, for `customsHit @requires`) so that a
 * policy can tell a postal operator's own items from others.
 */
@Directive('@key(fields: "itemId")')
@ObjectType("PostalItem", { description: "A postal item by its UPU S10 identifier" })
export class CustomsPostalItem {
  @Field(() => String, { nullable: false }) itemId!: string;
  @Directive("@external")
  @Field(() => Agency, { nullable: false, description: "The agency holding the item's record (from the postal service)" })
  originAgency!: Agency;
  @Directive("@external")
  @Field(() => Handling, { nullable: false, description: "The item record's handling code (from the postal service)" })
  handling!: Handling;
}

/** This subgraph's own copies of the shared identifier entity classes. */
export const identifierEntities = { ...createIdentifierEntities(), PostalItem: CustomsPostalItem };
