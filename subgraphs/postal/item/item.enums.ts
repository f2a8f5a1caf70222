import { registerEnumType } from "type-graphql";

/** CN23 box 10: category of item. */
export enum PostalCategory {
  GIFT = "GIFT",
  DOCUMENTS = "DOCUMENTS",
  COMMERCIAL_SAMPLE = "COMMERCIAL_SAMPLE",
  RETURNED_GOODS = "RETURNED_GOODS",
  SALE_OF_GOODS = "SALE_OF_GOODS",
  OTHER = "OTHER",
}

/** Tracking events of an item on its way (a subset of the UPU event codes, by name). */
export enum PostalEventCode {
  POSTED = "POSTED",
  DISPATCHED = "DISPATCHED",
  /** Arrived at the office of exchange of the destination country. */
  ARRIVED_AT_OE = "ARRIVED_AT_OE",
  HELD_BY_CUSTOMS = "HELD_BY_CUSTOMS",
  RELEASED_BY_CUSTOMS = "RELEASED_BY_CUSTOMS",
  DELIVERED = "DELIVERED",
  RETURNED = "RETURNED",
}

registerEnumType(PostalCategory, { name: "PostalCategory", description: "CN23 box 10: category of item" });
registerEnumType(PostalEventCode, {
  name: "PostalEventCode",
  description: "Tracking event of a postal item",
  valuesConfig: { ARRIVED_AT_OE: { description: "Arrived at the office of exchange of the destination country" } },
});
