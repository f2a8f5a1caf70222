import type { DataSource } from "typeorm";
import type { LiaisonConfig } from "../platform/config.js";
import { ErrorCode } from "../schema/errors.js";
import { seizures } from "../subgraphs/customs/index.js";
import { fiuReports } from "../subgraphs/fiu/index.js";
import { cases } from "../subgraphs/police/index.js";
import { postalItems } from "../subgraphs/postal/index.js";
import type { RecordSet } from "./records.js";

/** The agency databases the seeder writes to (TypeORM DataSources, migrated). */
export interface SeedTargets {
  customs: DataSource;
  police: DataSource;
  fiu: DataSource;
  postal: DataSource;
}

/** The author of every demo record: idempotent per author, so a second seed adds nothing. */
const DEMO_AUTHOR = { sub: "liaison-demo", agency: "HUB", requestId: "demo-seed" };

const codeOf = (error: unknown): unknown => (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;

/** One record at a time, through the agency's own write service (validation, normalisation, idempotency). */
async function writeAll<T extends { reference: string }>(what: string, inputs: readonly T[], write: (input: T) => Promise<unknown>): Promise<void> {
  for (const input of inputs) {
    try {
      await write(input);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const hint = codeOf(error) === ErrorCode.CONFLICT ? " (the database already holds other demo data under this reference: another seed, or an older generator; seed empty databases)" : "";
      throw new Error(`demo ${what} ${input.reference}: ${message}${hint}`, { cause: error });
    }
  }
}

/**
 * Writes a plan. The agencies' databases are independent, so police, FIU and postal go in
 * parallel; customs goes last because a stored seizure is what marks the demo data as present.
 */
export async function writePlan(targets: SeedTargets, plan: RecordSet, config: LiaisonConfig): Promise<void> {
  // allSettled: when one agency fails, the others still stop before the caller closes the databases.
  const results = await Promise.allSettled([
    writeAll("case", plan.cases, (input) => cases.store(targets.police, input, config, DEMO_AUTHOR)),
    writeAll("FIU report", plan.fiuReports, (input) => fiuReports.store(targets.fiu, input, config, DEMO_AUTHOR)),
    writeAll("postal item", plan.postalItems, (input) => postalItems.store(targets.postal, input, config, DEMO_AUTHOR)),
  ]);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) throw failed.reason;
  await writeAll("seizure", plan.seizures, (input) => seizures.store(targets.customs, input, config, DEMO_AUTHOR));
}
