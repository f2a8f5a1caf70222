import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import { recordsByIdentifierLoader, recordsByIdLoader } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { CaseEntity } from "./case.entity.js";
import { toCaseView, type CaseView } from "./case.view.js";

/** One case by id, batched per request. */
export async function loadCase(ctx: SubgraphContext, id: string): Promise<CaseView | null> {
  const loader = ctx.loaders.get("case:id", () => recordsByIdLoader(databaseOf(ctx), CaseEntity));
  const row = await loader.load(id);
  return row ? toCaseView(row) : null;
}

/** Cases mentioning one identifier, batched per request and kind. */
export async function loadCasesMentioning(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<CaseView[]> {
  const loader = ctx.loaders.get(`case:${kind}`, () => recordsByIdentifierLoader(databaseOf(ctx), CaseEntity, kind));
  return (await loader.load(value)).map(toCaseView);
}
