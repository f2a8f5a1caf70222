import type { GraphQLDataSource } from "@apollo/gateway";
import type { BaseContext } from "@apollo/server";
import type { ServiceMetrics, SubgraphErrorKind } from "./metrics.js";

/**
 * Times every call the gateway makes through `source` and counts its failures by kind. Wraps
 * whatever data source buildService picked (remote, links, the in-process audit API), so the
 * data sources themselves stay as they are.
 */
export function timedSource<TContext extends BaseContext, T extends GraphQLDataSource<TContext>>(subgraph: string, source: T, metrics: ServiceMetrics): T {
  const process = source.process.bind(source);
  source.process = async (options) => {
    const started = performance.now();
    let failed: SubgraphErrorKind | null = null;
    try {
      const response = await process(options);
      const errors = response.errors ?? [];
      if (errors.length > 0) failed = errors.every((error) => error.extensions?.code === "FORBIDDEN") ? "denied" : "error";
      return response;
    } catch (error) {
      // gateway/subgraph-source.ts words a deadline as "did not answer in time".
      failed = error instanceof Error && /did not answer in time|timeout|aborted/i.test(error.message) ? "timeout" : "unavailable";
      throw error;
    } finally {
      metrics.subgraphCalled(subgraph, (performance.now() - started) / 1000, failed);
    }
  };
  return source;
}
