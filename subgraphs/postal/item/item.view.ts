import { envelopeView, type IdentifierRef } from "../../../platform/records/index.js";
import type { PostalItemEntity } from "./item.entity.js";
import type { PostalItem } from "./item.type.js";

/** What resolvers return for a postal item: the GraphQL shape plus the identifiers behind the entity lists. */
export type PostalItemView = Omit<PostalItem, never> & { identifiers: IdentifierRef[] };

export function toPostalItemView(row: PostalItemEntity): PostalItemView {
  const { details } = row;
  return {
    ...envelopeView(row),
    itemId: row.itemId,
    category: row.category as PostalItem["category"],
    categoryExplanation: details.categoryExplanation,
    sender: details.sender,
    addressee: details.addressee,
    contents: details.contents,
    grossWeightKg: row.grossWeightKg,
    totalValue: row.totalValue,
    currency: row.currency,
    postedAt: row.occurredAt,
    officeOfOrigin: row.officeOfOrigin,
    originCountry: row.originCountry,
    destinationCountry: row.destinationCountry,
    trackingEvents: details.trackingEvents.map((event) => ({
      code: event.code as PostalItem["trackingEvents"][number]["code"],
      at: new Date(event.at),
      office: event.office,
    })),
  };
}
