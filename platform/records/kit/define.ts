import type { ClassType } from "type-graphql";
import type { MigrationInterface } from "typeorm";
import type { Agency } from "../../../schema/enums.js";
import { buildFederatedSchema } from "../../../schema/federation.js";
import type { SubgraphName } from "../../config.js";
import type { SubgraphContext } from "../../subgraph/context.js";
import type { SubgraphDefinition } from "../../subgraph/start.js";
import { IdentifierMention } from "../mention.entity.js";
import { loadCursorSealer } from "./cursor.js";
import type { RecordKitHandle } from "./declaration.js";
import { recordAuthorshipMigration } from "./migration.js";
import type { RecordKit } from "./resolvers.js";

export interface RecordSubgraphDeclaration {
  readonly name: SubgraphName;
  readonly agency: Agency;
  /** The record kit of the agency's record type (createRecordKit). */
  readonly record: RecordKit;
  /** The agency's own migrations, in order; the kit adds its own after them. */
  readonly migrations: ReadonlyArray<new () => MigrationInterface>;
  /** Resolvers of the agency's own (hit answers, unions, updates). */
  readonly extra?: (kit: RecordKitHandle) => ClassType[];
}

/**
 * One agency subgraph from its record declaration: the kit provides the queries, sealed cursors,
 * filters, loaders, identifier lists and mention fields, idempotent writes and the entity
 * reference; the agency brings its entity, GraphQL type, input and domain rules.
 */
export function defineRecordSubgraph(declaration: RecordSubgraphDeclaration): SubgraphDefinition {
  const { record } = declaration;
  return {
    name: declaration.name,
    agency: declaration.agency,
    database: {
      entities: [record.entity, IdentifierMention],
      migrations: [...declaration.migrations, recordAuthorshipMigration(record.table)],
    },
    records: [{ typeName: record.typeName, table: record.table }],
    async buildSchema(config) {
      const sealer = await loadCursorSealer(config.dataDir, { create: !config.production });
      return buildFederatedSchema(
        { resolvers: [...record.resolvers(() => sealer), ...(declaration.extra?.(record) ?? [])] as [ClassType, ...ClassType[]] },
        { [record.typeName]: { __resolveReference: (ref: Record<string, unknown>, ctx: SubgraphContext) => record.resolveReference(ref, ctx) } },
      );
    },
  };
}
