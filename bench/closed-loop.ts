/*
 * Closed-loop load for the benchmarks: `concurrency` workers, each sending its next request as
 * soon as the last one answered, for `seconds`. A request fails when its status is not OK, its
 * answer holds errors, or (with `requireData`) it has no data.
 */

export interface ClosedLoopRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface ClosedLoopResult {
  readonly requests: number;
  readonly rps: number;
  readonly errors: number;
  /** Latency (ms) at quantile q (0..1) of the answered requests. */
  readonly latencyAt: (q: number) => number;
}

export async function closedLoop(options: {
  readonly seconds: number;
  readonly concurrency: number;
  readonly request: () => ClosedLoopRequest | Promise<ClosedLoopRequest>;
  readonly requireData?: boolean;
}): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      const { url, headers, body } = await options.request();
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const json = (await response.json()) as { errors?: unknown[]; data?: unknown };
      if (!response.ok || json.errors || (options.requireData && !json.data)) {
        if (errors === 0) process.stderr.write(`first error: ${JSON.stringify(json.errors ?? response.status).slice(0, 300)}\n`);
        errors += 1;
      }
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    errors,
    latencyAt: (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0,
  };
}
