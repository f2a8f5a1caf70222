import { FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { entityKeyOf, type IdentifierEntities } from "../../schema/entities/index.js";
import type { IdentifierKind } from "../../schema/identifiers/index.js";
import type { IdentifierRef } from "./identifier-ref.js";

interface HasIdentifiers {
  identifiers?: readonly IdentifierRef[] | null;
}

const keysOf = (record: HasIdentifiers, kind: IdentifierKind) =>
  (record.identifiers ?? []).filter((ref) => ref.kind === kind).map((ref) => entityKeyOf(kind, ref.value));

/**
 * Adds the contract's identifier lists (`phones`, `emails`, `bankAccounts`, ...) to one record
 * type. They are entity references: the gateway resolves each in the subgraphs that know it.
 * The postal subgraph owns `PostalItem` itself, so it passes `withPostalItems: false` and
 * resolves that list from its own rows.
 */
export function createIdentifierFieldsResolver(
  recordClass: ClassType,
  entities: IdentifierEntities,
  options: { withPostalItems?: boolean } = {},
): ClassType[] {
  @Resolver(() => recordClass)
  class IdentifierFieldsResolver {
    @FieldResolver(() => [entities.Phone], { nullable: true, description: "Phone numbers mentioned anywhere in the record" })
    phones(@Root() record: HasIdentifiers) {
      return keysOf(record, "PHONE");
    }
    @FieldResolver(() => [entities.Email], { nullable: true })
    emails(@Root() record: HasIdentifiers) {
      return keysOf(record, "EMAIL");
    }
    @FieldResolver(() => [entities.BankAccount], { nullable: true })
    bankAccounts(@Root() record: HasIdentifiers) {
      return keysOf(record, "IBAN");
    }
    @FieldResolver(() => [entities.TravelDocument], { nullable: true })
    travelDocuments(@Root() record: HasIdentifiers) {
      return keysOf(record, "TRAVEL_DOCUMENT");
    }
    @FieldResolver(() => [entities.Vehicle], { nullable: true })
    vehicles(@Root() record: HasIdentifiers) {
      return keysOf(record, "VEHICLE");
    }
    @FieldResolver(() => [entities.Company], { nullable: true })
    companies(@Root() record: HasIdentifiers) {
      return keysOf(record, "COMPANY");
    }
    @FieldResolver(() => [entities.Container], { nullable: true })
    containers(@Root() record: HasIdentifiers) {
      return keysOf(record, "CONTAINER");
    }
  }

  if (options.withPostalItems === false) return [IdentifierFieldsResolver];

  @Resolver(() => recordClass)
  class PostalItemsFieldResolver {
    @FieldResolver(() => [entities.PostalItem], { nullable: true })
    postalItems(@Root() record: HasIdentifiers) {
      return keysOf(record, "POSTAL_ITEM");
    }
  }
  return [IdentifierFieldsResolver, PostalItemsFieldResolver];
}
