import { useEffect, useMemo, useState } from "react";
import type { Session } from "../lib/session";
import { problemLines } from "../lib/yaml-lines";
import { perform, useQuery } from "./useQuery";
import { LineNumberedEditor } from "./LineNumberedEditor";
import { SimulatePanel } from "./SimulatePanel";

interface PolicyDocument { id: string; activeVersion: number; rules: number; updatedAt: string; updatedBy: string; content: string }
interface PolicyVersion { version: number; author: string; createdAt: string; comment: string; changeId: string | null; active: boolean }
interface PolicyChange { id: string; policyId: string; kind: string; baseVersion: number; comment: string; proposedBy: string; proposerAgency: string; createdAt: string; status: string; valid: boolean; document: string }
interface AccessChange { agency: string; role: string; clearance: number; purpose: string; coordinate: string; before: string; after: string }
interface Impact { activeVersion: string; draftVersion: string; profiles: number; total: number; gained: number; lost: number; truncated: boolean; entries: AccessChange[] }

const POLICIES = "{ policies { id activeVersion rules updatedAt updatedBy content } }";
const HISTORY = "query History($id: ID!) { policyHistory(id: $id) { version author createdAt comment changeId active } }";
const CHANGES = "{ policyChanges(status: PROPOSED) { id policyId kind baseVersion comment proposedBy proposerAgency createdAt status valid document } }";
const PROPOSE = "mutation Propose($id: ID!, $document: String!, $baseVersion: Int!, $comment: String!) { proposePolicyChange(id: $id, document: $document, baseVersion: $baseVersion, comment: $comment) { id status valid } }";
const APPROVE = "mutation Approve($changeId: ID!) { approvePolicyChange(changeId: $changeId) { id status resultingVersion } }";
const REJECT = "mutation Reject($changeId: ID!, $reason: String!) { rejectPolicyChange(changeId: $changeId, reason: $reason) { id status } }";
const ROLLBACK = "mutation Rollback($id: ID!, $toVersion: Int!, $comment: String) { rollbackPolicy(id: $id, toVersion: $toVersion, comment: $comment) { id status } }";
const IMPACT = "query Impact($changeId: ID!) { policyImpact(changeId: $changeId) { activeVersion draftVersion profiles total gained lost truncated entries { agency role clearance purpose coordinate before after } } }";

export function PoliciesPage({ session, purposes }: { session: Session; purposes: readonly string[] }) {
  const policies = useQuery<{ policies: PolicyDocument[] }>(session, POLICIES);
  const changes = useQuery<{ policyChanges: PolicyChange[] }>(session, CHANGES);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = policies.data?.policies.find((p) => p.id === selectedId) ?? null;
  const history = useQuery<{ policyHistory: PolicyVersion[] }>(session, selectedId ? HISTORY : null, { id: selectedId });
  const [draft, setDraft] = useState("");
  const [comment, setComment] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [impact, setImpact] = useState<{ changeId: string; impact: Impact } | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});

  useEffect(() => {
    setDraft(selected?.content ?? "");
    setProblems([]);
  }, [selected?.id, selected?.activeVersion, selected?.content]);
  const placed = useMemo(() => problemLines(draft, problems), [draft, problems]);

  const act = async (what: string, query: string, variables: Record<string, unknown>) => {
    setMessage(`${what}…`);
    const outcome = await perform<Record<string, { id: string; status?: string; resultingVersion?: number | null }>>(session, query, variables);
    setProblems(outcome.problems);
    const result = outcome.data ? Object.values(outcome.data)[0] : null;
    setMessage(outcome.message ? `${what} refused: ${outcome.message}` : `${what}: change ${result?.id ?? "?"} ${result?.status ?? ""}${result?.resultingVersion ? `, version ${result.resultingVersion}` : ""}`);
    await Promise.all([policies.reload(), changes.reload(), history.reload()]);
  };

  const showImpact = async (changeId: string) => {
    const outcome = await perform<{ policyImpact: Impact }>(session, IMPACT, { changeId });
    if (outcome.data?.policyImpact) setImpact({ changeId, impact: outcome.data.policyImpact });
    else setMessage(`impact: ${outcome.message ?? "no answer"}`);
  };

  return (
    <div className="admin">
      <h1>Policies</h1>
      {(policies.error || changes.error) && <p role="alert" className="error">{policies.error ?? changes.error}</p>}
      {message && <p aria-live="polite" className="status" data-testid="admin-message">{message}</p>}
      <div className="columns">
        <section className="panel" aria-labelledby="policy-list-heading">
          <h2 id="policy-list-heading">Active documents</h2>
          <table data-testid="policy-list">
            <thead><tr><th scope="col">Document</th><th scope="col">Version</th><th scope="col">Rules</th><th scope="col">Updated</th></tr></thead>
            <tbody>
              {policies.data?.policies.map((policy) => (
                <tr key={policy.id} aria-selected={policy.id === selectedId}>
                  <td><button type="button" data-testid={`policy-open-${policy.id}`} onClick={() => setSelectedId(policy.id)}>{policy.id}</button></td>
                  <td>{policy.activeVersion}</td>
                  <td>{policy.rules}</td>
                  <td className="small">{policy.updatedAt.slice(0, 19)} by {policy.updatedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {selected && (
            <>
              <h3>History of {selected.id}</h3>
              <ul className="history" data-testid="policy-history">
                {history.data?.policyHistory.map((version) => (
                  <li key={version.version}>
                    v{version.version} {version.active ? "(active) " : ""}{version.createdAt.slice(0, 19)} {version.author}: {version.comment}
                    {!version.active && (
                      <button type="button" data-testid={`policy-rollback-${version.version}`} onClick={() => void act(`Roll back ${selected.id} to v${version.version}`, ROLLBACK, { id: selected.id, toVersion: version.version, comment: `roll back to v${version.version}` })}>
                        Propose roll back to v{version.version}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="panel grow" aria-labelledby="editor-heading">
          <h2 id="editor-heading">{selected ? `Edit ${selected.id} (base v${selected.activeVersion})` : "Choose a document to edit"}</h2>
          {selected && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void act("Propose", PROPOSE, { id: selected.id, document: draft, baseVersion: selected.activeVersion, comment: comment || "edited in the console" });
              }}
            >
              <LineNumberedEditor value={draft} onChange={setDraft} problems={placed} label={`YAML of ${selected.id}`} />
              <label>
                Comment
                <input data-testid="policy-comment" value={comment} maxLength={500} onChange={(event) => setComment(event.target.value)} required />
              </label>
              <button type="submit" data-testid="policy-propose">Propose change</button>
            </form>
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Proposed changes</h2>
        {changes.data?.policyChanges.length === 0 && <p className="muted">No change waits for a decision.</p>}
        <ul className="changes" data-testid="policy-changes">
          {changes.data?.policyChanges.map((change) => (
            <li key={change.id} data-change-id={change.id} data-policy-id={change.policyId}>
              <div>
                <strong>{change.policyId}</strong> {change.kind} from v{change.baseVersion} by {change.proposedBy} ({change.proposerAgency}), {change.createdAt.slice(0, 19)}: {change.comment} {change.valid ? "" : "(invalid)"}
              </div>
              <div className="row">
                <button type="button" data-testid="policy-impact" onClick={() => void showImpact(change.id)}>Impact</button>
                <button type="button" data-testid="policy-approve" onClick={() => void act("Approve", APPROVE, { changeId: change.id })}>Approve</button>
                <label>
                  Reason
                  <input data-testid="policy-reject-reason" value={reasons[change.id] ?? ""} onChange={(event) => setReasons({ ...reasons, [change.id]: event.target.value })} />
                </label>
                <button type="button" data-testid="policy-reject" disabled={!reasons[change.id]} onClick={() => void act("Reject", REJECT, { changeId: change.id, reason: reasons[change.id] ?? "" })}>Reject</button>
              </div>
              {impact?.changeId === change.id && <ImpactTable impact={impact.impact} />}
            </li>
          ))}
        </ul>
      </section>
      <SimulatePanel session={session} purposes={purposes} changes={changes.data?.policyChanges ?? []} />
    </div>
  );
}

function ImpactTable({ impact }: { impact: Impact }) {
  return (
    <div data-testid="policy-impact-table">
      <p>
        {impact.activeVersion} → {impact.draftVersion}: {impact.gained} gained, {impact.lost} lost over {impact.profiles} profiles{impact.truncated ? " (truncated)" : ""}
      </p>
      <table>
        <thead><tr><th scope="col">Agency</th><th scope="col">Role</th><th scope="col">Clearance</th><th scope="col">Purpose</th><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
        <tbody>
          {impact.entries.slice(0, 300).map((entry, index) => (
            <tr key={index} className={entry.after === "SERVED" ? "gain" : "loss"}>
              <td>{entry.agency}</td><td>{entry.role}</td><td>{entry.clearance}</td><td>{entry.purpose}</td><td>{entry.coordinate}</td><td>{entry.before}</td><td>{entry.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
