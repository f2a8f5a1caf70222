import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { normaliseS10, type IdentifierKind } from "../../../schema/identifiers/index.js";
import { recordsByIdentifierLoader } from "../../../platform/records/index.js";
import { databaseOf, type SubgraphContext } from "../../../platform/subgraph/index.js";
import { PostalItemEntity } from "./item.entity.js";
import { toPostalItemView, type PostalItemView } from "./item.view.js";

/** A key as stored, or null when the value is no valid S10 id (such an item cannot exist). */
function storedItemId(itemId: string): string | null {
  try {
    return normaliseS10(itemId);
  } catch {
    return null;
  }
}

/** Loads postal items by S10 id in one query per batch; unknown or malformed ids resolve to null. */
function itemsByItemIdLoader(dataSource: DataSource): DataLoader<string, PostalItemEntity | null> {
  return new DataLoader<string, PostalItemEntity | null>(async (itemIds) => {
    const keys = itemIds.map(storedItemId);
    const wanted = [...new Set(keys.filter((key): key is string => key !== null))];
    const rows = wanted.length === 0 ? [] : await dataSource.getRepository(PostalItemEntity).find({ where: { itemId: In(wanted) } });
    const byItemId = new Map(rows.map((row) => [row.itemId, row]));
    return keys.map((key) => (key === null ? null : (byItemId.get(key) ?? null)));
  });
}

/** One postal item by its S10 id (the entity key), batched per request. */
export async function loadPostalItem(ctx: SubgraphContext, itemId: string): Promise<PostalItemView | null> {
  const loader = ctx.loaders.get("postalItem:itemId", () => itemsByItemIdLoader(databaseOf(ctx)));
  const row = await loader.load(itemId);
  return row ? toPostalItemView(row) : null;
}

/** Postal items mentioning one identifier, batched per request and kind. */
export async function loadPostalItemsMentioning(ctx: SubgraphContext, kind: IdentifierKind, value: string): Promise<PostalItemView[]> {
  const loader = ctx.loaders.get(`postalItem:${kind}`, () => recordsByIdentifierLoader(databaseOf(ctx), PostalItemEntity, kind));
  return (await loader.load(value)).map(toPostalItemView);
}
