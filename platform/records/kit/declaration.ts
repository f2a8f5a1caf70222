import type { ClassType } from "type-graphql";
import type { Agency } from "../../../schema/enums.js";
import type { IdentifierEntities } from "../../../schema/entities/index.js";
import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import type { LiaisonConfig } from "../../config.js";
import type { SubgraphContext } from "../../subgraph/context.js";
import type { AgencyRecordInput } from "../envelope.js";
import type { RecordFilter } from "../filter.js";
import type { AgencyRecordEntity } from "../record.entity.js";

/** One condition of a list filter; the kit writes its SQL, so what it reads is known. */
export type FilterCondition =
  | { readonly column: string; readonly op: "eq"; readonly value: string | number | boolean }
  | { readonly column: string; readonly op: "in"; readonly value: readonly string[] }
  /** The array column holds this value. */
  | { readonly column: string; readonly op: "has"; readonly value: string }
  | { readonly column: string; readonly op: "gte" | "lt"; readonly value: string | number };

/** Columns the kit manages on every record table (set from the envelope, the author and the input). */
export type KitColumns = "id" | "createdAt" | "contentHash" | "authorSub" | "authorAgency" | "authorRequestId" | "originAgency";

/** What an agency's domain rules make of a create input: the row to store, minus what the kit sets. */
export type PreparedRecord<E extends AgencyRecordEntity> = Omit<E, KitColumns>;

export interface CreateDeclaration<E extends AgencyRecordEntity, I extends AgencyRecordInput> {
  /** Mutation name (contract), e.g. "recordSeizure". */
  readonly mutation: string;
  readonly input: ClassType<I>;
  readonly description: string;
  /** Validates and normalises the input (BAD_USER_INPUT naming the field), the agency's domain rules. */
  prepare(input: I, config: LiaisonConfig): PreparedRecord<E>;
}

export interface RecordDeclaration<E extends AgencyRecordEntity, V extends object, F extends RecordFilter, I extends AgencyRecordInput> {
  /** GraphQL type name, e.g. "Case". */
  readonly typeName: string;
  /** The agency whose records the table holds (every row's origin). */
  readonly agency: Agency;
  /** The TypeORM entity (columns) and the GraphQL object type (what callers may ask for): kept apart. */
  readonly entity: ClassType<E>;
  readonly type: ClassType;
  /** The entity's table name. */
  readonly table: string;
  /** Row -> what resolvers return. */
  view(row: E): V;
  /** The record field `occurred_at` shows (seizure date, case opened, ...): lists sort and `from`/`to` filter on it. */
  readonly dateField: string;
  /**
   * For every column a filter may read, the record fields whose values it reveals. A filter on a
   * column needs those fields visible; a column missing here cannot be filtered on at all.
   */
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** This subgraph's identifier entity classes. */
  readonly entities: IdentifierEntities;
  /** `case(id:)`: the root query by id, if the record has one. */
  readonly byId?: { readonly query: string; readonly description: string; readonly noun: string };
  /** When the record is an entity keyed by something else than `id` (PostalItem by `itemId`). */
  readonly key?: { readonly field: string; readonly column: string; normalise(value: string): string | null };
  readonly list: {
    readonly query: string;
    readonly description: string;
    readonly filter: ClassType<F>;
    /** The agency's filter keys as conditions (validated; BAD_USER_INPUT on bad values). */
    conditions(filter: F, config: LiaisonConfig): FilterCondition[];
  };
  /** `Phone.cases`, `Vehicle.cases`, ...: the field each identifier entity gets. */
  readonly mentions: { readonly field: string; readonly kinds: readonly IdentifierKind[]; readonly description: string };
  /** Whether the kit adds `postalItems` to the record (false where the agency resolves it itself). */
  readonly withPostalItems?: boolean;
  /** Columns besides the reference that identify one thing: the same value under another reference is a CONFLICT where the caller may see it. */
  readonly uniqueColumns?: ReadonlyArray<{ readonly field: keyof E & string; readonly describe: (value: string) => string }>;
  readonly creates: ReadonlyArray<CreateDeclaration<E, I>>;
}

/** Extra resolvers an agency adds (hit answers, unions, updates), built with the kit's handle. */
export type ExtraResolvers = (kit: RecordKitHandle) => ClassType[];

/** What agency code may use of its record kit. */
export interface RecordKitHandle {
  /** Records mentioning one identifier, visible to the caller, newest first, bounded; batched per request. */
  mentioning(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<object[]>;
  /** Whether a record that may be disclosed as a hit (not RED, not AMBER+STRICT) mentions the identifier; batched. */
  hit(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<boolean>;
}
