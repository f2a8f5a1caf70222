import { useEffect, useRef } from "react";
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from "cytoscape";
import type { LinkGraph } from "../lib/graph";
import { AGENCY_COLOURS, HANDLING_COLOURS, HANDLING_WIDTH, IDENTIFIER_COLOUR } from "../lib/style";

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(display)",
      "font-size": 9,
      "text-wrap": "wrap",
      "text-max-width": "110px",
      "text-valign": "bottom",
      "text-margin-y": 3,
      "background-color": "data(colour)",
      "border-color": "data(border)",
      "border-width": "data(borderWidth)",
      width: 26,
      height: 26,
    },
  },
  { selector: "node[?record]", style: { shape: "round-rectangle", width: 34, height: 24 } },
  { selector: "node[?restricted]", style: { shape: "diamond", "border-style": "dashed", "background-opacity": 0.45 } },
  { selector: "node[?seed]", style: { "outline-width": 3, "outline-color": "#222", "outline-offset": 2 } },
  { selector: "node:selected", style: { "overlay-color": "#1e4fd8", "overlay-opacity": 0.25, "overlay-padding": 6 } },
  { selector: "node[?onPath]", style: { "underlay-color": "#7b2cbf", "underlay-opacity": 0.35, "underlay-padding": 8 } },
  {
    selector: "edge",
    style: {
      label: "data(kind)",
      "font-size": 7,
      "text-rotation": "autorotate",
      "text-background-color": "#fff",
      "text-background-opacity": 0.8,
      width: "data(width)",
      "line-color": "data(colour)",
      "curve-style": "bezier",
    },
  },
  { selector: "edge[?strict]", style: { "line-style": "dashed" } },
  { selector: "edge[?onPath]", style: { "line-color": "#7b2cbf", width: 4 } },
];

function elements(graph: LinkGraph, seeds: ReadonlySet<string>, path: ReadonlySet<string>): ElementDefinition[] {
  return [
    ...graph.nodes.map((node) => ({
      group: "nodes" as const,
      data: {
        id: node.id,
        display: `${node.label}${node.handling ? `\nTLP:${node.handling.replace("_", "+")}` : ""}`,
        colour: node.agency ? AGENCY_COLOURS[node.agency] : IDENTIFIER_COLOUR,
        border: node.handling ? HANDLING_COLOURS[node.handling] : "#333",
        borderWidth: node.handling ? HANDLING_WIDTH[node.handling] : 1,
        record: node.recordType !== null || node.agency !== null,
        restricted: node.restricted,
        seed: seeds.has(node.id),
        onPath: path.has(node.id),
      },
    })),
    ...graph.edges.map((edge) => ({
      group: "edges" as const,
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        kind: edge.kind,
        colour: edge.handling ? HANDLING_COLOURS[edge.handling] : "#999",
        width: edge.handling ? Math.max(1, HANDLING_WIDTH[edge.handling] - 1) : 1,
        strict: edge.handling === "RED" || edge.handling === "AMBER_STRICT",
        onPath: path.has(edge.source) && path.has(edge.target),
      },
    })),
  ];
}

export interface GraphCanvasProps {
  readonly graph: LinkGraph;
  readonly seeds: ReadonlySet<string>;
  readonly path: ReadonlySet<string>;
  readonly selected: string | null;
  onSelect(id: string | null): void;
  onExpand(id: string): void;
  /** Receives the cytoscape instance (PNG export). */
  onReady(cy: Core | null): void;
}

export function GraphCanvas({ graph, seeds, path, selected, onSelect, onExpand, onReady }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  useEffect(() => {
    if (!container.current) return;
    const instance = cytoscape({ container: container.current, style: STYLE, elements: [], minZoom: 0.1, maxZoom: 4 });
    instance.on("tap", "node", (event) => handlers.current.onSelect(event.target.id() as string));
    instance.on("tap", (event) => {
      if (event.target === instance) handlers.current.onSelect(null);
    });
    instance.on("dbltap", "node", (event) => handlers.current.onExpand(event.target.id() as string));
    cy.current = instance;
    onReady(instance);
    return () => {
      onReady(null);
      instance.destroy();
      cy.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; handlers are read through the ref
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.elements().remove();
    instance.add(elements(graph, seeds, path));
    instance.layout({ name: "cose", animate: false, nodeDimensionsIncludeLabels: true, randomize: false, padding: 20 }).run();
  }, [graph, seeds, path]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.$(":selected").unselect();
    if (selected) instance.getElementById(selected).select();
  }, [selected, graph]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      data-testid="graph-canvas"
      role="img"
      aria-label={`Link graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges. The node list beside it gives keyboard access.`}
    />
  );
}
