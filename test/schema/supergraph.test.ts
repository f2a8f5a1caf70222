import { describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.js";
import { composeSupergraph } from "../../schema/compose.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";

describe("schema/supergraph.graphql", () => {
  it("composes without errors and matches the committed file (run `npm run compose` when this fails)", async () => {
    const composed = await composeSupergraph(SUBGRAPHS, loadConfig({}));
    expect(composed).toBe(await readSupergraph());
  });
});
