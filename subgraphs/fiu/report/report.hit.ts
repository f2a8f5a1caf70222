import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root, type ClassType } from "type-graphql";
import { IDENTIFIER_TYPE_NAMES, identifierValueOf } from "../../../schema/entities/index.js";
import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import type { SubgraphContext } from "../../../platform/subgraph/index.js";
import type { RecordKitHandle } from "../../../platform/records/index.js";
import { fiuConfig } from "../config.js";
import { identifierEntities } from "../entities.js";

/**
 * Hit/no-hit answer (FIU.net Ma3tch model): another agency learns only that the FIU holds
 * something on an identifier and whom to ask, never the report. Not a record: no envelope.
 */
@ObjectType("FiuHit", { description: "Whether the FIU holds reports on this identifier, and whom to contact if so" })
export class FiuHit {
  @Field(() => Boolean, { nullable: false }) hit!: boolean;
  @Field(() => String, { nullable: true, description: "The FIU's liaison contact; only when hit is true" }) contactPoint!: string | null;
}

/** Kinds that carry `fiuHit` (contract). */
const HIT_KINDS: readonly IdentifierKind[] = ["PHONE", "IBAN", "TRAVEL_DOCUMENT", "COMPANY"];

function hitResolverFor(kit: RecordKitHandle, kind: IdentifierKind): ClassType {
  const entityClass = identifierEntities[IDENTIFIER_TYPE_NAMES[kind]] as ClassType;
  @Resolver(() => entityClass)
  class FiuHitFieldResolver {
    @FieldResolver(() => FiuHit, { nullable: true, description: "Whether the FIU holds reports mentioning this identifier" })
    async fiuHit(@Root() key: Record<string, unknown>, @Ctx() ctx: SubgraphContext): Promise<FiuHit> {
      // An existence query, batched for every identifier of the request; RED and AMBER+STRICT reports never make a hit.
      const hit = await kit.hit(ctx, kind, identifierValueOf(kind, key));
      return { hit, contactPoint: hit ? fiuConfig.contactPoint : null };
    }
  }
  return FiuHitFieldResolver;
}

/** `Phone.fiuHit`, `BankAccount.fiuHit`, `TravelDocument.fiuHit`, `Company.fiuHit`. */
export const fiuHitResolvers = (kit: RecordKitHandle): ClassType[] => HIT_KINDS.map((kind) => hitResolverFor(kit, kind));
