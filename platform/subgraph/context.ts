import type { DataSource } from "typeorm";
import type { Subject } from "../auth/index.js";
import type { LiaisonConfig } from "../config.js";
import type { Caller } from "../http/caller.js";
import { forbidden, unauthenticated } from "../../schema/errors.js";
import type { LoaderCache } from "../records/loader-cache.js";
import type { AccessContext } from "../access/access-context.js";

/** What every subgraph resolver receives: the verified caller, per-request loaders, its database. */
export interface SubgraphContext {
  readonly caller: Caller;
  readonly loaders: LoaderCache;
  readonly config: LiaisonConfig;
  /** The subgraph's own database; absent for the links subgraph, which holds no data. */
  readonly db: DataSource | undefined;
  /** The caller's policy for this request; null until a verified subject has declared a valid purpose. */
  readonly access: AccessContext | null;
}

/** The verified subject; the caller plugin has already refused data operations without one. */
export function subjectOf(ctx: SubgraphContext): Subject {
  if (!ctx.caller.subject) throw unauthenticated("missing bearer token");
  return ctx.caller.subject;
}

export function databaseOf(ctx: SubgraphContext): DataSource {
  if (!ctx.db) throw forbidden("this service holds no records", "no-database");
  return ctx.db;
}
