import type { RecordEnvelope } from "../../policies/index.js";
import type { AccessContext } from "./access-context.js";

const isObj = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * Hands a record's envelope to the nested objects one of its fields returned (parties, lines,
 * events), so that rules on those objects' fields can read the record's handling and origin.
 * Bounded depth: values are small trees.
 */
export function passOn(value: unknown, envelope: RecordEnvelope, access: AccessContext, depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) passOn(item, envelope, access, depth + 1);
    return;
  }
  if (isObj(value) && !(value instanceof Date)) access.envelopes.set(value, envelope);
}
