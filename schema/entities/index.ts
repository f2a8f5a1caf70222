import { Directive, Field, ObjectType } from "type-graphql";
import type { IdentifierKind } from "../identifiers/index.js";

/*
 * The shared identifier entities (contract). Each class carries only its key; a subgraph adds
 * its own fields with field resolvers. type-graphql keeps field resolvers in global metadata per
 * class, so every subgraph takes its own copies of the classes from this factory; otherwise
 * subgraphs built in one process would leak fields into each other's schemas. Values are always normalised
 * (see schema/identifiers) before they become a key.
 */
/** A fresh set of identifier entity classes for one subgraph. */
export function createIdentifierEntities() {
  @Directive('@key(fields: "e164")')
  @ObjectType("Phone", { description: "A phone number in E.164" })
  class Phone {
    @Field(() => String, { nullable: false }) e164!: string;
  }

  @Directive('@key(fields: "address")')
  @ObjectType("Email", { description: "An e-mail address, trimmed and lower-cased" })
  class Email {
    @Field(() => String, { nullable: false }) address!: string;
  }

  @Directive('@key(fields: "iban")')
  @ObjectType("BankAccount", { description: "A bank account by its electronic IBAN" })
  class BankAccount {
    @Field(() => String, { nullable: false }) iban!: string;
  }

  @Directive('@key(fields: "country number")')
  @ObjectType("TravelDocument", { description: "A passport or identity card: issuing country and number" })
  class TravelDocument {
    @Field(() => String, { nullable: false, description: "ISO 3166-1 alpha-2 issuing country" }) country!: string;
    @Field(() => String, { nullable: false }) number!: string;
  }

  @Directive('@key(fields: "country plate")')
  @ObjectType("Vehicle", { description: "A vehicle by registration country and plate" })
  class Vehicle {
    @Field(() => String, { nullable: false }) country!: string;
    @Field(() => String, { nullable: false }) plate!: string;
  }

  @Directive('@key(fields: "country registrationNumber")')
  @ObjectType("Company", { description: "A company by country of incorporation and registration number" })
  class Company {
    @Field(() => String, { nullable: false }) country!: string;
    @Field(() => String, { nullable: false }) registrationNumber!: string;
  }

  @Directive('@key(fields: "itemId")')
  @ObjectType("PostalItem", { description: "A postal item by its UPU S10 identifier" })
  class PostalItem {
    @Field(() => String, { nullable: false }) itemId!: string;
  }

  @Directive('@key(fields: "number")')
  @ObjectType("Container", { description: "A freight container by its ISO 6346 number" })
  class Container {
    @Field(() => String, { nullable: false }) number!: string;
  }

  return { Phone, Email, BankAccount, TravelDocument, Vehicle, Company, PostalItem, Container };
}

export type IdentifierEntities = ReturnType<typeof createIdentifierEntities>;

export { IDENTIFIER_LIST_FIELDS, IDENTIFIER_TYPE_NAMES } from "./names.js";
export { checkEntityKey, identifierKindOfType, IDENTIFIER_KEY_FIELDS } from "./key-check.js";

/** Entity key object for a stored identifier value (the inverse of {@link identifierValueOf}). */
export function entityKeyOf(kind: IdentifierKind, value: string): Record<string, string> {
  const [first = "", ...rest] = value.split(":");
  const second = rest.join(":");
  switch (kind) {
    case "PHONE":
      return { e164: value };
    case "EMAIL":
      return { address: value };
    case "IBAN":
      return { iban: value };
    case "POSTAL_ITEM":
      return { itemId: value };
    case "CONTAINER":
      return { number: value };
    case "TRAVEL_DOCUMENT":
      return { country: first, number: second };
    case "VEHICLE":
      return { country: first, plate: second };
    case "COMPANY":
      return { country: first, registrationNumber: second };
  }
}

/** Stored identifier value for an entity key object as the gateway sends it in `_entities`. */
export function identifierValueOf(kind: IdentifierKind, key: Record<string, unknown>): string {
  const s = (name: string) => (typeof key[name] === "string" ? (key[name] as string) : "");
  switch (kind) {
    case "PHONE":
      return s("e164");
    case "EMAIL":
      return s("address");
    case "IBAN":
      return s("iban");
    case "POSTAL_ITEM":
      return s("itemId");
    case "CONTAINER":
      return s("number");
    case "TRAVEL_DOCUMENT":
      return `${s("country")}:${s("number")}`;
    case "VEHICLE":
      return `${s("country")}:${s("plate")}`;
    case "COMPANY":
      return `${s("country")}:${s("registrationNumber")}`;
  }
}
