/*
 * Stand-in used ONLY while the hub has no linkGraph/linkPath (the links subgraph's expansion is
 * being built): the console draws the records around each seed from the ordinary identifier
 * look-ups (phone(e164:), bankAccount(iban:), ...), made as the signed-in caller, so every node
 * still obeys the caller's policies. Depth 2 at most, no truncation. Removed once linkGraph lands.
 */
import { graphql } from "./api.js";
import type { Session } from "./session.js";
import type { IdentifierInput, IdentifierKind } from "./identifiers.js";
import { EMPTY_GRAPH, mergeGraphs, type Agency, type Handling, type LinkEdge, type LinkGraph, type LinkNode } from "./graph.js";
import { shortestPaths } from "./paths.js";

const IDS = "phones { e164 } emails { address } bankAccounts { iban } travelDocuments { country number } vehicles { country plate } companies { country registrationNumber } containers { number } postalItems { itemId }";
const RECORDS: ReadonlyArray<[field: string, type: string, fields: string]> = [
  ["seizures", "Seizure", `id originAgency handling reference date ${IDS}`],
  ["cases", "Case", `id originAgency handling reference openedAt title ${IDS}`],
  ["fiuReports", "FiuReport", `id originAgency handling reference submittedAt ${IDS}`],
  ["postalItems", "PostalItem", `id itemId originAgency handling reference postedAt ${IDS}`],
];
const WITH_FIU_HIT: ReadonlySet<IdentifierKind> = new Set(["PHONE", "IBAN", "TRAVEL_DOCUMENT", "COMPANY"]);

function lookup(seed: IdentifierInput): { field: string; args: string } {
  const [country, number] = seed.value.split(":");
  const s = (value: string | undefined) => JSON.stringify(value ?? "");
  switch (seed.kind) {
    case "PHONE": return { field: "phone", args: `e164: ${s(seed.value)}` };
    case "EMAIL": return { field: "email", args: `address: ${s(seed.value)}` };
    case "IBAN": return { field: "bankAccount", args: `iban: ${s(seed.value)}` };
    case "TRAVEL_DOCUMENT": return { field: "travelDocument", args: `country: ${s(country)}, number: ${s(number)}` };
    case "VEHICLE": return { field: "vehicle", args: `country: ${s(country)}, plate: ${s(number)}` };
    case "COMPANY": return { field: "company", args: `country: ${s(country)}, registrationNumber: ${s(number)}` };
    case "POSTAL_ITEM": return { field: "postalItem", args: `itemId: ${s(seed.value)}` };
    case "CONTAINER": return { field: "container", args: `number: ${s(seed.value)}` };
  }
}

type Row = Record<string, unknown>;
const identifierOf = (list: string, item: Row): IdentifierInput | null => {
  switch (list) {
    case "phones": return { kind: "PHONE", value: String(item.e164) };
    case "emails": return { kind: "EMAIL", value: String(item.address) };
    case "bankAccounts": return { kind: "IBAN", value: String(item.iban) };
    case "travelDocuments": return { kind: "TRAVEL_DOCUMENT", value: `${item.country}:${item.number}` };
    case "vehicles": return { kind: "VEHICLE", value: `${item.country}:${item.plate}` };
    case "companies": return { kind: "COMPANY", value: `${item.country}:${item.registrationNumber}` };
    case "containers": return { kind: "CONTAINER", value: String(item.number) };
    case "postalItems": return item.itemId ? { kind: "POSTAL_ITEM", value: String(item.itemId) } : null;
    default: return null;
  }
};

const identifierNode = (id: IdentifierInput, depth: number): LinkNode => ({
  id: `${id.kind}:${id.value}`, kind: id.kind, label: id.value.replace(":", " "), agency: null, restricted: false, handling: null, recordType: null, recordId: null, date: null, depth,
});

/** One seed's records and their identifiers, in one request. */
async function expandSeed(session: Session, seed: IdentifierInput): Promise<{ graph: LinkGraph; warnings: string[] }> {
  const { field, args } = lookup(seed);
  const lists = RECORDS.filter(([list]) => !(seed.kind === "POSTAL_ITEM" && list === "postalItems")).map(([list, , fields]) => `${list} { ${fields} }`);
  const hit = WITH_FIU_HIT.has(seed.kind) ? " fiuHit { hit contactPoint }" : "";
  const answer = await graphql<Record<string, Row | null>>(session, `{ seed: ${field}(${args}) { ${lists.join(" ")}${hit} } }`);
  const root = answer.data?.seed ?? null;
  const seedNode = identifierNode(seed, 0);
  const nodes: LinkNode[] = [seedNode];
  const edges: LinkEdge[] = [];
  if (root) {
    for (const [list, type] of RECORDS) {
      for (const record of (root[list] as Row[] | null) ?? []) {
        const recordId = String(type === "PostalItem" ? (record.itemId ?? record.id) : record.id);
        const id = `${type}:${recordId}`;
        const handling = (record.handling as Handling | null) ?? null;
        const agency = (record.originAgency as Agency | null) ?? null;
        const date = (record.date ?? record.openedAt ?? record.submittedAt ?? record.postedAt ?? null) as string | null;
        const restricted = record.reference === null || record.reference === undefined;
        const label = restricted ? `${type} (restricted)` : String(record.title ?? record.reference);
        nodes.push({ id, kind: type, label, agency, restricted, handling, recordType: type, recordId, date: date ? String(date).slice(0, 10) : null, depth: 1 });
        edges.push({ id: `${id}|${seedNode.id}`, source: id, target: seedNode.id, kind: "mentions", agency, date: date ? String(date).slice(0, 10) : null, handling });
        for (const idList of ["phones", "emails", "bankAccounts", "travelDocuments", "vehicles", "companies", "containers", "postalItems"]) {
          for (const item of (record[idList] as Row[] | null) ?? []) {
            const other = identifierOf(idList, item);
            if (!other) continue;
            const node = identifierNode(other, 2);
            if (node.id === seedNode.id) continue;
            nodes.push(node);
            edges.push({ id: `${id}|${node.id}`, source: id, target: node.id, kind: "mentions", agency, date: null, handling });
          }
        }
      }
    }
    const fiuHit = root.fiuHit as { hit?: boolean; contactPoint?: string } | null | undefined;
    if (fiuHit?.hit) {
      const id = `FiuHit:${seedNode.id}`;
      nodes.push({ id, kind: "FiuReport", label: `FIU hit${fiuHit.contactPoint ? `: ${fiuHit.contactPoint}` : ""}`, agency: "FIU", restricted: true, handling: null, recordType: null, recordId: null, date: null, depth: 1 });
      edges.push({ id: `${id}|${seedNode.id}`, source: id, target: seedNode.id, kind: "hit", agency: "FIU", date: null, handling: null });
    }
  }
  return { graph: mergeGraphs(EMPTY_GRAPH, { nodes, edges, truncated: false }), warnings: answer.errors.filter((e) => e.extensions?.code !== "FORBIDDEN").map((e) => e.message) };
}

export async function mockLinkGraph(session: Session, seeds: readonly IdentifierInput[]): Promise<{ graph: LinkGraph; warnings: string[] }> {
  let graph = EMPTY_GRAPH;
  const warnings: string[] = [];
  for (const seed of seeds) {
    const part = await expandSeed(session, seed);
    graph = mergeGraphs(graph, part.graph);
    warnings.push(...part.warnings);
  }
  return { graph, warnings };
}

export async function mockLinkPath(session: Session, from: IdentifierInput, to: IdentifierInput): Promise<{ graph: LinkGraph; warnings: string[]; paths: string[][] }> {
  const { graph, warnings } = await mockLinkGraph(session, [from, to]);
  const paths = shortestPaths(graph, `${from.kind}:${from.value}`, `${to.kind}:${to.value}`);
  const onPath = new Set(paths.flat());
  return {
    graph: { nodes: graph.nodes.filter((node) => onPath.has(node.id)), edges: graph.edges.filter((edge) => onPath.has(edge.source) && onPath.has(edge.target)), truncated: false },
    warnings,
    paths,
  };
}
