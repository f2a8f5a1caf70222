import { Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";
import { badInput, forbidden } from "../../schema/errors.js";
import { visibilitySql } from "../access/visibility-sql.js";
import { ENVELOPE_FIELDS } from "../access/schema-kinds.js";
import type { SubgraphContext } from "../subgraph/context.js";

@ObjectType("PageInfo")
export class PageInfo {
  @Directive("@shareable") @Field(() => Boolean, { nullable: false }) hasNextPage!: boolean;
  @Directive("@shareable") @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface ConnectionResult<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  /** A getter: the COUNT query runs only when `totalCount` is selected. */
  readonly totalCount: Promise<number>;
}

/** Relay connection and edge types for one record type (contract shape). */
export function createConnectionType<T extends object>(name: string, nodeClass: ClassType<T>): ClassType<ConnectionResult<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { nullable: false }) cursor!: string;
    @Field(() => nodeClass, { nullable: false }) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge], { nullable: false }) edges!: Edge[];
    @Field(() => PageInfo, { nullable: false }) pageInfo!: PageInfo;
    @Field(() => Int, { nullable: true, description: "Records matching the filter (all pages)" }) totalCount!: Promise<number>;
  }
  return Connection as unknown as ClassType<ConnectionResult<T>>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const DEFAULT_PAGE = 20;

function encodeCursor(occurredAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([occurredAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string" &&
      !Number.isNaN(Date.parse(parsed[0])) && /^[0-9a-f-]{36}$/.test(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw badInput("after is not a cursor this service issued", { field: "after" });
}

/**
 * Keyset pagination, newest first, over records with `occurred_at` and `id`: stable under
 * inserts, one query per page (plus one COUNT only when `totalCount` is selected).
 */
export async function paginate<E extends ObjectLiteral & { occurredAt: Date; id: string }, V>(
  query: SelectQueryBuilder<E>,
  args: PageArgs,
  ctx: SubgraphContext,
  recordType: string,
  toView: (row: E) => V,
  /** Record fields the filter selects on: only records where the caller may see them can match. */
  filtered: readonly string[] = [],
): Promise<ConnectionResult<V>> {
  const pageSizeMax = ctx.config.pageSizeMax;
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > pageSizeMax) {
    throw badInput(`first must be from 1 to ${pageSizeMax}`, { field: "first" });
  }
  const alias = query.alias;
  // Only records the caller may know exist: in the page, in the cursor walk and in totalCount.
  if (!ctx.access) throw forbidden("Not authorised: no verified subject and purpose", "no-subject");
  for (const field of ["id", ...filtered.filter((f) => !ENVELOPE_FIELDS.has(f))]) {
    const visible = visibilitySql(alias, ctx.access.policy.visibility(recordType, field), ctx.access.subject, field);
    query.andWhere(visible.sql, visible.params);
  }
  const counting = query.clone();
  if (args.after) {
    const [at, id] = decodeCursor(args.after);
    query.andWhere(
      new Brackets((qb) => {
        qb.where(`${alias}.occurred_at < :cursorAt`, { cursorAt: at }).orWhere(`(${alias}.occurred_at = :cursorAt AND ${alias}.id < :cursorId)`, { cursorAt: at, cursorId: id });
      }),
    );
  }
  const rows = await query.orderBy(`${alias}.occurred_at`, "DESC").addOrderBy(`${alias}.id`, "DESC").limit(first + 1).getMany();
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.occurredAt, row.id), node: toView(row) }));
  const result = { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  return Object.defineProperty(result, "totalCount", { get: () => counting.getCount(), enumerable: false }) as ConnectionResult<V>;
}
