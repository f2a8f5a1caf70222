import { Agency } from "../../../schema/enums.js";
import { IDENTIFIER_KINDS, normaliseS10 } from "../../../schema/identifiers/index.js";
import { createRecordKit } from "../../../platform/records/index.js";
import { identifierEntities } from "../entities.js";
import { PostalItemEntity } from "./item.entity.js";
import { POSTAL_ITEM_FILTER_COLUMNS, PostalItemFilter, postalItemConditions } from "./item.filter.js";
import { RegisterPostalItemInput } from "./item.input.js";
import { preparePostalItem } from "./item.rules.js";
import { PostalItem } from "./item.type.js";
import { toPostalItemView } from "./item.view.js";

/** A key as stored, or null when the value is no valid S10 id (such an item cannot exist). */
function storedItemId(itemId: string): string | null {
  try {
    return normaliseS10(itemId);
  } catch {
    return null;
  }
}

/**
 * Postal items on the record kit. A postal item is the shared `PostalItem` entity, keyed by its
 * S10 id (found through `postalItem(itemId:)`), so it has no query by id.
 */
export const postalItems = createRecordKit({
  typeName: "PostalItem",
  agency: Agency.POSTAL,
  entity: PostalItemEntity,
  type: PostalItem,
  table: "postal_item",
  view: toPostalItemView,
  dateField: "postedAt",
  columns: POSTAL_ITEM_FILTER_COLUMNS,
  entities: identifierEntities,
  key: { field: "itemId", column: "item_id", normalise: storedItemId },
  list: { query: "postalItems", description: "Postal items, newest posting first, filtered and paginated", filter: PostalItemFilter, conditions: postalItemConditions },
  // Not on PostalItem itself: that one is the item (item.self.ts).
  mentions: { field: "postalItems", kinds: IDENTIFIER_KINDS.filter((kind) => kind !== "POSTAL_ITEM"), description: "Postal items that mention this identifier (at most 100, newest first)" },
  withPostalItems: false,
  uniqueColumns: [{ field: "itemId", describe: (itemId) => `postal item ${itemId} is already registered under another reference` }],
  creates: [{ mutation: "registerPostalItem", input: RegisterPostalItemInput, description: "Registers a postal item (CN23); idempotent on the postal reference", prepare: preparePostalItem }],
});
