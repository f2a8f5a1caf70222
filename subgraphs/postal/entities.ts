import { createIdentifierEntities } from "../../schema/entities/index.js";

/**
 * This subgraph's own copies of the shared identifier entity classes. Its `PostalItem` copy stays
 * unused: the postal subgraph owns that entity and declares the full type in item/item.type.ts.
 */
export const identifierEntities = createIdentifierEntities();
