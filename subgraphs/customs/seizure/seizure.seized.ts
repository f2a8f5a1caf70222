import { createUnionType, FieldResolver, Resolver, Root } from "type-graphql";
import { entityKeyOf } from "../../../schema/entities/index.js";
import type { IdentifierRef } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { Seizure } from "./seizure.type.js";

/** What customs physically seized: parcels and containers, each the shared entity. */
export const SeizedObject = createUnionType({
  name: "SeizedObject",
  description: "A seized postal item or container",
  types: () => [identifierEntities.PostalItem, identifierEntities.Container] as const,
  resolveType: (value) => ("itemId" in value ? "PostalItem" : "Container"),
});

@Resolver(() => Seizure)
export class SeizedObjectsResolver {
  @FieldResolver(() => [SeizedObject], { nullable: true, description: "Postal items and containers seized, in one list" })
  seizedObjects(@Root() seizure: { identifiers?: readonly IdentifierRef[] }) {
    return (seizure.identifiers ?? [])
      .filter((ref) => ref.kind === "POSTAL_ITEM" || ref.kind === "CONTAINER")
      .map((ref) => entityKeyOf(ref.kind, ref.value));
  }
}
