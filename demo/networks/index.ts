import type { LiaisonConfig } from "../../platform/config.js";
import { mergeRecordSets, type RecordSet } from "../records.js";
import { aerotek } from "./aerotek.js";
import { courier } from "./courier.js";
import { echo } from "./echo.js";
import { lantern } from "./lantern.js";
import { pillbox } from "./pillbox.js";
import { reefer } from "./reefer.js";
import type { NetworkDefinition, PlantedNetwork } from "./types.js";

export type { PlantedNetwork } from "./types.js";

/** Network n uses phones +447700900n01..n99 and references starting with its id. */
const DEFINITIONS: readonly NetworkDefinition[] = [lantern, courier, aerotek, reefer, echo, pillbox];

export const PLANTED_NETWORKS: readonly PlantedNetwork[] = Object.freeze(DEFINITIONS.map((d) => Object.freeze({ ...d.network, identifiers: Object.freeze([...d.network.identifiers]) })));

/** Fails with the exact missing codes when a deployment's code lists cannot carry the networks. */
export function checkNetworkCodes(config: LiaisonConfig): void {
  const problems: string[] = [];
  for (const { network, codes } of DEFINITIONS) {
    const lists = [
      ["COMMODITY_CODES", codes.commodity ?? [], config.codes.commodity],
      ["OFFENCE_CODES", codes.offence ?? [], config.codes.offence],
      ["FIU_REPORT_CODES", codes.fiuReport ?? [], config.codes.fiuReport],
    ] as const;
    for (const [name, needed, configured] of lists) {
      const lacking = needed.filter((code) => !configured.includes(code));
      if (lacking.length > 0) problems.push(`${network.id} needs ${name} ${lacking.join(", ")}`);
    }
  }
  if (problems.length > 0) throw new Error(`demo data cannot be planted with the configured code lists: ${problems.join("; ")}`);
}

/** Every planted network's records, in network order. */
export const networkRecords = (): RecordSet => mergeRecordSets(...DEFINITIONS.map((d) => d.records()));
