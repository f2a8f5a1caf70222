import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInput, fiuReportInput, postalItemInput, seizureInput } from "../helpers/fixtures.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

const PHONE = "+447700900150";
const IBAN = "DE89370400440532013000";

let th: TestHub;
const officer = (agency: string) => th.token(agency, { roles: ["officer"] });

beforeAll(async () => {
  th = await startTestHub();
  const writes: Array<[string, string, string, Record<string, unknown>]> = [
    ["CUSTOMS", "recordSeizure", "RecordSeizureInput", seizureInput({ reference: "FED-S1", phone: "07700 900150", iban: IBAN })],
    ["POLICE", "openCase", "OpenCaseInput", caseInput({ reference: "FED-C1", phone: "+44 7700 900150", iban: IBAN })],
    ["FIU", "fileFiuReport", "FileFiuReportInput", fiuReportInput({ reference: "FED-F1", phone: PHONE, iban: IBAN })],
    ["POSTAL", "registerPostalItem", "RegisterPostalItemInput", postalItemInput({ reference: "FED-P1", phone: "00447700900150", itemId: "RR123456785NL" })],
  ];
  for (const [agency, mutation, type, input] of writes) {
    const r = await th.query(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, { token: await officer(agency) });
    expect(r.errors, mutation).toBeUndefined();
  }
});
afterAll(async () => {
  await th?.close();
});

const PHONE_QUERY = `query($p: String!) { phone(e164: $p) {
  e164
  seizures { reference handling originAgency }
  cases { reference handling originAgency }
  fiuReports { reference handling originAgency }
  postalItems { itemId reference handling originAgency }
  fiuHit { hit contactPoint }
} }`;

describe("gateway: one query across every agency", () => {
  it("answers a phone with each agency's records as the default policies allow the caller", async () => {
    const r = await th.query<{ phone: Record<string, unknown> }>(PHONE_QUERY, { p: PHONE }, { token: await th.token("POLICE") });
    expect(r.data?.phone).toEqual({
      e164: PHONE,
      // Customs' AMBER seizure outside a joint operation: police learn it exists and whom to ask.
      seizures: [{ reference: null, handling: "AMBER", originAgency: "CUSTOMS" }],
      cases: [{ reference: "FED-C1", handling: "AMBER", originAgency: "POLICE" }],
      // FIU reports are for the FIU; police get the hit and the contact point instead.
      fiuReports: null,
      // An AMBER postal item is not shared with the police: it is simply not there.
      postalItems: [],
      fiuHit: { hit: true, contactPoint: "FIU liaison desk, fiu-liaison@fiu.example" },
    });
    // Subgraphs answer in parallel, so errors arrive in any order.
    expect(r.errors?.map((e) => [e.path?.join("."), e.extensions?.code, e.extensions?.rule]).sort()).toEqual([
      ["phone.fiuReports", "FORBIDDEN", "default-deny"],
      ["phone.seizures.0.reference", "FORBIDDEN", "default-deny"],
    ]);
  });

  it.each(["07700 900150", "+44 (0)7700-900150", "00447700900150", "+44 7700 900150"])("normalises %s to the one E.164 key", async (notation) => {
    const r = await th.query<{ phone: { e164: string; cases: unknown[] } }>(`query($p: String!) { phone(e164: $p) { e164 cases { id } } }`, { p: notation });
    expect(r.data?.phone.e164).toBe(PHONE);
    expect(r.data?.phone.cases).toHaveLength(1);
  });

  it("joins a bank account: the FIU sees its own reports and no other agency's records", async () => {
    const r = await th.query<{ bankAccount: Record<string, Array<{ reference: string | null }>> }>(
      `{ bankAccount(iban: "de89 3704 0044 0532 0130 00") { iban seizures { reference } cases { reference } fiuReports { reference } } }`,
      {},
      { token: await th.token("FIU") },
    );
    expect(r.data?.bankAccount).toEqual({ iban: IBAN, seizures: null, cases: null, fiuReports: [{ reference: "FED-F1" }] });
    expect(r.errors?.map((e) => e.path?.join(".")).sort()).toEqual(["bankAccount.cases", "bankAccount.seizures"]);
  });

  it("follows a record to its identifiers and on to other agencies' records", async () => {
    const r = await th.query<{ seizures: { edges: Array<{ node: unknown }> } }>(
      `{ seizures(filter: { reference: "FED-S1" }) { edges { node { reference postalItems { itemId category } phones { e164 cases { originAgency } } } } } }`,
      {},
      { token: await th.token("CUSTOMS") },
    );
    expect(r.data?.seizures.edges[0]?.node).toEqual({
      reference: "FED-S1",
      postalItems: [{ itemId: "RR123456785NL", category: "GIFT" }],
      phones: [{ e164: PHONE, cases: [{ originAgency: "POLICE" }] }],
    });
  });

  it.each([
    ["phone(e164: \"12\")", "e164: phone number has the wrong number of digits for its country"],
    ["phone(e164: \"12\", region: \"XX\")", "e164: default region is not a known country code"],
    ["bankAccount(iban: \"GB00WEST12345698765432\")", "iban: IBAN checksum is invalid"],
    ["postalItem(itemId: \"RR123456784NL\")", "itemId: S10 check digit should be 5, got 4"],
    ["container(number: \"CSQU3054384\")", "number: ISO 6346 check digit should be 3, got 4"],
  ])("refuses %s with BAD_USER_INPUT naming the problem", async (lookup, message) => {
    const r = await th.query(`{ ${lookup} { __typename } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.message).toBe(message);
  });
});

describe("gateway: identity and purpose", () => {
  const query = `{ phone(e164: "${PHONE}") { e164 } }`;

  it("answers a data query without a token with UNAUTHENTICATED and HTTP 401", async () => {
    const r = await th.query(query, {}, { token: null });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(r.data).toBeUndefined();
  });

  it("refuses a token signed with another key", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ agency: "FIU", roles: ["analyst"], clearance: 4 })
      .setProtectedHeader({ alg: "ES256" }).setSubject("mallory").setIssuer(th.config.devIssuer).setAudience(th.config.audience).setExpirationTime("1h")
      .sign(privateKey);
    const r = await th.query(query, {}, { token: forged });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.message).toBe("Unauthenticated: token is not valid");
  });

  it("refuses an expired token", async () => {
    const r = await th.query(query, {}, { token: await th.token("POLICE", {}, -60) });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.message).toBe("Unauthenticated: token has expired");
  });

  it("refuses a token whose claims are not a valid subject", async () => {
    const r = await th.query(query, {}, { token: await th.token("POLICE", { clearance: 9 }) });
    expect(r.errors?.[0]?.message).toBe("Unauthenticated: token clearance claim must be an integer 0-4");
  });

  it("requires X-Purpose from the configured list", async () => {
    const missing = await th.query(query, {}, { purpose: null });
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0]).toMatchObject({ message: "X-Purpose header is required; one of: investigation, risk-analysis, intelligence, audit", extensions: { code: "BAD_USER_INPUT" } });
    const unknown = await th.query(query, {}, { purpose: "curiosity" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("reports health, readiness and a request count", async () => {
    const base = th.hub.gateway.url.replace("/graphql", "");
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^liaison_requests_total\{service="gateway"\} [1-9]\d*$/m);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok", service: "gateway" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", subgraphs: { admin: "ready", customs: "ready", police: "ready", fiu: "ready", postal: "ready", links: "ready" } });
  });
});
