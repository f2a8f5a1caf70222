import path from "node:path";
import type { LiaisonConfig } from "../platform/config.js";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../platform/db/index.js";
import type { SubgraphDefinition } from "../platform/subgraph/index.js";

export interface DatabaseUrls {
  readonly urls: Readonly<Record<string, string>>;
  /** Embedded databases started here (empty when every URL is configured). */
  readonly embedded: readonly EmbeddedDatabase[];
  stop(): Promise<void>;
}

/**
 * A PostgreSQL URL for every subgraph that owns data: the configured one, or else an embedded
 * PGlite of its own (persisted under `<dataDir>/pglite/<name>`, or in memory), so agencies never
 * share a database even on a laptop. An embedded one is reached over a private Unix socket (see
 * platform/db/embedded.ts), never a TCP port.
 */
export async function resolveDatabases(
  subgraphs: readonly SubgraphDefinition[],
  config: LiaisonConfig,
  options: { inMemory?: boolean; withHub?: boolean } = {},
): Promise<DatabaseUrls> {
  const urls: Record<string, string> = {};
  const embedded: EmbeddedDatabase[] = [];
  // The hub database holds policies and the gateway's request audit, never agency data.
  // A subgraph on another owner's database (admin on the hub's) gets no database of its own.
  const owners = [...new Set([...subgraphs.filter((sg) => sg.database).map((sg) => sg.databaseOwner ?? sg.name), ...(options.withHub ? ["hub"] : [])])];
  try {
    for (const owner of owners) {
      const configured = config.databaseUrls[owner as keyof typeof config.databaseUrls];
      if (configured) {
        urls[owner] = configured;
        continue;
      }
      const db = await startEmbeddedDatabase({ dir: options.inMemory ? undefined : path.join(config.dataDir, "pglite", owner) });
      embedded.push(db);
      urls[owner] = db.url;
    }
  } catch (error) {
    await Promise.all(embedded.map((db) => db.stop()));
    throw error;
  }
  return {
    urls,
    embedded,
    async stop() {
      await Promise.all(embedded.map((db) => db.stop()));
    },
  };
}
