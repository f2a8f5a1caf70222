import { describe, expect, it } from "vitest";
import { effectiveHandling, filterGraph, mergeGraphs, NO_FILTER, type LinkEdge, type LinkGraph, type LinkNode } from "../../web/src/lib/graph.js";
import { fieldViews, recordQuery, recordRoot } from "../../web/src/lib/records.js";
import { problemLines } from "../../web/src/lib/yaml-lines.js";

const node = (id: string, extra: Partial<LinkNode> = {}): LinkNode => ({
  id, kind: "PHONE", label: id, agency: null, restricted: false, handling: null, recordType: null, recordId: null, date: null, depth: 0, ...extra,
});
const edge = (source: string, target: string, extra: Partial<LinkEdge> = {}): LinkEdge => ({
  id: `${source}|${target}`, source, target, kind: "mentions", agency: null, date: null, handling: null, ...extra,
});

describe("graph merge", () => {
  it("adds an expansion's nodes and edges once, keeping the smaller depth and the newer fields", () => {
    const base: LinkGraph = { nodes: [node("p"), node("c", { depth: 1, label: "old" })], edges: [edge("c", "p")], truncated: false };
    const added: LinkGraph = { nodes: [node("c", { depth: 3, label: "new" }), node("s", { depth: 4 })], edges: [edge("c", "p"), edge("s", "c")], truncated: true };
    const merged = mergeGraphs(base, added);
    expect(merged.nodes).toEqual([node("p"), node("c", { depth: 1, label: "new" }), node("s", { depth: 4 })]);
    expect(merged.edges.map((e) => e.id)).toEqual(["c|p", "s|c"]);
    expect(merged.truncated).toBe(true);
  });
});

describe("graph filters", () => {
  const graph: LinkGraph = {
    nodes: [node("p"), node("a", { kind: "Seizure", agency: "CUSTOMS", date: "2025-03-01" }), node("b", { kind: "Case", agency: "POLICE", date: "2024-01-10" })],
    edges: [edge("a", "p", { agency: "CUSTOMS" }), edge("b", "p", { agency: "POLICE" })],
    truncated: false,
  };

  it("hides an agency's records and the edges that reach them", () => {
    const shown = filterGraph(graph, { ...NO_FILTER, hiddenAgencies: new Set(["POLICE"]) });
    expect(shown.nodes.map((n) => n.id)).toEqual(["p", "a"]);
    expect(shown.edges.map((e) => e.id)).toEqual(["a|p"]);
  });

  it("keeps undated nodes and drops dated ones outside the range", () => {
    expect(filterGraph(graph, { ...NO_FILTER, from: "2025-01-01", to: "2025-12-31" }).nodes.map((n) => n.id)).toEqual(["p", "a"]);
  });

  it("hides a kind", () => {
    expect(filterGraph(graph, { ...NO_FILTER, hiddenKinds: new Set(["Case"]) }).nodes.map((n) => n.id)).toEqual(["p", "a"]);
  });
});

describe("handling on derived nodes", () => {
  it("gives an identifier the most restrictive code of the records that show it", () => {
    const edges = [edge("a", "p", { handling: "GREEN" }), edge("b", "p", { handling: "AMBER_STRICT" })];
    expect(effectiveHandling(node("p"), edges)).toBe("AMBER_STRICT");
    expect(effectiveHandling(node("q"), edges)).toBe("CLEAR");
    expect(effectiveHandling(node("a", { handling: "RED" }), edges)).toBe("RED");
  });
});

describe("record detail", () => {
  it("shows withheld fields with the rule of their FORBIDDEN error, and masked values as masked", () => {
    const record = { id: "c1", title: "LANTERN", summary: null, bankAccounts: null, parties: [{ name: "J. D." }], phones: [] };
    const errors = [
      { message: "denied", path: ["case", "summary"], extensions: { code: "FORBIDDEN", rule: "case-summary-own-agency" } },
      { message: "denied", path: ["case", "parties", 0, "birthDate"], extensions: { code: "FORBIDDEN", rule: "default-deny" } },
      { message: "other", path: ["seizure", "x"], extensions: { code: "FORBIDDEN", rule: "r" } },
    ];
    const views = fieldViews({ ...record, iban: "******************1234" }, errors, "case");
    expect(views.find((v) => v.name === "summary")).toMatchObject({ state: "withheld", rule: "case-summary-own-agency" });
    expect(views.find((v) => v.name === "parties")).toMatchObject({ state: "shown", nested: [{ path: "parties.0.birthDate", rule: "default-deny" }] });
    expect(views.find((v) => v.name === "iban")).toMatchObject({ state: "masked" });
    expect(views.find((v) => v.name === "phones")).toMatchObject({ state: "empty" });
  });
});

describe("policy problems beside the YAML", () => {
  it("places a rules[n] problem on the line where that rule starts", () => {
    const yaml = ["id: customs", "rules:", "  - id: a", "    effect: allow", "  - id: b", "    effect: nope", ""].join("\n");
    const placed = problemLines(yaml, ["customs.yaml: rules[1] (b): effect must be one of allow, deny, mask", "a set problem"]);
    expect(placed.get(5)).toEqual(["customs.yaml: rules[1] (b): effect must be one of allow, deny, mask"]);
    expect(placed.get(0)).toEqual(["a set problem"]);
  });
});

describe("policy problems beside the hub's YAML", () => {
  it("places a named rule's problem on the key it names", () => {
    const yaml = ["rules:", "  - id: fiu.a", "    effect: allow", "  - id: fiu.b", "    target:", "      - Phone.e164", "    effect: nope", ""].join("\n");
    const placed = problemLines(yaml, ['40-fiu.yaml: rule "fiu.b": effect must be one of allow, deny, mask', '40-fiu.yaml: rule "fiu.a": needs a when']);
    expect([...placed.entries()]).toEqual([[7, ['40-fiu.yaml: rule "fiu.b": effect must be one of allow, deny, mask']], [2, ['40-fiu.yaml: rule "fiu.a": needs a when']]]);
  });
});

describe("reading a record by its id", () => {
  it("reads a postal item through the item numbers its node is linked to, and picks the one with its id", () => {
    const request = recordQuery("PostalItem", "uuid-2", ["LX990101013CN", "LX990101027CN", "LX990101013CN"]);
    expect(request?.roots).toEqual(["p0", "p1"]);
    expect(request?.variables).toEqual({ p0: "LX990101013CN", p1: "LX990101027CN" });
    expect(request?.query).toMatch(/^query Record\(\$p0: String!, \$p1: String!\) \{ p0: postalItem\(itemId: \$p0\) \{ itemId id /);
    expect(recordRoot({ p0: { id: "uuid-1" }, p1: { id: "uuid-2" } }, ["p0", "p1"], "uuid-2")).toBe("p1");
    expect(recordRoot({ p0: null, p1: null }, ["p0", "p1"], "uuid-2")).toBeNull();
  });

  it("reads the other records by id", () => {
    expect(recordQuery("Case", "c1")).toMatchObject({ roots: ["case"], variables: { id: "c1" } });
    expect(recordQuery("PostalItem", "uuid", [])).toBeNull();
    expect(recordRoot(null, ["seizure"], "s1")).toBe("seizure");
  });
});
