import type { RecordSet } from "../records.js";

/** A cross-agency network planted in the demo data, with what to look up to find it. */
export interface PlantedNetwork {
  readonly id: string;
  readonly title: string;
  /** Two or three sentences: what happened and which agencies hold which part. */
  readonly story: string;
  /** Identifiers to try, human readable (e.g. "phone +447700900101"). */
  readonly identifiers: readonly string[];
  /**
   * A GraphQL query through the gateway that shows the network with its demo token (the demo notes
   * name the agency, clearance and operation); what it returns depends on the caller's policy.
   */
  readonly tryQuery: string;
}

/** A network with its fixed records and the configured codes those records need. */
export interface NetworkDefinition {
  readonly network: PlantedNetwork;
  readonly codes: { readonly commodity?: readonly string[]; readonly offence?: readonly string[]; readonly fiuReport?: readonly string[] };
  /** Built on each call: the records are fixed (no seed, no clock), but callers may not share them. */
  records(): RecordSet;
}

/** A fixed time on a fixed day, for inputs that take a date-time. */
export const at = (dateTime: string): Date => new Date(`${dateTime}Z`);
