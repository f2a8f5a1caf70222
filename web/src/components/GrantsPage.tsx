import { useState, type FormEvent } from "react";
import type { Session } from "../lib/session";
import { perform, useQuery } from "./useQuery";

interface Grant { id: string; kind: string; status: string; ruleId: string; recordType: string; recordId: string; ownerAgency: string; agency: string; person: string | null; caseReference: string | null; purpose: string; justification: string | null; expiresAt: string; grantedBy: string; pendingReview: boolean; revokedAt: string | null }
const GRANTS = "{ grants { id kind status ruleId recordType recordId ownerAgency agency person caseReference purpose justification expiresAt grantedBy pendingReview revokedAt } }";
const GRANT = "mutation Grant($input: GrantAccessInput!) { grantAccess(input: $input) { id status } }";
const EMERGENCY = "mutation Emergency($input: EmergencyAccessInput!) { grantEmergencyAccess(input: $input) { id status } }";
const REVOKE = "mutation Revoke($grantId: ID!, $reason: String!) { revokeGrant(grantId: $grantId, reason: $reason) { id status } }";
const REVIEW = "mutation Review($grantId: ID!, $note: String!) { reviewEmergencyAccess(grantId: $grantId, note: $note) { id status } }";
const AGENCIES = ["CUSTOMS", "POLICE", "FIU", "POSTAL"];

function useForm<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const field = (name: keyof T & string, label: string, props: Record<string, unknown> = {}) => (
    <label key={name}>
      {label}
      <input data-testid={`grant-${name}`} value={values[name]} onChange={(event) => setValues({ ...values, [name]: event.target.value })} {...props} />
    </label>
  );
  return { values, field, setValues };
}

export function GrantsPage({ session, purposes }: { session: Session; purposes: readonly string[] }) {
  const grants = useQuery<{ grants: Grant[] }>(session, GRANTS);
  const [message, setMessage] = useState<string | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const consent = useForm({ recordType: "FiuReport", recordId: "", agency: "POLICE", caseReference: "", purpose: purposes[0] ?? "investigation", expiresAt: "", comment: "" });
  const emergency = useForm({ recordType: "FiuReport", recordId: "", agency: "POLICE", subject: "", issuer: "liaison-dev", purpose: purposes[0] ?? "investigation", justification: "", hours: "4" });

  const act = async (what: string, query: string, variables: Record<string, unknown>) => {
    const outcome = await perform<Record<string, { id: string; status: string }>>(session, query, variables);
    const result = outcome.data ? Object.values(outcome.data)[0] : null;
    setMessage(outcome.message ? `${what} refused: ${outcome.message}` : `${what}: grant ${result?.id ?? "?"} ${result?.status ?? ""}`);
    await grants.reload();
  };

  const submitConsent = (event: FormEvent) => {
    event.preventDefault();
    const { comment, expiresAt, ...rest } = consent.values;
    void act("Grant", GRANT, { input: { ...rest, expiresAt: new Date(expiresAt).toISOString(), ...(comment ? { comment } : {}) } });
  };
  const submitEmergency = (event: FormEvent) => {
    event.preventDefault();
    void act("Emergency access", EMERGENCY, { input: { ...emergency.values, hours: Number(emergency.values.hours) } });
  };

  return (
    <div className="admin">
      <h1>Grants</h1>
      {grants.error && <p role="alert" className="error">{grants.error}</p>}
      {message && <p aria-live="polite" className="status" data-testid="grant-message">{message}</p>}
      <section className="panel">
        <table data-testid="grant-list">
          <thead><tr>{["Grant", "Kind", "Status", "Record", "Owner → agency", "Person / case", "Purpose", "Expires", "By", ""].map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {grants.data?.grants.map((grant) => (
              <tr key={grant.id}>
                <td>{grant.id}</td><td>{grant.kind}</td><td>{grant.status}{grant.pendingReview ? " (review pending)" : ""}</td><td>{grant.recordType} {grant.recordId}</td>
                <td>{grant.ownerAgency} → {grant.agency}</td><td>{grant.person ?? grant.caseReference ?? ""}</td><td>{grant.purpose}</td><td>{grant.expiresAt.slice(0, 19)}</td><td>{grant.grantedBy}</td>
                <td>
                  <label>
                    Note / reason
                    <input data-testid="grant-note" value={notes[grant.id] ?? ""} onChange={(event) => setNotes({ ...notes, [grant.id]: event.target.value })} />
                  </label>
                  {!grant.revokedAt && <button type="button" data-testid="grant-revoke" disabled={!notes[grant.id]} onClick={() => void act("Revoke", REVOKE, { grantId: grant.id, reason: notes[grant.id] })}>Revoke</button>}
                  {grant.pendingReview && <button type="button" data-testid="grant-review" disabled={!notes[grant.id]} onClick={() => void act("Review", REVIEW, { grantId: grant.id, note: notes[grant.id] })}>Review</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="columns">
        <form className="panel grid-form" onSubmit={submitConsent} aria-labelledby="consent-heading">
          <h2 id="consent-heading">Prior consent (grantAccess)</h2>
          {consent.field("recordType", "Record type")}
          {consent.field("recordId", "Record id", { required: true })}
          <label>Agency <select data-testid="grant-agency" value={consent.values.agency} onChange={(event) => consent.setValues({ ...consent.values, agency: event.target.value })}>{AGENCIES.map((a) => <option key={a}>{a}</option>)}</select></label>
          {consent.field("caseReference", "Case reference", { required: true })}
          {consent.field("purpose", "Purpose")}
          {consent.field("expiresAt", "Expires at", { type: "datetime-local", required: true })}
          {consent.field("comment", "Comment")}
          <button type="submit" data-testid="grant-submit">Grant</button>
        </form>
        <form className="panel grid-form" onSubmit={submitEmergency} aria-labelledby="emergency-heading">
          <h2 id="emergency-heading">Break-glass (grantEmergencyAccess)</h2>
          {emergency.field("recordType", "Record type")}
          {emergency.field("recordId", "Record id", { required: true })}
          {emergency.field("agency", "Agency")}
          {emergency.field("subject", "Person (sub)", { required: true })}
          {emergency.field("issuer", "Issuer")}
          {emergency.field("purpose", "Purpose")}
          {emergency.field("justification", "Justification", { required: true })}
          {emergency.field("hours", "Hours (at most 24)", { type: "number", min: 1, max: 24 })}
          <button type="submit" data-testid="emergency-submit">Grant emergency access</button>
        </form>
      </div>
    </div>
  );
}
