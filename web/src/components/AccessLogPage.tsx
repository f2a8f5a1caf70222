import { useState, type FormEvent } from "react";
import type { Session } from "../lib/session";
import { perform } from "./useQuery";

const FIELDS = ["owner", "subject", "issuer", "agency", "recordType", "recordId", "reference", "purpose", "from", "to"] as const;
type Filter = Record<(typeof FIELDS)[number], string>;
interface Entry { owner: string; seq: number; at: string; subject: string; issuer: string | null; agency: string; purpose: string; justification: string | null; recordType: string; recordId: string; fieldsServed: string[]; fieldsDenied: string[]; fieldsMasked: string[]; policyVersion: string; requestId: string }
interface Page { entries: Entry[]; truncated: boolean; unavailable: string[] }
const QUERY = "query AccessLog($filter: AccessLogFilter!, $first: Int) { accessLog(filter: $filter, first: $first) { truncated unavailable entries { owner seq at subject issuer agency purpose justification recordType recordId fieldsServed fieldsDenied fieldsMasked policyVersion requestId } } }";
const HINTS: Partial<Record<keyof Filter, string>> = { owner: "CUSTOMS, POLICE, FIU, POSTAL", recordType: "Seizure, Case, FiuReport, PostalItem", from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z" };

export function AccessLogPage({ session }: { session: Session }) {
  const [filter, setFilter] = useState<Filter>(() => Object.fromEntries(FIELDS.map((f) => [f, ""])) as Filter);
  const [first, setFirst] = useState(100);
  const [page, setPage] = useState<Page | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const given = Object.fromEntries(Object.entries(filter).filter(([, value]) => value.trim() !== "").map(([key, value]) => [key, value.trim()]));
    setMessage("Searching…");
    const outcome = await perform<{ accessLog: Page }>(session, QUERY, { filter: given, first });
    setPage(outcome.data?.accessLog ?? null);
    setMessage(outcome.message);
  };

  return (
    <div className="admin">
      <h1>Access log</h1>
      <form className="panel grid-form" onSubmit={search} aria-label="Access log filter">
        {FIELDS.map((field) => (
          <label key={field}>
            {field}
            <input data-testid={`log-${field}`} value={filter[field]} placeholder={HINTS[field] ?? ""} onChange={(event) => setFilter({ ...filter, [field]: event.target.value })} />
          </label>
        ))}
        <label>
          At most
          <input type="number" data-testid="log-first" min={1} max={500} value={first} onChange={(event) => setFirst(Number(event.target.value))} />
        </label>
        <button type="submit" data-testid="log-search">Search</button>
      </form>
      {message && <p role="alert" className="status">{message}</p>}
      {page && (
        <section className="panel">
          <p data-testid="log-summary">
            {page.entries.length} entries{page.truncated ? " (truncated: narrow the filter)" : ""}
            {page.unavailable.length > 0 ? `; not answering: ${page.unavailable.join(", ")}` : ""}
          </p>
          <div className="scroll">
            <table data-testid="log-entries">
              <thead>
                <tr>{["At", "Owner", "Seq", "Subject", "Agency", "Purpose", "Justification", "Record", "Served", "Denied", "Masked", "Policy", "Request"].map((h) => <th key={h} scope="col">{h}</th>)}</tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={`${entry.owner}-${entry.seq}`}>
                    <td>{entry.at.slice(0, 19)}</td><td>{entry.owner}</td><td>{entry.seq}</td><td>{entry.subject}{entry.issuer ? ` (${entry.issuer})` : ""}</td><td>{entry.agency}</td><td>{entry.purpose}</td><td>{entry.justification ?? ""}</td>
                    <td>{entry.recordType} {entry.recordId}</td><td className="small">{entry.fieldsServed.join(", ")}</td><td className="small">{entry.fieldsDenied.join(", ")}</td><td className="small">{entry.fieldsMasked.join(", ")}</td><td>{entry.policyVersion}</td><td className="small">{entry.requestId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
