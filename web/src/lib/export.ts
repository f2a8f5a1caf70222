import { effectiveHandling, type LinkGraph } from "./graph.js";

/*
 * Exports for other analysis tools. CSV follows RFC 4180 (CRLF, quoted when needed) with the
 * column names Gephi's spreadsheet import recognises (Id, Label; Source, Target, Type) and one
 * row per entity and per link, as i2 Analyst's Notebook's import specifications expect.
 * GraphML is what Gephi, yEd and Cytoscape desktop open. Every node and edge keeps its handling code.
 */

const CRLF = "\r\n";

/** One CSV cell: quoted when it holds a comma, quote or line break; spreadsheet formulas neutralised. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  // A leading = @ tab or CR (or + - not followed by a plain number) would run as a formula in a spreadsheet.
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-][\d .]+$/.test(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  return rows.map((row) => row.map(csvCell).join(",")).join(CRLF) + CRLF;
}

export const NODE_COLUMNS = ["Id", "Label", "Kind", "Agency", "Handling", "Restricted", "RecordType", "RecordId", "Date", "Depth"] as const;
export const EDGE_COLUMNS = ["Source", "Target", "Type", "Id", "Label", "Agency", "Handling", "Date"] as const;

export function nodesCsv(graph: LinkGraph): string {
  return csv([
    NODE_COLUMNS,
    ...graph.nodes.map((node) => [
      node.id, node.label, node.kind, node.agency, effectiveHandling(node, graph.edges), node.restricted,
      node.recordType, node.recordId, node.date, node.depth,
    ]),
  ]);
}

export function edgesCsv(graph: LinkGraph): string {
  return csv([
    EDGE_COLUMNS,
    ...graph.edges.map((edge) => [edge.source, edge.target, "Undirected", edge.id, edge.kind, edge.agency, edge.handling ?? "CLEAR", edge.date]),
  ]);
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const NODE_KEYS = [
  ["label", "string"], ["kind", "string"], ["agency", "string"], ["handling", "string"], ["restricted", "boolean"],
  ["recordType", "string"], ["recordId", "string"], ["date", "string"], ["depth", "int"],
] as const;
const EDGE_KEYS = [["label", "string"], ["agency", "string"], ["handling", "string"], ["date", "string"]] as const;

function data(key: string, value: string | number | boolean | null): string {
  return value === null ? "" : `<data key="${key}">${xmlEscape(String(value))}</data>`;
}

export function toGraphML(graph: LinkGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`),
    ...EDGE_KEYS.map(([name, type]) => `  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="liaison" edgedefault="undirected">',
    ...graph.nodes.map((node) => {
      const values: Record<string, string | number | boolean | null> = {
        label: node.label, kind: node.kind, agency: node.agency, handling: effectiveHandling(node, graph.edges), restricted: node.restricted,
        recordType: node.recordType, recordId: node.recordId, date: node.date, depth: node.depth,
      };
      return `    <node id="${xmlEscape(node.id)}">${NODE_KEYS.map(([name]) => data(`n_${name}`, values[name] ?? null)).join("")}</node>`;
    }),
    ...graph.edges.map((edge) => {
      const values: Record<string, string | null> = { label: edge.kind, agency: edge.agency, handling: edge.handling ?? "CLEAR", date: edge.date };
      return `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${EDGE_KEYS.map(([name]) => data(`e_${name}`, values[name] ?? null)).join("")}</edge>`;
    }),
    "  </graph>",
    "</graphml>",
  ];
  return lines.join("\n") + "\n";
}

/** The graph as shown, with handling codes resolved for every node, and what was asked. */
export function toJson(graph: LinkGraph, meta: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      ...meta,
      truncated: graph.truncated,
      nodes: graph.nodes.map((node) => ({ ...node, handling: effectiveHandling(node, graph.edges) })),
      edges: graph.edges.map((edge) => ({ ...edge, handling: edge.handling ?? "CLEAR" })),
    },
    null,
    2,
  );
}
