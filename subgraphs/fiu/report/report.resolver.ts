import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { badInput } from "../../../schema/errors.js";
import { createConnectionType, filteredFields, isUuid, paginate, recordFilterFields } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { FiuReportEntity } from "./report.entity.js";
import { applyFiuReportFilter, FiuReportFilter } from "./report.filter.js";
import { FileFiuReportInput } from "./report.input.js";
import { loadFiuReport } from "./report.loaders.js";
import { fileFiuReport } from "./report.service.js";
import { FiuReport } from "./report.type.js";
import { toFiuReportView } from "./report.view.js";

export const FiuReportConnection = createConnectionType("FiuReport", FiuReport);


/** The record field each filter key selects on (a filter may only select on what the caller may see). */
const FILTER_FIELDS = { ...recordFilterFields("submittedAt"), reportCode: "reportCode", indicator: "indicators", minAmount: "transactions" };
@Resolver(() => FiuReport)
export class FiuReportResolver {
  @Query(() => FiuReport, { nullable: true, description: "One FIU report by id" })
  async fiuReport(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    if (!isUuid(id)) throw badInput("id must be an FIU report id (UUID)", { field: "id" });
    return loadFiuReport(ctx, id);
  }

  @Query(() => FiuReportConnection, { nullable: true, description: "FIU reports, newest submission first, filtered and paginated" })
  async fiuReports(
    @Ctx() ctx: SubgraphContext,
    @Arg("filter", () => FiuReportFilter, { nullable: true }) filter?: FiuReportFilter | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    const query = applyFiuReportFilter(databaseOf(ctx).getRepository(FiuReportEntity).createQueryBuilder("r"), filter, ctx.config.codes.fiuReport);
    return paginate(query, { first, after }, ctx, "FiuReport", toFiuReportView, filteredFields(filter, FILTER_FIELDS));
  }

  @Mutation(() => FiuReport, { nullable: true, description: "Files a report with the FIU; idempotent on the FIU's reference" })
  async fileFiuReport(@Arg("input", () => FileFiuReportInput) input: FileFiuReportInput, @Ctx() ctx: SubgraphContext) {
    const { record } = await fileFiuReport(databaseOf(ctx), input, ctx.config);
    return toFiuReportView(record);
  }
}
