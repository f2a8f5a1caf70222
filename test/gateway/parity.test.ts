import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asServiceInput, caseInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";
import { seizures } from "../../subgraphs/customs/index.js";
import { cases } from "../../subgraphs/police/index.js";

/* Calling a subgraph directly never shows more than calling it through the gateway. */

let th: TestHub;
beforeAll(async () => {
  th = await startTestHub();
  const customs = th.hub.subgraphs.customs?.dataSource as DataSource;
  const police = th.hub.subgraphs.police?.dataSource as DataSource;
  for (const handling of ["GREEN", "AMBER", "AMBER_STRICT", "RED"]) {
    await seizures.store(customs, asServiceInput(seizureInput({ reference: `PAR-S-${handling}`, phone: "+447700900195", handling })), th.config);
    await cases.store(police, asServiceInput(caseInput({ reference: `PAR-C-${handling}`, phone: "+447700900195", handling })), th.config);
  }
});
afterAll(async () => {
  await th?.close();
});

const sortErrors = (errors: Array<{ message: string; path?: unknown; extensions?: Record<string, unknown> }> = []) =>
  errors.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code, rule: extensions?.rule })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const CASES: Array<[string, string, string]> = [
  ["customs", "POLICE", `{ seizures(first: 10) { totalCount edges { node { reference handling officerNotes date parties { name birthDate identifiers { kind value } } } } } }`],
  ["police", "CUSTOMS", `{ cases(first: 10) { totalCount edges { node { reference handling title summary informants { name } parties { name } } } } }`],
  ["customs", "POSTAL", `{ seizures(first: 10) { totalCount } }`],
  ["police", "FIU", `{ cases(first: 10) { totalCount } }`],
];

describe("parity: direct calls show no more than the gateway", () => {
  it.each(CASES)("%s answers %s the same directly and through the gateway", async (subgraph, agency, query) => {
    const token = await th.token(agency);
    const viaGateway = await th.query(query, {}, { token });
    const direct = await th.query(query, {}, { token }, th.hub.subgraphs[subgraph]?.url);
    expect(direct.data).toEqual(viaGateway.data);
    expect(sortErrors(direct.errors)).toEqual(sortErrors(viaGateway.errors));
  });
});
