import { AbstractLogger, type LogLevel, type LogMessage } from "typeorm";

/**
 * Counts the SQL statements a DataSource sends (for the N+1 tests and /metrics) and logs only
 * failures and slow queries; never parameters, which may hold personal data.
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

  protected override writeLog(level: LogLevel, message: LogMessage | string | number | Array<LogMessage | string | number>): void {
    if (level === "warn" || level === "error") {
      const text = Array.isArray(message) ? message.map(String).join(" ") : typeof message === "object" ? String(message.message) : String(message);
      process.stderr.write(`[db ${level}] ${text.slice(0, 500)}\n`);
    }
  }
}
