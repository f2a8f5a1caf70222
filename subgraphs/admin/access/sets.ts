import type { DataSource } from "typeorm";
import { readActivePolicy } from "../../../platform/policy-store/index.js";
import type { LiaisonConfig } from "../../../platform/config.js";
import { notFound } from "../../../schema/errors.js";
import { findChange } from "../changes.js";
import { activeVersions, candidateSet } from "../store.js";
import { EvaluatedSet } from "./evaluate.js";

/** The active set, as every service enforces it now. */
export async function activeSet(db: DataSource): Promise<EvaluatedSet> {
  const active = await readActivePolicy(db);
  if (!active) throw notFound("no active policy set is stored yet");
  return new EvaluatedSet(active.set);
}

/** The set a change would make: its document in place of that document's active version, validated as on proposal. */
export async function draftSet(db: DataSource, changeId: string, config: Pick<LiaisonConfig, "purposes">): Promise<EvaluatedSet> {
  const change = await findChange(db, changeId);
  if (!change) throw notFound(`no policy change ${JSON.stringify(changeId.slice(0, 64))}`);
  const { versions, grants } = await activeVersions(db);
  return new EvaluatedSet(await candidateSet(versions, change.policyId, change.content, config, grants));
}

/** The active set, or the draft of `changeId` when one is named. */
export const setFor = (db: DataSource, changeId: string | null | undefined, config: Pick<LiaisonConfig, "purposes">): Promise<EvaluatedSet> =>
  changeId ? draftSet(db, changeId, config) : activeSet(db);
