import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { BoundedLabel, ERROR_CODE, OPERATION_NAME, RULE_ID } from "./labels.js";

/*
 * One registry per running service: the in-process hub runs the gateway and every subgraph in
 * one process, each with its own /metrics, and a policy case sandbox (hub/policy-tests.ts) runs a
 * second hub in that process whose traffic must not count as the real one's. Labels hold only
 * bounded values (see labels.ts): never a subject, an identifier, a token or query text.
 */

// Seconds: a cached look-up is about a millisecond, a link expansion may take several seconds.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const AUDIT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** Why a subgraph call failed, as the gateway sees it. */
export type SubgraphErrorKind = "timeout" | "unavailable" | "denied" | "error";

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"service">;
  private readonly operations: Counter<"operation" | "outcome">;
  private readonly operationSeconds: Histogram<"operation">;
  private readonly subgraphCalls: Counter<"subgraph">;
  private readonly subgraphSeconds: Histogram<"subgraph">;
  private readonly subgraphErrors: Counter<"subgraph" | "kind">;
  private readonly denials: Counter<"rule">;
  private readonly refusals: Counter<"code">;
  private readonly auditSeconds: Histogram<"audit">;
  private readonly operationNames = new BoundedLabel(OPERATION_NAME, 200);
  private readonly rules = new BoundedLabel(RULE_ID, 200);
  private readonly codes = new BoundedLabel(ERROR_CODE, 50);
  constructor(
    readonly service: string,
    /** SQL statements sent so far, read at scrape time (subgraphs with a database). */
    sqlQueries: () => number = () => 0,
  ) {
    const registers = [this.registry];
    this.requests = new Counter({ name: "liaison_requests_total", help: "GraphQL requests received", labelNames: ["service"], registers });
    // Present at 0 before the first request, so a scrape always shows it.
    this.requests.inc({ service }, 0);
    this.operations = new Counter({
      name: "liaison_operations_total",
      help: "GraphQL operations answered, by operation name (bounded) and outcome (ok, partial, error)",
      labelNames: ["operation", "outcome"],
      registers,
    });
    this.operationSeconds = new Histogram({ name: "liaison_operation_duration_seconds", help: "Time to answer a GraphQL operation", labelNames: ["operation"], buckets: LATENCY_BUCKETS, registers });
    this.subgraphCalls = new Counter({ name: "liaison_subgraph_calls_total", help: "Calls from the gateway to each subgraph", labelNames: ["subgraph"], registers });
    this.subgraphSeconds = new Histogram({ name: "liaison_subgraph_call_duration_seconds", help: "Time a subgraph call took", labelNames: ["subgraph"], buckets: LATENCY_BUCKETS, registers });
    this.subgraphErrors = new Counter({
      name: "liaison_subgraph_errors_total",
      help: "Subgraph calls that failed (timeout, unavailable) or answered with errors (denied: FORBIDDEN only, error: any other)",
      labelNames: ["subgraph", "kind"],
      registers,
    });
    this.denials = new Counter({ name: "liaison_denials_total", help: "FORBIDDEN errors in answers, by the policy rule that decided", labelNames: ["rule"], registers });
    this.refusals = new Counter({ name: "liaison_refusals_total", help: "Requests refused, once per error code (rate limit, operation limits, authentication, input)", labelNames: ["code"], registers });
    this.auditSeconds = new Histogram({ name: "liaison_audit_write_duration_seconds", help: "Time to append audit rows (request: the gateway's, access: an agency's)", labelNames: ["audit"], buckets: AUDIT_BUCKETS, registers });
    new Counter({
      name: "liaison_sql_queries_total",
      help: "SQL statements this service sent",
      labelNames: ["service"],
      registers,
      collect() {
        // A counter mirrored from the data source's own count at scrape time.
        this.reset();
        this.inc({ service }, sqlQueries());
      },
    });
  }

  /** A GraphQL request reached this service's Apollo server. */
  requestStarted(): void {
    this.requests.inc({ service: this.service });
  }

  /** The operation's label: its name when well-formed and named by an authenticated caller (strangers cannot fill the budget). */
  operationLabel(name: string | null | undefined, authenticated: boolean): string {
    if (!name) return "anonymous";
    return authenticated ? this.operationNames.of(name) : "other";
  }

  operationAnswered(operation: string, outcome: "ok" | "partial" | "error", seconds: number): void {
    this.operations.inc({ operation, outcome });
    this.operationSeconds.observe({ operation }, seconds);
  }

  denied(rule: unknown): void {
    this.denials.inc({ rule: typeof rule === "string" ? this.rules.of(rule) : "unnamed" });
  }

  refused(code: unknown): void {
    this.refusals.inc({ code: this.codeLabel(code) });
  }

  /** An error code as a label (and a log field): bounded like every label. */
  codeLabel(code: unknown): string {
    return typeof code === "string" ? this.codes.of(code) : "unknown";
  }

  subgraphCalled(subgraph: string, seconds: number, failed: SubgraphErrorKind | null): void {
    this.subgraphCalls.inc({ subgraph });
    this.subgraphSeconds.observe({ subgraph }, seconds);
    if (failed) this.subgraphErrors.inc({ subgraph, kind: failed });
  }

  /** Times one audit write, failed ones included. */
  async timeAudit<T>(audit: "request" | "access", write: () => Promise<T>): Promise<T> {
    const end = this.auditSeconds.startTimer({ audit });
    try {
      return await write();
    } finally {
      end();
    }
  }

  /** The Prometheus text: this service's metrics, then the process's (CPU, memory, event loop, GC). */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processRegistry().metrics()}`;
  }
}

let defaults: Registry | undefined;

/** prom-client's default process metrics, collected once per process whatever the number of services. */
function processRegistry(): Registry {
  if (!defaults) {
    defaults = new Registry();
    collectDefaultMetrics({ register: defaults });
  }
  return defaults;
}

/** The content type of the Prometheus text format. */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
