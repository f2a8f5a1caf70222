import type { LiaisonConfig } from "../platform/config.js";
import { Handling, SourceGrade } from "../schema/enums.js";
import { CommodityArea, PlaceType, SeizurePartyRole, TransportMode } from "../subgraphs/customs/seizure/seizure.enums.js";
import { CasePartyRole, CaseStatus } from "../subgraphs/police/case/case.enums.js";
import { PostalCategory } from "../subgraphs/postal/item/item.enums.js";
import { backgroundCases } from "./background/cases.js";
import { backgroundFiuReports } from "./background/fiu-reports.js";
import { backgroundPostalItems } from "./background/postal-items.js";
import { backgroundSeizures } from "./background/seizures.js";
import { missing } from "./coverage.js";
import { checkNetworkCodes, networkRecords } from "./networks/index.js";
import { mergeRecordSets, type RecordSet } from "./records.js";
import { sharedIdentifiers } from "./separation.js";

export const DEFAULT_SEED = 20251126;
export const MAX_SCALE = 1000;

export interface DemoOptions {
  readonly scale?: number;
  readonly seed?: number;
}

/** Checks the options once, so a bad scale or seed fails before anything is written. */
export function resolveOptions(options: DemoOptions = {}): { seed: number; scale: number } {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE) throw new RangeError(`demo scale must be an integer from 1 to ${MAX_SCALE}, got ${scale}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`demo seed must be an integer from 0 to 4294967295, got ${seed}`);
  return { seed, scale };
}

/**
 * The whole demo data set as write-service inputs: the planted networks (fixed), then the
 * background (from seed and scale). Pure: same config, seed and scale give the same inputs.
 */
export function planDemo(config: LiaisonConfig, options: DemoOptions = {}): RecordSet {
  const { seed, scale } = resolveOptions(options);
  checkNetworkCodes(config);
  const planted = networkRecords();
  const settings = { seed, scale, config };
  const background: RecordSet = {
    seizures: backgroundSeizures(settings, planted.seizures),
    cases: backgroundCases(settings),
    fiuReports: backgroundFiuReports(settings),
    postalItems: backgroundPostalItems(settings),
  };
  // A background record naming a planted identifier would blur the network (and its demo query).
  const shared = sharedIdentifiers(planted, background);
  if (shared.length > 0) throw new Error(`demo background reuses planted identifiers: ${shared.join(", ")}`);
  const plan = mergeRecordSets(planted, background);
  checkPlan(plan, config);
  return plan;
}

/** What the plan must hold: unique references, seized items the post knows, and every enum value. */
export function checkPlan(plan: RecordSet, config: LiaisonConfig): void {
  const problems: string[] = [];
  for (const [kind, records] of Object.entries(plan) as Array<[string, ReadonlyArray<{ reference: string }>]>) {
    const seen = new Set<string>();
    for (const { reference } of records) {
      if (seen.has(reference)) problems.push(`${kind}: reference ${reference} twice`);
      seen.add(reference);
    }
  }
  const itemIds = new Set(plan.postalItems.map((item) => item.itemId));
  if (itemIds.size !== plan.postalItems.length) problems.push("postal items: an S10 id is used twice");
  for (const seizure of plan.seizures) {
    for (const id of seizure.postalItems ?? []) if (!itemIds.has(id)) problems.push(`seizure ${seizure.reference} lists ${id}, which the postal data lacks`);
  }
  const all = [...plan.seizures, ...plan.cases, ...plan.fiuReports, ...plan.postalItems];
  const coverage: Array<[string, readonly string[], Iterable<string>]> = [
    ["Handling", Object.values(Handling), all.map((r) => r.handling)],
    ["SourceGrade", Object.values(SourceGrade), all.map((r) => r.sourceGrade)],
    ["TransportMode", Object.values(TransportMode), plan.seizures.map((s) => s.transportMode)],
    ["PlaceType", Object.values(PlaceType), plan.seizures.map((s) => s.placeType)],
    ["CommodityArea", Object.values(CommodityArea), plan.seizures.flatMap((s) => s.commodities.map((c) => c.area))],
    ["SeizurePartyRole", Object.values(SeizurePartyRole), plan.seizures.flatMap((s) => (s.parties ?? []).map((p) => p.role))],
    ["CasePartyRole", Object.values(CasePartyRole), plan.cases.flatMap((c) => (c.parties ?? []).map((p) => p.role))],
    ["CaseStatus", Object.values(CaseStatus), plan.cases.map((c) => c.status ?? CaseStatus.OPEN)],
    ["PostalCategory", Object.values(PostalCategory), plan.postalItems.map((p) => p.category)],
    ["FIU report code", config.codes.fiuReport, plan.fiuReports.map((r) => r.reportCode)],
  ];
  for (const [name, values, seen] of coverage) {
    const lacking = missing(values, seen);
    if (lacking.length > 0) problems.push(`no ${name} ${lacking.join(", ")}`);
  }
  if (problems.length > 0) throw new Error(`demo plan is inconsistent: ${problems.slice(0, 10).join("; ")}`);
}
