import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { badInput } from "../../../schema/errors.js";
import { createConnectionType, filteredFields, isUuid, paginate, recordFilterFields } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { SeizureEntity } from "./seizure.entity.js";
import { applySeizureFilter, SeizureFilter } from "./seizure.filter.js";
import { RecordSeizureInput } from "./seizure.input.js";
import { loadSeizure } from "./seizure.loaders.js";
import { recordSeizure } from "./seizure.service.js";
import { Seizure } from "./seizure.type.js";
import { toSeizureView } from "./seizure.view.js";

export const SeizureConnection = createConnectionType("Seizure", Seizure);


/** The record field each filter key selects on (a filter may only select on what the caller may see). */
const FILTER_FIELDS = { ...recordFilterFields("date"), country: "country", transportMode: "transportMode", placeType: "placeType", area: "commodities", commodityCode: "commodities" };
@Resolver(() => Seizure)
export class SeizureResolver {
  @Query(() => Seizure, { nullable: true, description: "One seizure by id" })
  async seizure(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    if (!isUuid(id)) throw badInput("id must be a seizure id (UUID)", { field: "id" });
    return loadSeizure(ctx, id);
  }

  @Query(() => SeizureConnection, { nullable: true, description: "Seizures, newest first, filtered and paginated" })
  async seizures(
    @Ctx() ctx: SubgraphContext,
    @Arg("filter", () => SeizureFilter, { nullable: true }) filter?: SeizureFilter | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    const query = applySeizureFilter(databaseOf(ctx).getRepository(SeizureEntity).createQueryBuilder("s"), filter);
    return paginate(query, { first, after }, ctx, "Seizure", toSeizureView, filteredFields(filter, FILTER_FIELDS));
  }

  @Mutation(() => Seizure, { nullable: true, description: "Records a seizure; idempotent on the customs reference" })
  async recordSeizure(@Arg("input", () => RecordSeizureInput) input: RecordSeizureInput, @Ctx() ctx: SubgraphContext) {
    const { record } = await recordSeizure(databaseOf(ctx), input, ctx.config);
    return toSeizureView(record);
  }
}
