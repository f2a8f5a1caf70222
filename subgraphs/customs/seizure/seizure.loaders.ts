import type { IdentifierKind } from "../../../schema/identifiers/index.js";
import { recordsByIdentifierLoader, recordsByIdLoader } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { SeizureEntity } from "./seizure.entity.js";
import { toSeizureView, type SeizureView } from "./seizure.view.js";

/** One seizure by id, batched per request. */
export async function loadSeizure(ctx: SubgraphContext, id: string): Promise<SeizureView | null> {
  const loader = ctx.loaders.get("seizure:id", () => recordsByIdLoader(databaseOf(ctx), SeizureEntity));
  const row = await loader.load(id);
  return row ? toSeizureView(row) : null;
}

/** Seizures mentioning one identifier, batched per request and kind. */
export async function loadSeizuresMentioning(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<SeizureView[]> {
  const loader = ctx.loaders.get(`seizure:${kind}`, () => recordsByIdentifierLoader(databaseOf(ctx), SeizureEntity, kind));
  return (await loader.load(value)).map(toSeizureView);
}
