import type { Agency, Handling } from "../../../schema/enums.js";
import { RECORD_NODE_KINDS, RESTRICTED_KIND, type LinkEdge, type LinkNode } from "./link-graph.type.js";
import { hitNodeId, recordNodeId, type HopRecord } from "./hop.js";
import { identNodeId, type Ident } from "./seeds.js";

/** TLP order, least to most restrictive: an edge carries the most restrictive handling of the records it came from. */
const HANDLING_ORDER = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"];
const mostRestrictive = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : HANDLING_ORDER.indexOf(a) >= HANDLING_ORDER.indexOf(b) ? a : b;

const TYPE_LABELS: Record<HopRecord["type"], string> = { Seizure: "seizure", Case: "case", FiuReport: "FIU report", PostalItem: "postal item" };

/** A label from what the caller was served only. */
function recordLabel(record: HopRecord): string {
  if (record.reference) return record.detail ? `${record.reference}: ${record.detail}` : record.reference;
  return `${record.agency ?? "?"} ${TYPE_LABELS[record.type]}${record.handling ? ` (${record.handling})` : ""}`;
}

const HIT_LABELS = { FIU: "FIU holds information", CUSTOMS: "Customs hold information" } as const;

/** Nodes and edges found so far, each once, in the order found. */
export class GraphBuilder {
  readonly nodes = new Map<string, LinkNode>();
  readonly edges = new Map<string, LinkEdge>();

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  addIdentifier(ident: Ident, depth: number): string {
    const id = identNodeId(ident);
    if (!this.nodes.has(id)) {
      this.nodes.set(id, {
        id,
        kind: ident.kind,
        label: ident.kind === "TRAVEL_DOCUMENT" || ident.kind === "VEHICLE" || ident.kind === "COMPANY" ? ident.value.replace(":", " ") : ident.value,
        agency: null,
        restricted: false,
        handling: null,
        recordType: null,
        recordId: null,
        identifier: { kind: ident.kind, value: ident.value },
        date: null,
        depth,
      });
    }
    return id;
  }

  addRecord(record: HopRecord, depth: number): string {
    const id = recordNodeId(record);
    if (!this.nodes.has(id)) {
      this.nodes.set(id, {
        id,
        kind: RECORD_NODE_KINDS[record.type],
        label: recordLabel(record),
        agency: record.agency as Agency | null,
        restricted: false,
        handling: record.handling as Handling | null,
        recordType: record.type,
        recordId: record.id,
        identifier: null,
        date: record.date,
        depth,
      });
    }
    return id;
  }

  /** "This agency holds something here": no content, the contact point only where the caller was served it. */
  addHit(agency: "FIU" | "CUSTOMS", contactPoint: string | null, ident: Ident, depth: number): string {
    const id = hitNodeId(agency, ident);
    if (!this.nodes.has(id)) {
      this.nodes.set(id, {
        id,
        kind: RESTRICTED_KIND,
        label: contactPoint ? `${HIT_LABELS[agency]} — contact: ${contactPoint}` : HIT_LABELS[agency],
        agency: agency as Agency,
        restricted: true,
        handling: null,
        recordType: null,
        recordId: null,
        identifier: null,
        date: null,
        depth,
      });
    }
    return id;
  }

  /** record —MENTIONS→ identifier. */
  addMention(record: HopRecord, ident: Ident): void {
    const source = recordNodeId(record);
    const target = identNodeId(ident);
    const id = `${source}>${target}`;
    const existing = this.edges.get(id);
    if (existing) {
      existing.handling = mostRestrictive(existing.handling, record.handling) as Handling | null;
      return;
    }
    this.edges.set(id, { id, source, target, kind: "MENTIONS", agency: record.agency as Agency | null, date: record.date, handling: record.handling as Handling | null });
  }

  /** identifier —HIT→ restricted node; the restricted records' handling is unknown to the caller. */
  addHitEdge(agency: "FIU" | "CUSTOMS", ident: Ident): void {
    const source = identNodeId(ident);
    const target = hitNodeId(agency, ident);
    const id = `${source}>${target}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, kind: "HIT", agency: agency as Agency, date: null, handling: null });
  }

  /** Edges whose both ends are nodes (a node left out by maxNodes takes its edges with it). */
  edgeList(): LinkEdge[] {
    return [...this.edges.values()].filter((edge) => this.nodes.has(edge.source) && this.nodes.has(edge.target));
  }
}
