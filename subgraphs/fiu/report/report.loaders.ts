import type DataLoader from "dataloader";
import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import { disclosableInHit, recordsByIdentifierLoader, recordsByIdLoader } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { FiuReportEntity } from "./report.entity.js";
import { toFiuReportView, type FiuReportView } from "./report.view.js";

/** One report by id, batched per request. */
export async function loadFiuReport(ctx: SubgraphContext, id: string): Promise<FiuReportView | null> {
  const loader = ctx.loaders.get("fiuReport:id", () => recordsByIdLoader(databaseOf(ctx), FiuReportEntity));
  const row = await loader.load(id);
  return row ? toFiuReportView(row) : null;
}

/** The per-request loader of reports by identifier of one kind; `fiuReports` and `fiuHit` share it. */
function mentionLoader(ctx: SubgraphContext, kind: IdentifierKind): DataLoader<string, FiuReportEntity[]> {
  return ctx.loaders.get(`fiuReport:${kind}`, () => recordsByIdentifierLoader(databaseOf(ctx), FiuReportEntity, kind));
}

/** Reports mentioning one identifier, batched per request and kind. */
export async function loadFiuReportsMentioning(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<FiuReportView[]> {
  return (await mentionLoader(ctx, kind).load(value)).map(toFiuReportView);
}

/** Whether a report that may be disclosed as a hit (not RED, not AMBER+STRICT) mentions one identifier; batched. */
export async function anyFiuReportMentions(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<boolean> {
  return (await mentionLoader(ctx, kind).load(value)).some(disclosableInHit);
}
