import { useState, type FormEvent } from "react";
import type { Session } from "../lib/session";
import { perform } from "./useQuery";

interface FieldAccess { coordinate: string; outcome: string; rule: string | null; mask: string | null }
const SIMULATE = "query Simulate($subject: SubjectInput!, $purpose: String!, $query: String!, $changeId: ID) { simulateAccess(subject: $subject, purpose: $purpose, query: $query, changeId: $changeId) { policyVersion fields { coordinate outcome rule mask } } }";
const AGENCIES = ["CUSTOMS", "POLICE", "FIU", "POSTAL", "HUB"];

export function SimulatePanel({ session, purposes, changes }: { session: Session; purposes: readonly string[]; changes: ReadonlyArray<{ id: string; policyId: string }> }) {
  const [agency, setAgency] = useState("POSTAL");
  const [role, setRole] = useState("officer");
  const [clearance, setClearance] = useState(2);
  const [purpose, setPurpose] = useState(purposes[0] ?? "investigation");
  const [changeId, setChangeId] = useState("");
  const [query, setQuery] = useState('{ phone(e164: "+447700900101") { e164 cases { id title summary } fiuReports { id narrative } fiuHit { hit } } }');
  const [result, setResult] = useState<{ policyVersion: string; fields: FieldAccess[] } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const simulate = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await perform<{ simulateAccess: { policyVersion: string; fields: FieldAccess[] } }>(session, SIMULATE, {
      subject: { agency, roles: [role], clearance },
      purpose,
      query,
      changeId: changeId || null,
    });
    setResult(outcome.data?.simulateAccess ?? null);
    setMessage(outcome.message);
  };

  return (
    <section className="panel" aria-labelledby="simulate-heading">
      <h2 id="simulate-heading">Simulate: view as an agency and role</h2>
      <form onSubmit={simulate} className="row wrap">
        <label>Agency <select data-testid="simulate-agency" value={agency} onChange={(event) => setAgency(event.target.value)}>{AGENCIES.map((a) => <option key={a}>{a}</option>)}</select></label>
        <label>Role <input data-testid="simulate-role" value={role} onChange={(event) => setRole(event.target.value)} /></label>
        <label>Clearance <select data-testid="simulate-clearance" value={clearance} onChange={(event) => setClearance(Number(event.target.value))}>{[0, 1, 2, 3, 4].map((c) => <option key={c} value={c}>{c}</option>)}</select></label>
        <label>Purpose <select data-testid="simulate-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)}>{(purposes.length ? purposes : ["investigation"]).map((p) => <option key={p}>{p}</option>)}</select></label>
        <label>
          Under
          <select data-testid="simulate-change" value={changeId} onChange={(event) => setChangeId(event.target.value)}>
            <option value="">the active set</option>
            {changes.map((change) => <option key={change.id} value={change.id}>draft {change.id} ({change.policyId})</option>)}
          </select>
        </label>
        <label className="grow">
          Query
          <textarea data-testid="simulate-query" rows={3} value={query} onChange={(event) => setQuery(event.target.value)} spellCheck={false} />
        </label>
        <button type="submit" data-testid="simulate-submit">Simulate</button>
      </form>
      {message && <p role="alert" className="error">{message}</p>}
      {result && (
        <table data-testid="simulate-result">
          <caption>Under {result.policyVersion}</caption>
          <thead><tr><th scope="col">Field</th><th scope="col">Outcome</th><th scope="col">Rule</th><th scope="col">Mask</th></tr></thead>
          <tbody>
            {result.fields.map((field) => (
              <tr key={field.coordinate} className={`outcome-${field.outcome}`}><td>{field.coordinate}</td><td>{field.outcome}</td><td>{field.rule ?? ""}</td><td>{field.mask ?? ""}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
