import { useCallback, useMemo, useRef, useState, type FormEvent } from "react";
import type { Core } from "cytoscape";
import { detectIdentifier, IDENTIFIER_KINDS, KIND_LABELS, nodeIdentifier, parseAs, displayIdentifier, type IdentifierInput, type IdentifierKind, type ParsedIdentifier } from "../lib/identifiers";
import { AGENCY_LIST, EMPTY_GRAPH, filterGraph, mergeGraphs, type LinkGraph } from "../lib/graph";
import { fetchLinkGraph, fetchLinkPath } from "../lib/links";
import { edgesCsv, nodesCsv, toGraphML, toJson } from "../lib/export";
import { download } from "../lib/download";
import type { Session } from "../lib/session";
import { GraphCanvas } from "./GraphCanvas";
import { DetailPanel } from "./DetailPanel";
import { Legend } from "./Legend";

type KindChoice = "AUTO" | IdentifierKind;

function parse(kind: KindChoice, text: string): ParsedIdentifier {
  return kind === "AUTO" ? detectIdentifier(text) : parseAs(kind, text);
}

function KindSelect({ id, value, onChange, label }: { id: string; value: KindChoice; onChange: (kind: KindChoice) => void; label: string }) {
  return (
    <label>
      {label}
      <select data-testid={id} value={value} onChange={(event) => onChange(event.target.value as KindChoice)}>
        <option value="AUTO">Detect the kind</option>
        {IDENTIFIER_KINDS.map((kind) => <option key={kind} value={kind}>{KIND_LABELS[kind]}</option>)}
      </select>
    </label>
  );
}

export function GraphPage({ session }: { session: Session }) {
  const [kind, setKind] = useState<KindChoice>("AUTO");
  const [text, setText] = useState("");
  const [depth, setDepth] = useState(2);
  const [graph, setGraph] = useState<LinkGraph>(EMPTY_GRAPH);
  const [seeds, setSeeds] = useState<IdentifierInput[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [hiddenAgencies, setHiddenAgencies] = useState<ReadonlySet<string>>(new Set());
  const [hiddenKinds, setHiddenKinds] = useState<ReadonlySet<string>>(new Set());
  const [pathFromKind, setPathFromKind] = useState<KindChoice>("AUTO");
  const [pathFrom, setPathFrom] = useState("");
  const [pathToKind, setPathToKind] = useState<KindChoice>("AUTO");
  const [pathTo, setPathTo] = useState("");
  const [path, setPath] = useState<ReadonlySet<string>>(new Set());
  const cy = useRef<Core | null>(null);

  const preview = text.trim() ? parse(kind, text) : null;
  const shown = useMemo(() => filterGraph(graph, { from, to, hiddenAgencies, hiddenKinds }), [graph, from, to, hiddenAgencies, hiddenKinds]);
  const seedIds = useMemo(() => new Set(graph.nodes.filter((node) => node.depth === 0).map((node) => node.id)), [graph]);
  const kinds = useMemo(() => [...new Set(graph.nodes.map((node) => node.kind))].sort(), [graph]);
  const selectedNode = shown.nodes.find((node) => node.id === selected) ?? null;

  const run = useCallback(
    async (what: string, action: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      setStatus(`${what}…`);
      try {
        await action();
      } catch (caught) {
        setError(caught instanceof Error ? caught.message : String(caught));
        setStatus("");
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parse(kind, text);
    if ("problem" in parsed) {
      setError(parsed.problem);
      return;
    }
    void run(`Searching ${displayIdentifier(parsed)}`, async () => {
      const answer = await fetchLinkGraph(session, { seeds: [parsed], depth, maxNodes: 200 });
      setGraph(answer.graph);
      setSeeds([parsed]);
      setPath(new Set());
      setSelected(null);
      setWarnings(answer.warnings);
      setStatus(`${answer.graph.nodes.length} nodes, ${answer.graph.edges.length} edges${answer.graph.truncated ? " (more lies beyond the depth or node limit: expand a node, or search deeper)" : ""}`);
    });
  };

  const expand = useCallback(
    (id: string) => {
      const node = graph.nodes.find((candidate) => candidate.id === id);
      const identifier = node ? nodeIdentifier(node) : null;
      if (!identifier) {
        setError("only identifier nodes can be expanded");
        return;
      }
      void run(`Expanding ${displayIdentifier(identifier)}`, async () => {
        const answer = await fetchLinkGraph(session, { seeds: [identifier], depth: 1, maxNodes: 200 });
        // The expansion's depths count from the expanded node: shift them behind it.
        const offset = node?.depth ?? 0;
        const shifted = { ...answer.graph, nodes: answer.graph.nodes.map((n) => ({ ...n, depth: n.depth + offset })) };
        setGraph((current) => {
          const merged = mergeGraphs(current, shifted);
          setStatus(`${merged.nodes.length} nodes, ${merged.edges.length} edges${merged.truncated ? " (more lies beyond the depth or node limit)" : ""}`);
          return merged;
        });
        setSeeds((current) => [...current, identifier]);
        setWarnings(answer.warnings);
      });
    },
    [graph, run, session],
  );

  const findPath = (event: FormEvent) => {
    event.preventDefault();
    const a = parse(pathFromKind, pathFrom);
    const b = parse(pathToKind, pathTo);
    if ("problem" in a) return setError(`from: ${a.problem}`);
    if ("problem" in b) return setError(`to: ${b.problem}`);
    void run("Finding the path", async () => {
      const answer = await fetchLinkPath(session, a, b, 4);
      setGraph((current) => mergeGraphs(current, answer.graph));
      setPath(new Set(answer.paths.flat()));
      setWarnings(answer.warnings);
      setStatus(answer.paths.length ? `${answer.paths.length} shortest path(s) of ${(answer.paths[0]?.length ?? 1) - 1} steps, highlighted` : "no path within 4 steps that you may see");
    });
  };

  const toggle = (set: ReadonlySet<string>, value: string, apply: (next: ReadonlySet<string>) => void) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    apply(next);
  };

  const stamp = () => new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const exportPng = () => {
    const blob = cy.current?.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
    if (blob) download(`liaison-graph-${stamp()}.png`, blob);
  };

  return (
    <div className="graph-page">
      <section className="toolbar panel" aria-label="Search and filters">
        <form onSubmit={search} className="row" role="search" aria-label="Search an identifier">
          <KindSelect id="search-kind" label="Kind" value={kind} onChange={setKind} />
          <label className="grow">
            Identifier
            <input
              data-testid="search-box"
              value={text}
              placeholder="+44 7700 900101, an IBAN, LX990101013CN, plate: GB AB12 CDE…"
              onChange={(event) => setText(event.target.value)}
              aria-describedby="search-preview"
            />
          </label>
          <label>
            Depth
            <select data-testid="search-depth" value={depth} onChange={(event) => setDepth(Number(event.target.value))}>
              {[1, 2, 3, 4].map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
          <button type="submit" data-testid="search-submit" disabled={busy}>Search</button>
        </form>
        <p id="search-preview" className="muted small preview" data-testid="search-preview">
          {preview ? ("problem" in preview ? preview.problem : `${KIND_LABELS[preview.kind]}: ${displayIdentifier(preview)}`) : "Any common notation; the kind is detected, or choose it."}
        </p>
        <details className="path-finder" open={pathFrom !== "" || pathTo !== "" ? true : undefined}>
          <summary data-testid="path-toggle">Find the path between two identifiers</summary>
        <form onSubmit={findPath} className="row" aria-label="Find the path between two identifiers">
          <KindSelect id="path-from-kind" label="From kind" value={pathFromKind} onChange={setPathFromKind} />
          <label className="grow">
            From
            <input data-testid="path-from" value={pathFrom} onChange={(event) => setPathFrom(event.target.value)} />
          </label>
          <KindSelect id="path-to-kind" label="To kind" value={pathToKind} onChange={setPathToKind} />
          <label className="grow">
            To
            <input data-testid="path-to" value={pathTo} onChange={(event) => setPathTo(event.target.value)} />
          </label>
          <button type="submit" data-testid="path-submit" disabled={busy}>Find path</button>
        </form>
        </details>
        <div className="row">
        <fieldset className="row filters">
          <legend>Filters</legend>
          <label>From date <input type="date" data-testid="filter-from" value={from} onChange={(event) => setFrom(event.target.value)} /></label>
          <label>To date <input type="date" data-testid="filter-to" value={to} onChange={(event) => setTo(event.target.value)} /></label>
          <span className="checks" role="group" aria-label="Agencies shown">
            {AGENCY_LIST.filter((a) => a !== "HUB").map((agency) => (
              <label key={agency}>
                <input type="checkbox" data-testid={`filter-agency-${agency}`} checked={!hiddenAgencies.has(agency)} onChange={() => toggle(hiddenAgencies, agency, setHiddenAgencies)} />
                {agency}
              </label>
            ))}
          </span>
          <span className="checks" role="group" aria-label="Kinds shown">
            {kinds.map((k) => (
              <label key={k}>
                <input type="checkbox" data-testid={`filter-kind-${k}`} checked={!hiddenKinds.has(k)} onChange={() => toggle(hiddenKinds, k, setHiddenKinds)} />
                {k}
              </label>
            ))}
          </span>
        </fieldset>
        <div className="row exports" role="group" aria-label="Export the graph shown">
          <span>Export (as filtered):</span>
          <button type="button" data-testid="export-png" disabled={shown.nodes.length === 0} onClick={exportPng}>PNG</button>
          <button type="button" data-testid="export-json" disabled={shown.nodes.length === 0} onClick={() => download(`liaison-graph-${stamp()}.json`, toJson(shown, { seeds, exportedAt: new Date().toISOString(), exportedBy: session.who, purpose: session.purpose }), "application/json")}>JSON</button>
          {/* Two buttons: browsers refuse a second download from one click. */}
          <button type="button" data-testid="export-csv-nodes" disabled={shown.nodes.length === 0} onClick={() => download(`liaison-nodes-${stamp()}.csv`, nodesCsv(shown), "text/csv;charset=utf-8")}>CSV nodes</button>
          <button type="button" data-testid="export-csv-edges" disabled={shown.nodes.length === 0} onClick={() => download(`liaison-edges-${stamp()}.csv`, edgesCsv(shown), "text/csv;charset=utf-8")}>CSV edges</button>
          <button type="button" data-testid="export-graphml" disabled={shown.nodes.length === 0} onClick={() => download(`liaison-graph-${stamp()}.graphml`, toGraphML(shown), "application/graphml+xml")}>GraphML</button>
        </div>
        </div>
        <div aria-live="polite" className="status" data-testid="graph-status">{busy ? `${status}` : status}</div>
        {error && <p role="alert" className="error" data-testid="graph-error">{error}</p>}
        {warnings.length > 0 && (
          <details className="notice">
            <summary>{warnings.length} partial-answer note(s)</summary>
            <ul>{warnings.slice(0, 20).map((w, i) => <li key={i}>{w}</li>)}</ul>
          </details>
        )}
      </section>
      <section className="graph-area" aria-label="Graph">
        <GraphCanvas graph={shown} seeds={seedIds} path={path} selected={selected} onSelect={setSelected} onExpand={expand} onReady={(instance) => (cy.current = instance)} />
        <Legend />
      </section>
      <nav className="node-list panel" aria-label="Nodes">
        <h2>Nodes ({shown.nodes.length})</h2>
        <ul data-testid="node-list">
          {shown.nodes.map((node) => (
            <li key={node.id}>
              <button
                type="button"
                data-testid="node-item"
                data-node-id={node.id}
                data-agency={node.agency ?? ""}
                aria-pressed={selected === node.id}
                onClick={() => setSelected(node.id)}
                onKeyDown={(event) => {
                  if (event.key === "Escape") setSelected(null);
                }}
              >
                <span className={`dot agency-${node.agency ?? "none"}`} aria-hidden="true" />
                {node.label}
                <span className="muted small"> {node.kind}{node.agency ? ` · ${node.agency}` : ""}{node.handling ? ` · ${node.handling}` : ""}{node.restricted ? " · restricted" : ""}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <DetailPanel session={session} node={selectedNode} graph={shown} onExpand={expand} onClose={() => setSelected(null)} />
    </div>
  );
}
