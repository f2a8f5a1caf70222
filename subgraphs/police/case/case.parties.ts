import { Arg, Ctx, ID, Mutation, Resolver, type ClassType } from "type-graphql";
import { badInput } from "../../../schema/errors.js";
import { accessOf, isUuid, recordNotFound, updateVisibleRecord, type RecordKit } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import type { CaseEntity } from "./case.entity.js";
import { CasePartyInput } from "./case.input.js";
import { validateParties, withParties } from "./case.rules.js";
import { Case } from "./case.type.js";
import { toCaseView } from "./case.view.js";

/** `addCaseParties`: a change to a stored case, only on a case the caller may know exists. */
export function caseUpdateResolver(kit: RecordKit): ClassType {
  @Resolver(() => Case)
  class CasePartiesResolver {
    @Mutation(() => Case, { nullable: true, description: "Adds parties to a case; parties already on it are not added again" })
    async addCaseParties(
      @Arg("caseId", () => ID) caseId: string,
      @Arg("parties", () => [CasePartyInput]) parties: CasePartyInput[],
      @Ctx() ctx: SubgraphContext,
    ) {
      if (!isUuid(caseId)) throw badInput("caseId must be a case id (UUID)", { field: "caseId" });
      const incoming = validateParties(parties, ctx.config);
      const record = await updateVisibleRecord<CaseEntity>(databaseOf(ctx), kit.writeTarget, caseId.toLowerCase(), accessOf(ctx), () => recordNotFound("case", "caseId"), (current) =>
        withParties(current, incoming),
      );
      return toCaseView(record);
    }
  }
  return CasePartiesResolver;
}
