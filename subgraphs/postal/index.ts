import { Agency } from "../../schema/enums.js";
import { defineRecordSubgraph } from "../../platform/records/index.js";
import { PostalItemSelfResolver } from "./item/item.self.js";
import { postalItems } from "./item/item.record.js";
import { CreatePostalItems1764115500000 } from "./migrations/1764115500000-create-postal-items.js";
import { ItemIdNotUnique1764300200000 } from "./migrations/1764300200000-item-id-not-unique.js";

export { postalItems } from "./item/item.record.js";
export { preparePostalItem } from "./item/item.rules.js";
export type { RegisterPostalItemInput } from "./item/item.input.js";

/** Postal: items with their CN23 declaration (UPU electronic advance data), in the postal database. */
export const postal = defineRecordSubgraph({
  name: "postal",
  agency: Agency.POSTAL,
  record: postalItems,
  migrations: [CreatePostalItems1764115500000, ItemIdNotUnique1764300200000],
  extra: () => [PostalItemSelfResolver],
});
