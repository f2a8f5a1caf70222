import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

let th: TestHub;
let seq = 0;

beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});

interface Row {
  request_id: string;
  subject: string;
  purpose: string;
  operation_name: string | null;
  root_fields: string[];
  outcome: string;
  error_codes: string[];
}

/** Runs one request under a fresh client request id and returns its request-audit rows. */
async function audited(query: string, variables: Record<string, unknown> = {}, caller: Parameters<TestHub["query"]>[2] = {}) {
  const clientId = `ra-${++seq}`;
  const response = await th.query(query, variables, { ...caller, requestId: clientId });
  const rows = (await th.hub.gateway.hubDataSource.query(
    `SELECT request_id, subject, purpose, operation_name, root_fields, outcome, error_codes FROM request_audit WHERE client_request_id = $1`,
    [clientId],
  )) as Row[];
  return { response, rows: rows.map(({ request_id: _id, ...row }) => row) };
}

const ok = (root_fields: string[], operation_name: string | null = null) => ({
  subject: "police-tester", purpose: "investigation", operation_name, root_fields, outcome: "ok", error_codes: [],
});

describe("request audit: every root field, through every fragment", () => {
  it("records a data field hidden behind __typename and an inline fragment", async () => {
    const { response, rows } = await audited(`{ __typename ... on Query { seizures { totalCount } } }`);
    expect(response.errors).toBeUndefined();
    expect(rows).toEqual([ok(["__typename", "seizures"])]);
  });

  it("records a data field reached through a named fragment", async () => {
    const { rows } = await audited(`query Wrapped { ...Q } fragment Q on Query { __typename seizures { totalCount } }`);
    expect(rows).toEqual([ok(["__typename", "seizures"], "Wrapped")]);
  });

  it("records a mutation wrapped in __typename and an inline fragment", async () => {
    const token = await th.token("CUSTOMS", { roles: ["officer"] });
    const { response, rows } = await audited(
      `mutation($input: RecordSeizureInput!) { __typename ... on Mutation { recordSeizure(input: $input) { id } } }`,
      { input: seizureInput({ reference: "RA-S1", phone: "+447700900601" }) },
      { token },
    );
    expect(response.errors).toBeUndefined();
    expect(rows).toEqual([{ ...ok(["__typename", "recordSeizure"]), subject: "customs-tester" }]);
  });

  it("records both a plain root field and one inside a fragment", async () => {
    const { rows } = await audited(`{ phone(e164: "+447700900601") { e164 } ... on Query { seizures { totalCount } } }`);
    expect(rows).toEqual([ok(["phone", "seizures"])]);
  });

  it("records each root field once, aliases and repeated fragments included", async () => {
    const { rows } = await audited(`{ a: seizures { totalCount } b: seizures { totalCount } ...F ...F } fragment F on Query { seizures { totalCount } }`);
    expect(rows).toEqual([ok(["seizures"])]);
  });

  it("leaves requests for schema metadata alone, however they are wrapped", async () => {
    expect((await audited(`{ __typename }`)).rows).toEqual([]);
    expect((await audited(`{ ... on Query { __typename } ...M } fragment M on Query { __typename }`, {}, { token: null })).rows).toEqual([]);
  });
});

describe("request audit: refused requests", () => {
  const refused = (root_fields: string[], error_codes: string[], extra: Partial<Row> = {}) => ({
    subject: "-", purpose: "investigation", operation_name: null, root_fields, outcome: "refused", error_codes, ...extra,
  });

  it("records a request without a token wrapped in a fragment", async () => {
    const { response, rows } = await audited(`{ __typename ... on Query { seizures { totalCount } } }`, {}, { token: null });
    expect(response.status).toBe(401);
    expect(rows).toEqual([refused(["__typename", "seizures"], ["UNAUTHENTICATED"])]);
  });

  it("records a request with neither token nor purpose, fully refused", async () => {
    const { response, rows } = await audited(`{ seizures { totalCount } }`, {}, { token: null, purpose: null });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(rows).toEqual([refused(["seizures"], ["UNAUTHENTICATED"], { purpose: "-" })]);
  });

  it("records a request refused before GraphQL ran: a body that is not JSON, and one too large", async () => {
    const send = async (clientId: string, body: string) => {
      const response = await fetch(th.hub.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await th.token("CUSTOMS")}`, "x-purpose": "investigation", "x-request-id": clientId },
        body,
      });
      const rows = (await th.hub.gateway.hubDataSource.query(
        `SELECT request_id, subject, agency, purpose, issuer, root_fields, outcome, error_codes FROM request_audit WHERE client_request_id = $1`,
        [clientId],
      )) as Array<Row & { agency: string; issuer: string }>;
      return { status: response.status, requestId: response.headers.get("x-request-id"), rows };
    };
    const expected = (requestId: string | null) => [
      { request_id: requestId, subject: "customs-tester", agency: "CUSTOMS", purpose: "investigation", issuer: "liaison-dev", root_fields: [], outcome: "refused", error_codes: ["BAD_USER_INPUT"] },
    ];
    const notJson = await send("ra-not-json", "{ seizures");
    expect(notJson.status).toBe(400);
    expect(notJson.rows).toEqual(expected(notJson.requestId));
    const tooLarge = await send("ra-too-large", JSON.stringify({ query: `{ seizures { totalCount } }`, variables: { pad: "x".repeat(1_100_000) } }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.rows).toEqual(expected(tooLarge.requestId));
  });

  it("records a mutation without a token wrapped in a named fragment", async () => {
    const { rows } = await audited(
      `mutation M { ...W } fragment W on Mutation { __typename recordSeizure(input: $input) { id } }`,
      { input: seizureInput({ reference: "RA-S2", phone: "+447700900601" }) },
      { token: null },
    );
    // $input is not declared: validation refuses it, and the row still names the mutation.
    expect(rows).toEqual([refused(["__typename", "recordSeizure"], ["BAD_USER_INPUT"], { operation_name: "M" })]);
  });

  it("records a purpose outside the list, bounded", async () => {
    const { response, rows } = await audited(`{ ... on Query { seizures { totalCount } } }`, {}, { purpose: `curiosity-${"x".repeat(200)}` });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(rows).toEqual([{ ...refused(["seizures"], ["BAD_USER_INPUT"]), subject: "police-tester", purpose: `curiosity-${"x".repeat(29)}…` }]);
  });

  it("records a request that fails validation, with its root fields", async () => {
    const { rows } = await audited(`{ seizures { noSuchField } }`, {}, { token: null });
    expect(rows).toEqual([refused(["seizures"], ["BAD_USER_INPUT"])]);
  });

  it("records a request that does not parse, with no root fields", async () => {
    const { response, rows } = await audited(`{ seizures {`, {}, { token: null });
    expect(response.status).toBe(400);
    expect(rows).toEqual([refused([], ["BAD_USER_INPUT"])]);
  });

  it("ends a fragment cycle and still records the fields it reaches", async () => {
    const { response, rows } = await audited(`{ ...A } fragment A on Query { seizures { totalCount } ...B } fragment B on Query { phone(e164: "+447700900601") { e164 } ...A }`);
    expect(response.errors?.[0]?.message).toBe('Cannot spread fragment "A" within itself via "B".');
    expect(rows).toEqual([{ ...refused(["seizures", "phone"], ["BAD_USER_INPUT"]), subject: "police-tester" }]);
  });

  it("records every operation of a document whose operation is not named", async () => {
    const { response, rows } = await audited(`query A { seizures { totalCount } } query B { fiuReports { totalCount } }`, {}, { token: null });
    expect(response.status).toBe(400);
    expect(rows).toEqual([refused(["seizures", "fiuReports"], ["BAD_USER_INPUT"])]);
  });
});

describe("request audit: bounded rows", () => {
  it("caps the operation name at 100 characters and the root fields at 50 names of 64 characters", async () => {
    const long = `f${"x".repeat(199)}`;
    const fields = [long, ...Array.from({ length: 79 }, (_, i) => `f${i}`)];
    const { rows } = await audited(`query ${"O".repeat(300)} { ${fields.join(" ")} }`, {}, { token: null });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.operation_name).toBe(`${"O".repeat(99)}…`);
    expect(rows[0]?.root_fields).toEqual([`f${"x".repeat(62)}…`, ...Array.from({ length: 49 }, (_, i) => `f${i}`), "…(+30 more)"]);
    expect(rows[0]?.error_codes).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("request audit: request ids", () => {
  it("mints its own request id, keeps the client's apart, and returns ours in X-Request-Id", async () => {
    const token = await th.token("POLICE");
    const response = await fetch(th.hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation", "x-request-id": "client-chosen-1" },
      body: JSON.stringify({ query: `{ seizures { totalCount } }` }),
    });
    const ours = response.headers.get("x-request-id");
    expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const rows = (await th.hub.gateway.hubDataSource.query(`SELECT request_id, client_request_id FROM request_audit WHERE request_id = $1 OR client_request_id = $2 OR request_id = $2`, [
      ours,
      "client-chosen-1",
    ])) as unknown[];
    expect(rows).toEqual([{ request_id: ours, client_request_id: "client-chosen-1" }]);
  });

  it("stores no client request id that is not a plain bounded id", async () => {
    const token = await th.token("POLICE");
    const response = await fetch(th.hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation", "x-request-id": `bad id ${"y".repeat(100)}` },
      body: JSON.stringify({ query: `{ seizures { totalCount } }` }),
    });
    const rows = (await th.hub.gateway.hubDataSource.query(`SELECT client_request_id FROM request_audit WHERE request_id = $1`, [response.headers.get("x-request-id")])) as unknown[];
    expect(rows).toEqual([{ client_request_id: null }]);
  });
});
