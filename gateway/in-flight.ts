/*
 * Identical subgraph calls in flight at the same time share one call, but only within one
 * request: the same caller, purpose, justification, policy version and request id by
 * construction, so the one per-call token and the agency's access audit (which records that
 * request id) stay exactly what two separate calls would have recorded. Across requests, even of
 * the same caller, nothing is merged: the agency's audit would record one request id for two
 * requests, and a disclosure to the second would be missing there. Queries only (the caller
 * decides that), never mutations.
 */

export class InFlightCalls<T> {
  /** Keyed by the request's context object: gone with the request. */
  private readonly byRequest = new WeakMap<object, Map<string, Promise<T>>>();
  /** Calls that joined one already in flight (tests and the benchmark read it). */
  merged = 0;

  run(request: object, key: string, call: () => Promise<T>): Promise<T> {
    let calls = this.byRequest.get(request);
    if (!calls) {
      calls = new Map();
      this.byRequest.set(request, calls);
    }
    const pending = calls.get(key);
    if (pending) {
      this.merged += 1;
      return pending;
    }
    const started = call().finally(() => calls.delete(key));
    calls.set(key, started);
    return started;
  }
}
