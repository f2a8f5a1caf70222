import type { LiaisonConfig } from "../platform/config.js";
import type { RunningHub } from "../hub/start-hub.js";
import { registerOperations, type JointOperation } from "../platform/operations/index.js";
import { PLANTED_NETWORKS } from "./networks/index.js";
import { planDemo, resolveOptions, type DemoOptions } from "./plan.js";
import { formatSummary, type SeedSummary } from "./summary.js";
import { writePlan, type SeedTargets } from "./write.js";

export type { SeedTargets } from "./write.js";
export type { SeedSummary } from "./summary.js";
export type { PlantedNetwork } from "./networks/index.js";
export { PLANTED_NETWORKS } from "./networks/index.js";

/**
 * Seeds the four agency databases with background records and the planted networks, through
 * each agency's write service. Deterministic (seed and scale decide everything; nothing depends
 * on the clock) and idempotent (a second run finds every reference with the same content and
 * adds nothing). A larger scale appends records to a smaller one's. Defaults: seed 20251126, scale 1.
 */
export async function seedDemo(targets: SeedTargets, config: LiaisonConfig, options: DemoOptions = {}): Promise<SeedSummary> {
  const plan = planDemo(config, resolveOptions(options));
  await writePlan(targets, plan, config);
  return {
    seizures: plan.seizures.length,
    cases: plan.cases.length,
    fiuReports: plan.fiuReports.length,
    postalItems: plan.postalItems.length,
    networks: PLANTED_NETWORKS.length,
  };
}

/**
 * The joint operations the demo records belong to (planted networks and background records),
 * with the agencies whose records carry them. Fictional; valid from 2025 with no end.
 */
export const DEMO_OPERATIONS: readonly JointOperation[] = [
  { id: "OP-LANTERN", name: "Lantern: NPS parcels from an online shop", memberAgencies: ["CUSTOMS", "POLICE", "POSTAL"], validFrom: "2025-01-01", validTo: null },
  { id: "OP-COURIER", name: "Courier: cash couriers to Dubai", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null },
  { id: "OP-REEFER", name: "Reefer: cocaine in reefer containers", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null },
  // Background: customs sea and road seizures and police cases share these; postal operators are not members.
  { id: "OP-HARBOUR", name: "Harbour: port crime", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null },
  { id: "OP-MERIDIAN", name: "Meridian: sea and passenger smuggling", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null },
  { id: "OP-KESTREL", name: "Kestrel: road freight", memberAgencies: ["CUSTOMS", "POLICE"], validFrom: "2025-01-01", validTo: null },
  { id: "OP-SKYNET-25", name: "Skynet 2025: postal and express consignments", memberAgencies: ["CUSTOMS", "POSTAL"], validFrom: "2025-01-01", validTo: null },
];

/** Registers the demo's joint operations in the hub (ids already there are left alone) and refreshes the registry. */
export async function seedDemoOperations(hub: RunningHub): Promise<void> {
  await registerOperations(hub.gateway.hubDataSource, DEMO_OPERATIONS);
  await hub.operations.refresh();
}

/** Seeds when the customs database holds no seizure yet; returns a one-line summary, or null when data was already there. */
export async function seedDemoIfEmpty(hub: RunningHub, config: LiaisonConfig): Promise<string | null> {
  const source = (name: keyof SeedTargets) => {
    const dataSource = hub.subgraphs[name]?.dataSource;
    if (!dataSource) throw new Error(`demo data: the hub runs no ${name} database`);
    return dataSource;
  };
  const targets: SeedTargets = { customs: source("customs"), police: source("police"), fiu: source("fiu"), postal: source("postal") };
  // The operations live in the hub database: registered even when agency data was seeded by `npm run seed`.
  await seedDemoOperations(hub);
  const [{ present }] = (await targets.customs.query(`SELECT EXISTS (SELECT 1 FROM "seizure") AS "present"`)) as [{ present: boolean }];
  if (present) return null;
  const started = performance.now();
  const summary = await seedDemo(targets, config, { scale: config.seedScale });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `${formatSummary(summary)} (scale ${config.seedScale}, ${seconds}s); try ${PLANTED_NETWORKS.map((n) => n.id).join(", ")}`;
}
