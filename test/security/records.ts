import type { DataSource } from "typeorm";
import { asServiceInput, caseInput, fiuReportInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import type { GraphQLResponse, TestHub } from "../helpers/hub.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { fiuReports } from "../../subgraphs/fiu/index.js";
import { cases } from "../../subgraphs/police/index.js";
import { postalItems } from "../../subgraphs/postal/index.js";

/*
 * Records the security tests attack, stored through each agency's own service (not through the
 * gateway, so no caller's rights are needed to plant them): one GREEN and one RED record per agency.
 */

export type Planted = Record<"seizure" | "case" | "report" | "item", { green: string; red: string }>;

export const dataSourceOf = (th: TestHub, name: string): DataSource => th.hub.subgraphs[name]?.dataSource as DataSource;

export async function plantRecords(th: TestHub, prefix: string, phone: string): Promise<Planted> {
  const o = (handling: string, extra = "") => ({ reference: `${prefix}-${handling}${extra}`, phone, handling, date: "2025-06-01" });
  const pair = async (store: (handling: string) => Promise<{ record: { id: string } }>) => ({ green: (await store("GREEN")).record.id, red: (await store("RED")).record.id });
  return {
    seizure: await pair((h) => seizures.store(dataSourceOf(th, "customs"), asServiceInput(seizureInput(o(h, "-S"))), th.config)),
    case: await pair((h) => cases.store(dataSourceOf(th, "police"), asServiceInput(caseInput(o(h, "-C"))), th.config)),
    report: await pair((h) => fiuReports.store(dataSourceOf(th, "fiu"), asServiceInput(fiuReportInput(o(h, "-F"))), th.config)),
    item: await pair((h) => postalItems.store(dataSourceOf(th, "postal"), asServiceInput(postalItemInput({ ...o(h, "-P"), itemId: h === "RED" ? "RR100000048NL" : "RR100000051NL" })), th.config)),
  };
}

/** Each error as path, code and rule: what a refusal decides, without wording other tests pin. */
export const refusals = (r: GraphQLResponse) => (r.errors ?? []).map((e) => [(e.path ?? []).join("."), e.extensions?.code, e.extensions?.rule]);

/** A random, well-formed id that names no record. */
export const MISSING_ID = "00000000-0000-4000-8000-00000000beef";
