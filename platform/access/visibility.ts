import { isVisible } from "../../policies/index.js";
import type { AccessContext } from "./access-context.js";
import type { Reachability } from "./reachability.js";

const isObj = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Records the caller may not know exist are dropped from lists and become null (= not found). */
export function hideInvisible(value: unknown, type: string, access: AccessContext): unknown {
  if (Array.isArray(value)) return value.filter((item) => visible(item, type, access));
  if (value === null || value === undefined) return value;
  // A single record (a list's edge node, a look-up): no closure, asked once per row of a list.
  return visible(value, type, access) ? value : null;
}

/** The record's envelope is kept: its fields are decided on the same one next. */
const visible = (item: unknown, type: string, access: AccessContext): boolean =>
  isObj(item) && isVisible(access.visibilityOf(type), access.envelopeOfRecord(type, item), access.subject);

/**
 * The answer to `_entities` (the gateway's joins, or anyone calling the subgraph directly): an
 * entity of a type the caller cannot reach through the graph's entry points is null, and so is a
 * record the caller may not know exists, exactly as on every other path.
 */
export function filterEntity(item: unknown, access: AccessContext, recordTypes: ReadonlySet<string>, reachability: Reachability): unknown {
  const typename = isObj(item) ? item.__typename : undefined;
  if (typeof typename !== "string") return item;
  if (!reachability.reachable(access.policy).has(typename)) return null;
  return recordTypes.has(typename) ? hideInvisible(item, typename, access) : item;
}
