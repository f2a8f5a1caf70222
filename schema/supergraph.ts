import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The committed, composed supergraph (regenerate with `npm run compose`). */
export const SUPERGRAPH_PATH = fileURLToPath(new URL("./supergraph.graphql", import.meta.url));

export const readSupergraph = (): Promise<string> => readFile(SUPERGRAPH_PATH, "utf8");
