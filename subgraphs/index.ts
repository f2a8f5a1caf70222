import type { SubgraphDefinition } from "../platform/subgraph/index.js";
import { admin } from "./admin/index.js";
import { customs } from "./customs/index.js";
import { fiu } from "./fiu/index.js";
import { links } from "./links/index.js";
import { police } from "./police/index.js";
import { postal } from "./postal/index.js";

/** Every subgraph of the hub, in composition order. */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [customs, police, fiu, postal, links, admin];

export { customs, police, fiu, postal, links, admin };

