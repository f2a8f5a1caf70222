import { AbstractLogger, type LogLevel, type LogMessage } from "typeorm";
import { logLine } from "../log.js";

/** SQL text kept in a log line: enough to recognise the statement. */
const SQL_MAX = 300;

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Counts the SQL statements a DataSource sends (for the N+1 tests and /metrics) and logs only
 * failures and slow queries, escaped (PostgreSQL quotes the offending value, which may be caller
 * text); never parameters, which may hold personal data.
 */
export class QueryCounter extends AbstractLogger {
  private count = 0;

  get queries(): number {
    return this.count;
  }

  override logQuery(query: string): void {
    // Audit writes are counted apart: the no-N+1 rule is about data access.
    if (!query.startsWith("/* audit */")) this.count += 1;
  }

  // Parameters may hold personal data: never logged.
  override logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    logLine("db error", "query failed:", errorText(error), "-- in:", query.slice(0, SQL_MAX));
  }

  override logQuerySlow(time: number, query: string, _parameters?: unknown[]): void {
    logLine("db warn", `query took ${time} ms:`, query.slice(0, SQL_MAX));
  }

  protected override writeLog(level: LogLevel, message: LogMessage | string | number | Array<LogMessage | string | number>): void {
    if (level !== "warn" && level !== "error") return;
    const parts = (Array.isArray(message) ? message : [message]).map((m) =>
      typeof m === "object" ? `${m.prefix ? `${m.prefix}: ` : ""}${m.format === "sql" ? String(m.message).slice(0, SQL_MAX) : errorText(m.message)}` : String(m),
    );
    logLine(`db ${level}`, ...parts);
  }
}
