import { createIdentifierEntities } from "../../schema/entities/index.js";

/** This subgraph's own copies of the shared identifier entity classes. */
export const identifierEntities = createIdentifierEntities();
