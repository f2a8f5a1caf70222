import type { DataSource } from "typeorm";
import type { LiaisonConfig } from "../../../platform/config.js";
import { logLine } from "../../../platform/log.js";
import { readActivePolicy } from "../../../platform/policy-store/index.js";
import { casesOf } from "./case-files.js";
import { activeCaseFiles, importPolicyCasesIfEmpty } from "./case-store.js";
import { caseHashOf } from "./report.js";
import { openCaseSandbox } from "./sandbox.js";

/**
 * The admin service's case sandbox, opened when the service starts. A cold sandbox takes tens of
 * seconds (a whole hub on five in-memory databases, seeded), so when the store holds cases it is
 * started in the background at once, and the active set's cases run in it (their results are kept
 * for the proposals to come); start-up does not wait. A store without cases never starts one.
 * Returns the sandbox's close, which the service calls when it stops.
 */
export async function warmCaseSandbox(
  dataSource: DataSource,
  config: Pick<LiaisonConfig, "policyCasesDir" | "purposes" | "auditChainKeyFile" | "production">,
  importAuthor: string,
): Promise<() => Promise<void>> {
  await importPolicyCasesIfEmpty(dataSource, config, importAuthor);
  const { sandbox, close } = openCaseSandbox(dataSource, config.purposes);
  let closing = false;
  const [files, active] = await Promise.all([activeCaseFiles(dataSource), readActivePolicy(dataSource)]);
  const cases = casesOf(files);
  if (active && cases.length > 0) {
    const started = performance.now();
    sandbox.run(active.set, cases, caseHashOf(files)).then(
      () => logLine("admin", `policy case sandbox warm: started in ${sandbox.startMs ?? "?"} ms, ${cases.length} cases under the active set in ${Math.round(performance.now() - started)} ms`),
      (error: unknown) => closing || logLine("admin", "policy case sandbox did not start (the next proposal tries again):", error),
    );
  }
  return () => {
    closing = true; // a start cut short by the service stopping is not worth a line
    return close();
  };
}
