import { Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { IDENTIFIER_TYPE_NAMES, identifierValueOf, type IdentifierEntities } from "../../schema/entities/index.js";
import type { IdentifierKind } from "../../schema/identifiers/index.js";
import type { SubgraphContext } from "../subgraph/context.js";

export interface MentionFieldsOptions<TView> {
  readonly entities: IdentifierEntities;
  /** The field each identifier entity gets, e.g. "seizures" on Phone, Email, ... */
  readonly field: string;
  readonly recordType: ClassType;
  readonly kinds: readonly IdentifierKind[];
  /** Batched look-up (a DataLoader from the request's cache): records mentioning one identifier. */
  readonly load: (ctx: SubgraphContext, kind: IdentifierKind, value: string) => Promise<TView[]>;
  readonly description: string;
}

/**
 * Contributes an agency's records to the shared identifier entities: `Phone.seizures`,
 * `BankAccount.fiuReports`, ... One resolver class per entity, all batched by kind.
 */
export function createMentionFieldResolvers<TView>(options: MentionFieldsOptions<TView>): ClassType[] {
  return options.kinds.map((kind) => {
    const entityClass = options.entities[IDENTIFIER_TYPE_NAMES[kind]] as ClassType;
    @Resolver(() => entityClass)
    class MentionFieldResolver {
      @FieldResolver(() => [options.recordType], { nullable: true, description: options.description })
      [options.field](@Root() key: Record<string, unknown>, @Ctx() ctx: SubgraphContext): Promise<TView[]> {
        return options.load(ctx, kind, identifierValueOf(kind, key));
      }
    }
    return MentionFieldResolver;
  });
}
