import { describe, expect, it } from "vitest";
import { csvCell, edgesCsv, nodesCsv, toGraphML, toJson } from "../../web/src/lib/export.js";
import type { LinkGraph } from "../../web/src/lib/graph.js";

const graph: LinkGraph = {
  nodes: [
    { id: "PHONE:+447700900101", kind: "PHONE", label: "+447700900101", agency: null, restricted: false, handling: null, recordType: null, recordId: null, date: null, depth: 0 },
    { id: "Case:c1", kind: "Case", label: 'LANTERN, "shop"', agency: "POLICE", restricted: false, handling: "AMBER", recordType: "Case", recordId: "c1", date: "2025-02-03", depth: 1 },
    { id: "FiuReport:f1", kind: "FiuReport", label: "=restricted", agency: "FIU", restricted: true, handling: "RED", recordType: "FiuReport", recordId: "f1", date: null, depth: 1 },
  ],
  edges: [
    { id: "e1", source: "Case:c1", target: "PHONE:+447700900101", kind: "mentions", agency: "POLICE", date: "2025-02-03", handling: "AMBER" },
    { id: "e2", source: "FiuReport:f1", target: "PHONE:+447700900101", kind: "mentions", agency: "FIU", date: null, handling: "RED" },
  ],
  truncated: false,
};

describe("CSV export", () => {
  it("writes the nodes with Gephi's Id/Label columns and a handling code on every row", () => {
    expect(nodesCsv(graph)).toBe(
      [
        "Id,Label,Kind,Agency,Handling,Restricted,RecordType,RecordId,Date,Depth",
        "PHONE:+447700900101,+447700900101,PHONE,,RED,false,,,,0",
        'Case:c1,"LANTERN, ""shop""",Case,POLICE,AMBER,false,Case,c1,2025-02-03,1',
        "FiuReport:f1,'=restricted,FiuReport,FIU,RED,true,FiuReport,f1,,1",
        "",
      ].join("\r\n"),
    );
  });

  it("writes the edges with Source/Target/Type and their handling codes", () => {
    expect(edgesCsv(graph)).toBe(
      [
        "Source,Target,Type,Id,Label,Agency,Handling,Date",
        "Case:c1,PHONE:+447700900101,Undirected,e1,mentions,POLICE,AMBER,2025-02-03",
        "FiuReport:f1,PHONE:+447700900101,Undirected,e2,mentions,FIU,RED,",
        "",
      ].join("\r\n"),
    );
  });

  it("neutralises spreadsheet formulas but keeps phone numbers as they are", () => {
    expect(csvCell("+447700900101")).toBe("+447700900101");
    expect(csvCell("-1")).toBe("-1");
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });
});

describe("GraphML export", () => {
  it("writes typed keys and every node and edge with its handling code", () => {
    expect(toGraphML(graph)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>',
        '  <key id="n_agency" for="node" attr.name="agency" attr.type="string"/>',
        '  <key id="n_handling" for="node" attr.name="handling" attr.type="string"/>',
        '  <key id="n_restricted" for="node" attr.name="restricted" attr.type="boolean"/>',
        '  <key id="n_recordType" for="node" attr.name="recordType" attr.type="string"/>',
        '  <key id="n_recordId" for="node" attr.name="recordId" attr.type="string"/>',
        '  <key id="n_date" for="node" attr.name="date" attr.type="string"/>',
        '  <key id="n_depth" for="node" attr.name="depth" attr.type="int"/>',
        '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
        '  <key id="e_agency" for="edge" attr.name="agency" attr.type="string"/>',
        '  <key id="e_handling" for="edge" attr.name="handling" attr.type="string"/>',
        '  <key id="e_date" for="edge" attr.name="date" attr.type="string"/>',
        '  <graph id="liaison" edgedefault="undirected">',
        '    <node id="PHONE:+447700900101"><data key="n_label">+447700900101</data><data key="n_kind">PHONE</data><data key="n_handling">RED</data><data key="n_restricted">false</data><data key="n_depth">0</data></node>',
        '    <node id="Case:c1"><data key="n_label">LANTERN, &quot;shop&quot;</data><data key="n_kind">Case</data><data key="n_agency">POLICE</data><data key="n_handling">AMBER</data><data key="n_restricted">false</data><data key="n_recordType">Case</data><data key="n_recordId">c1</data><data key="n_date">2025-02-03</data><data key="n_depth">1</data></node>',
        '    <node id="FiuReport:f1"><data key="n_label">=restricted</data><data key="n_kind">FiuReport</data><data key="n_agency">FIU</data><data key="n_handling">RED</data><data key="n_restricted">true</data><data key="n_recordType">FiuReport</data><data key="n_recordId">f1</data><data key="n_depth">1</data></node>',
        '    <edge id="e1" source="Case:c1" target="PHONE:+447700900101"><data key="e_label">mentions</data><data key="e_agency">POLICE</data><data key="e_handling">AMBER</data><data key="e_date">2025-02-03</data></edge>',
        '    <edge id="e2" source="FiuReport:f1" target="PHONE:+447700900101"><data key="e_label">mentions</data><data key="e_agency">FIU</data><data key="e_handling">RED</data></edge>',
        "  </graph>",
        "</graphml>",
        "",
      ].join("\n"),
    );
  });
});

describe("JSON export", () => {
  it("resolves a handling code for every node and edge", () => {
    const parsed = JSON.parse(toJson(graph, { seeds: [] })) as { nodes: Array<{ handling: string }>; edges: Array<{ handling: string }> };
    expect(parsed.nodes.map((n) => n.handling)).toEqual(["RED", "AMBER", "RED"]);
    expect(parsed.edges.map((e) => e.handling)).toEqual(["AMBER", "RED"]);
  });
});
