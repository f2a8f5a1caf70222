import { Agency } from "../../schema/enums.js";
import { defineRecordSubgraph } from "../../platform/records/index.js";
import { CreateSeizures1764115200000 } from "./migrations/1764115200000-create-seizures.js";
import { PostalItemCustomsHitResolver } from "./seizure/seizure.hit.js";
import { seizures } from "./seizure/seizure.record.js";
import { SeizedObjectsResolver } from "./seizure/seizure.seized.js";

export { seizures } from "./seizure/seizure.record.js";
export { prepareSeizure } from "./seizure/seizure.rules.js";
export type { RecordSeizureInput } from "./seizure/seizure.input.js";

/** Customs: seizures (WCO CEN-like), in the customs database. */
export const customs = defineRecordSubgraph({
  name: "customs",
  agency: Agency.CUSTOMS,
  record: seizures,
  migrations: [CreateSeizures1764115200000],
  extra: (kit) => [PostalItemCustomsHitResolver(kit), SeizedObjectsResolver],
});
