import { describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.js";
import { composeSupergraph } from "../../scripts/compose/supergraph.js";
import { readSupergraph } from "../../schema/supergraph.js";
import { SUBGRAPHS } from "../../subgraphs/index.js";

describe("schema/supergraph.graphql", () => {
  it("composes without errors and matches the committed file (run `npm run compose` when this fails)", async () => {
    const composed = await composeSupergraph(SUBGRAPHS, loadConfig({}));
    expect(composed).toBe(await readSupergraph());
  });
});

describe("fields a policy may deny", () => {
  it("are nullable in every subgraph, so a denial nulls only the field (roots, records, entities)", async () => {
    const { isNonNullType, isObjectType } = await import("graphql");
    const { SchemaKinds } = await import("../../platform/access/index.js");
    const offenders: string[] = [];
    // The admin API is authorised in code, never by a policy: its fields keep their contract types.
    for (const subgraph of SUBGRAPHS.filter((sg) => sg.enforced !== false)) {
      const schema = await subgraph.buildSchema(loadConfig({}));
      const kinds = new SchemaKinds(schema);
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name.startsWith("__") || type.name.startsWith("_")) continue;
        for (const [name, field] of Object.entries(type.getFields())) {
          if (kinds.roleOf(type, name) === "governed" && isNonNullType(field.type)) offenders.push(`${subgraph.name}: ${type.name}.${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
