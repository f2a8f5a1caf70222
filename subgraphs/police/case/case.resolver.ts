import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { badInput } from "../../../schema/errors.js";
import { createConnectionType, filteredFields, isUuid, paginate, recordFilterFields } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { CaseEntity } from "./case.entity.js";
import { applyCaseFilter, CaseFilter } from "./case.filter.js";
import { CasePartyInput, OpenCaseInput } from "./case.input.js";
import { loadCase } from "./case.loaders.js";
import { addCaseParties, openCase } from "./case.service.js";
import { Case } from "./case.type.js";
import { toCaseView } from "./case.view.js";

export const CaseConnection = createConnectionType("Case", Case);


/** The record field each filter key selects on (a filter may only select on what the caller may see). */
const FILTER_FIELDS = { ...recordFilterFields("openedAt"), status: "status", offence: "offences", partyRole: "parties" };
@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { name: "case", nullable: true, description: "One case by id" })
  async caseById(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    if (!isUuid(id)) throw badInput("id must be a case id (UUID)", { field: "id" });
    return loadCase(ctx, id);
  }

  @Query(() => CaseConnection, { nullable: true, description: "Cases, most recently opened first, filtered and paginated" })
  async cases(
    @Ctx() ctx: SubgraphContext,
    @Arg("filter", () => CaseFilter, { nullable: true }) filter?: CaseFilter | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    const query = applyCaseFilter(databaseOf(ctx).getRepository(CaseEntity).createQueryBuilder("c"), filter, ctx.config.codes.offence);
    return paginate(query, { first, after }, ctx, "Case", toCaseView, filteredFields(filter, FILTER_FIELDS));
  }

  @Mutation(() => Case, { nullable: true, description: "Opens a case; idempotent on the police reference" })
  async openCase(@Arg("input", () => OpenCaseInput) input: OpenCaseInput, @Ctx() ctx: SubgraphContext) {
    const { record } = await openCase(databaseOf(ctx), input, ctx.config);
    return toCaseView(record);
  }

  @Mutation(() => Case, { nullable: true, description: "Adds parties to a case; parties already on it are not added again" })
  async addCaseParties(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("parties", () => [CasePartyInput]) parties: CasePartyInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    const { record } = await addCaseParties(databaseOf(ctx), caseId, parties, ctx.config);
    return toCaseView(record);
  }
}
