/** Records of the demo data set per agency (present after seeding, whether written now or before). */
export interface SeedSummary {
  seizures: number;
  cases: number;
  fiuReports: number;
  postalItems: number;
  networks: number;
}

/** "162 seizures, 55 cases, 43 FIU reports, 260 postal items, 6 planted networks" */
export const formatSummary = (s: SeedSummary): string =>
  `${s.seizures} seizures, ${s.cases} cases, ${s.fiuReports} FIU reports, ${s.postalItems} postal items, ${s.networks} planted networks`;
