import { useEffect, useState } from "react";
import type { LinkGraph, LinkNode } from "../lib/graph";
import { effectiveHandling } from "../lib/graph";
import { graphql, describeErrors } from "../lib/api";
import { fieldViews, recordQuery, recordRoot, type FieldView } from "../lib/records";
import type { Session } from "../lib/session";

function show(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

function FieldRow({ field }: { field: FieldView }) {
  return (
    <tr data-field={field.name} data-state={field.state}>
      <th scope="row">{field.name}</th>
      <td>
        {field.state === "withheld" ? (
          <span className="withheld">withheld{field.rule ? ` (rule ${field.rule})` : ""}</span>
        ) : (
          <>
            {field.state === "masked" && <span className="masked">masked </span>}
            {field.state === "empty" ? <span className="muted">none</span> : <pre>{show(field.value)}</pre>}
          </>
        )}
        {field.nested.length > 0 && (
          <ul className="nested-withheld">
            {field.nested.map((item) => (
              <li key={item.path}>
                <span className="withheld">{item.path} withheld{item.rule ? ` (rule ${item.rule})` : ""}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export interface DetailPanelProps {
  readonly session: Session;
  readonly node: LinkNode | null;
  readonly graph: LinkGraph;
  onExpand(id: string): void;
  onClose(): void;
}

export function DetailPanel({ session, node, graph, onExpand, onClose }: DetailPanelProps) {
  const [fields, setFields] = useState<FieldView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setFields(null);
    setError(null);
    if (!node?.recordType || !node.recordId || node.restricted) return;
    // A postal item is read by its item number: the POSTAL_ITEM identifiers its node is linked to.
    const itemIds = graph.edges
      .filter((edge) => edge.source === node.id || edge.target === node.id)
      .map((edge) => graph.nodes.find((other) => other.id === (edge.source === node.id ? edge.target : edge.source)))
      .filter((other) => other?.kind === "POSTAL_ITEM")
      .map((other) => other?.label ?? "");
    const request = recordQuery(node.recordType, node.recordId, itemIds);
    if (!request) {
      setError("this record cannot be read by its id here");
      return;
    }
    let current = true;
    setLoading(true);
    graphql<Record<string, Record<string, unknown> | null>>(session, request.query, request.variables)
      .then((answer) => {
        if (!current) return;
        const root = recordRoot(answer.data, request.roots, node.recordId ?? "");
        const record = root ? (answer.data?.[root] ?? null) : null;
        if (!record && !answer.errors.some((e) => e.extensions?.code === "FORBIDDEN")) {
          setError(answer.errors.length ? describeErrors(answer.errors) : "not found (or not visible to you)");
        }
        setFields(root ? fieldViews(record, answer.errors, root) : null);
      })
      .catch((caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read again for another node or identity, not for every graph change
  }, [node, session]);

  if (!node) {
    return (
      <aside className="detail panel" data-testid="node-detail" aria-label="Node detail">
        <p className="muted">Select a node (click it, or pick it in the node list) to see its details.</p>
      </aside>
    );
  }
  const identifier = node.recordType === null && node.agency === null;
  return (
    <aside className="detail panel" data-testid="node-detail" aria-label={`Detail of ${node.label}`} onKeyDown={(event) => event.key === "Escape" && onClose()}>
      <div className="detail-head">
        <h2>{node.label}</h2>
        <button type="button" onClick={onClose} aria-label="Close the detail panel" data-testid="detail-close">×</button>
      </div>
      <dl className="facts">
        <dt>Kind</dt><dd>{node.kind}</dd>
        <dt>Agency</dt><dd>{node.agency ?? "none (identifier)"}</dd>
        <dt>Handling</dt><dd data-testid="detail-handling">{node.handling ?? `${effectiveHandling(node, graph.edges)} (from the records that show it)`}</dd>
        <dt>Restricted</dt><dd>{node.restricted ? "yes: you may only know it exists" : "no"}</dd>
        {node.date && (<><dt>Date</dt><dd>{node.date}</dd></>)}
        {node.recordType && (<><dt>Record</dt><dd>{node.recordType} {node.recordId}</dd></>)}
        <dt>Depth</dt><dd>{node.depth}</dd>
      </dl>
      {identifier && (
        <button type="button" data-testid="expand-node" onClick={() => onExpand(node.id)}>Expand from this identifier</button>
      )}
      {node.restricted && <p className="muted">A restricted record has no content for you: ask its owner (contact point) for more.</p>}
      {loading && <p aria-live="polite">Loading the record…</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {fields && (
        <table className="fields" data-testid="record-fields">
          <caption>Fields as you may see them</caption>
          <tbody>{fields.map((field) => <FieldRow key={field.name} field={field} />)}</tbody>
        </table>
      )}
    </aside>
  );
}
