import { Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";

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
