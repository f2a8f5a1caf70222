import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { loadConfig } from "../platform/config.js";
import { composeSupergraph } from "./compose/supergraph.js";
import { SUPERGRAPH_PATH } from "../schema/supergraph.js";
import { SUBGRAPHS } from "../subgraphs/index.js";

// Composition uses the default ports, not the caller's environment, so the committed file is reproducible.
const sdl = await composeSupergraph(SUBGRAPHS, loadConfig({}));
await writeFile(SUPERGRAPH_PATH, sdl);
process.stdout.write(`wrote ${SUPERGRAPH_PATH} (${sdl.length} bytes)\n`);
