import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, type ClassType } from "type-graphql";
import { badInput, forbidden } from "../../../schema/errors.js";
import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import type { AccessContext } from "../../access/index.js";
import { canonicalJson } from "../../canonical-json.js";
import { subjectKey } from "../../auth/index.js";
import { databaseOf, type SubgraphContext } from "../../subgraph/context.js";
import { createConnectionType } from "../connection.js";
import type { DataSource } from "typeorm";
import type { LiaisonConfig } from "../../config.js";
import type { AgencyRecordInput } from "../envelope.js";
import { recordFilterConditions, type RecordFilter } from "../filter.js";
import { createIdentifierFieldsResolver } from "../identifier-fields.js";
import { createMentionFieldResolvers } from "../mention-fields.js";
import type { AgencyRecordEntity } from "../record.entity.js";
import type { CursorSealer } from "./cursor.js";
import type { CreateDeclaration, RecordDeclaration, RecordKitHandle } from "./declaration.js";
import { envelopeColumns, applyConditions, pageSize, paginate, whereVisible, type ListTarget } from "./list.js";
import { byIdLoader, byKeyLoader, hitLoader, isUuid, mentioningLoader } from "./loaders.js";
import { createRecord, type Author, type WriteTarget } from "./write.js";

type AnyDeclaration = RecordDeclaration<AgencyRecordEntity, object, RecordFilter, AgencyRecordInput>;

/** The caller's access for a data operation; the caller plugin has already refused requests without one. */
export function accessOf(ctx: SubgraphContext): AccessContext {
  if (!ctx.access) throw forbidden("Not authorised: no verified subject and purpose", "no-subject");
  return ctx.access;
}

/** The author of a write: the verified subject, namespaced by its issuer (`<issuer> <sub>`), and the gateway's request id. */
export function authorOf(ctx: SubgraphContext): Author {
  const subject = accessOf(ctx).subject;
  return { sub: subjectKey(subject), agency: subject.agency, requestId: ctx.caller.requestId };
}

/** The author of system writes (demo data, tests): no request, no caller policy. */
export const SYSTEM_AUTHOR: Author = { sub: "liaison-system", agency: "HUB", requestId: "system" };

/** Everything the kit derives from one record declaration. */
export interface RecordKit extends RecordKitHandle {
  readonly typeName: string;
  readonly entity: ClassType;
  /** The record table (the kit's migration alters it). */
  readonly table: string;
  readonly listTarget: ListTarget;
  readonly writeTarget: WriteTarget<AgencyRecordEntity>;
  /** Resolver classes: queries, mutations, identifier lists, mention fields. */
  resolvers(sealer: () => CursorSealer): ClassType[];
  /** `__resolveReference` for the record type. */
  resolveReference(ref: Record<string, unknown>, ctx: SubgraphContext): Promise<object | null>;
  /** A record by id (null when unknown), batched per request. */
  load(ctx: SubgraphContext, id: string): Promise<object | null>;
  /**
   * Stores a record through the agency's first create (its rules, then the kit's idempotent write),
   * outside any request: for trusted system writers such as the demo seeder and tests.
   */
  store(dataSource: DataSource, input: object, config: LiaisonConfig, author?: Author): Promise<{ record: AgencyRecordEntity; created: boolean }>;
}

export function createRecordKit<E extends AgencyRecordEntity, V extends object, F extends RecordFilter, I extends AgencyRecordInput>(
  declaration: RecordDeclaration<E, V, F, I>,
): RecordKit {
  const decl = declaration as unknown as AnyDeclaration;
  const listTarget: ListTarget = {
    typeName: decl.typeName,
    agency: decl.agency,
    dateField: decl.dateField,
    columns: { ...envelopeColumns(decl.dateField), ...decl.columns },
  };
  const writeTarget: WriteTarget<AgencyRecordEntity> = { typeName: decl.typeName, agency: decl.agency, entity: decl.entity, uniqueColumns: decl.uniqueColumns };
  const loaderKey = (what: string) => `${decl.typeName}:${what}`;

  const load = async (ctx: SubgraphContext, id: string) => {
    const row = await ctx.loaders.get(loaderKey("id"), () => byIdLoader(databaseOf(ctx), decl.entity)).load(id);
    return row ? decl.view(row) : null;
  };
  const mentioning = async (ctx: SubgraphContext, kind: IdentifierKind, value: string) => {
    const loader = ctx.loaders.get(loaderKey(`mentions:${kind}`), () => mentioningLoader(databaseOf(ctx), decl.entity, listTarget, kind, ctx.access));
    return (await loader.load(value)).map(decl.view);
  };
  const hit = (ctx: SubgraphContext, kind: IdentifierKind, value: string) =>
    ctx.loaders.get(loaderKey(`hit:${kind}`), () => hitLoader(databaseOf(ctx), decl.entity, kind)).load(value);

  const resolveReference = async (ref: Record<string, unknown>, ctx: SubgraphContext): Promise<object | null> => {
    const key = decl.key;
    if (!key) return typeof ref.id === "string" ? load(ctx, ref.id) : null;
    const value = ref[key.field];
    if (typeof value !== "string") return null;
    const loader = ctx.loaders.get(loaderKey("key"), () => byKeyLoader(databaseOf(ctx), decl.entity, listTarget, key, ctx.access));
    const row = await loader.load(value);
    return row ? decl.view(row) : null;
  };

  const resolvers = (sealer: () => CursorSealer): ClassType[] => {
    const classes: ClassType[] = queryResolvers(decl, listTarget, load, sealer);
    for (const create of decl.creates) classes.push(createResolver(decl, create, writeTarget));
    classes.push(...createIdentifierFieldsResolver(decl.type, decl.entities, { withPostalItems: decl.withPostalItems ?? true }));
    classes.push(
      ...createMentionFieldResolvers({
        entities: decl.entities,
        field: decl.mentions.field,
        recordType: decl.type,
        kinds: decl.mentions.kinds,
        load: mentioning,
        description: decl.mentions.description,
      }),
    );
    return classes;
  };

  const store: RecordKit["store"] = (dataSource, input, config, author = SYSTEM_AUTHOR) => {
    const create = decl.creates[0];
    if (!create) throw new Error(`${decl.typeName}: no create declared`);
    return createRecord(dataSource, writeTarget, create.prepare(input as AgencyRecordInput, config), { ...author, agency: decl.agency }, null);
  };

  return { typeName: decl.typeName, entity: decl.entity, table: decl.table, listTarget, writeTarget, resolvers, resolveReference, load, mentioning, hit, store };
}

/** `case(id:)` (when declared) and `cases(filter:, first:, after:)`. */
function queryResolvers(decl: AnyDeclaration, target: ListTarget, load: RecordKit["load"], sealer: () => CursorSealer): ClassType[] {
  const Connection = createConnectionType(decl.typeName, decl.type);
  const Filter = decl.list.filter;

  @Resolver(() => decl.type)
  class RecordListResolver {
    @Query(() => Connection, { name: decl.list.query, nullable: true, description: decl.list.description })
    async list(
      @Ctx() ctx: SubgraphContext,
      @Arg("filter", () => Filter, { nullable: true }) filter?: RecordFilter | null,
      @Arg("first", () => Int, { nullable: true }) first?: number | null,
      @Arg("after", () => String, { nullable: true }) after?: string | null,
    ) {
      const access = accessOf(ctx);
      const size = pageSize(first, ctx.config.pageSizeMax);
      const conditions = filter ? [...recordFilterConditions(filter), ...decl.list.conditions(filter, ctx.config)] : [];
      const query = databaseOf(ctx).getRepository(decl.entity).createQueryBuilder("r");
      whereVisible(query, target, access);
      applyConditions(query, target, conditions, access);
      // The caller's own subject (a CallerPolicy is shared by every subject of the same profile).
      const { subject } = access;
      const { purpose } = access.policy;
      const binding = [decl.typeName, canonicalJson(filter ?? {}), subject.issuer, subject.sub, purpose].join("\n");
      return paginate(query, target, access, { first: size, after: after ?? null, binding, sealer: sealer() }, decl.view);
    }
  }
  if (!decl.byId) return [RecordListResolver];
  const byId = decl.byId;

  @Resolver(() => decl.type)
  class RecordByIdResolver {
    @Query(() => decl.type, { name: byId.query, nullable: true, description: byId.description })
    async byId(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext) {
      if (!isUuid(id)) throw badInput(`id must be ${byId.noun} id (UUID)`, { field: "id" });
      return load(ctx, id);
    }
  }
  return [RecordListResolver, RecordByIdResolver];
}

/** One create mutation (`recordSeizure(input:)`, ...): the agency's rules, then the kit's idempotent write. */
function createResolver(decl: AnyDeclaration, create: CreateDeclaration<AgencyRecordEntity, AgencyRecordInput>, target: WriteTarget<AgencyRecordEntity>): ClassType {
  @Resolver(() => decl.type)
  class RecordCreateResolver {
    @Mutation(() => decl.type, { name: create.mutation, nullable: true, description: create.description })
    async create(@Arg("input", () => create.input) input: AgencyRecordInput, @Ctx() ctx: SubgraphContext) {
      const access = accessOf(ctx);
      const { record } = await createRecord(databaseOf(ctx), target, create.prepare(input, ctx.config), authorOf(ctx), access);
      return decl.view(record);
    }
  }
  return RecordCreateResolver;
}
