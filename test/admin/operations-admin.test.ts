import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadChainKey, verifyChain } from "../../platform/audit/index.js";
import { caseInput } from "../helpers/fixtures.js";
import { startTestHub, type GraphQLResponse, type TestHub } from "../helpers/hub.js";

let th: TestHub;
let hubAdmin: string;

const hub = () => th.hub.gateway.hubDataSource;
const asAdmin = (query: string, variables: Record<string, unknown> = {}, token = hubAdmin) => th.query(query, variables, { token });
const count = async (table: string): Promise<number> => Number(((await hub().query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0]?.n);
const auditRows = async () => (await hub().query(`SELECT action, subject, detail FROM admin_audit WHERE action LIKE 'operation.%' ORDER BY seq`)) as Array<{ action: string; subject: string; detail: string }>;
const errorOf = (res: GraphQLResponse) => ({ code: res.errors?.[0]?.extensions?.code, rule: res.errors?.[0]?.extensions?.rule, problems: res.errors?.[0]?.extensions?.problems });

const FIELDS = "id name memberAgencies validFrom validTo status createdBy updatedBy closedBy closeReason";
const CREATE = `mutation ($input: CreateOperationInput!) { createOperation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateOperationInput!) { updateOperation(id: $id, input: $input) { ${FIELDS} } }`;
const ADD = `mutation ($id: ID!, $agency: Agency!) { addOperationMember(id: $id, agency: $agency) { id memberAgencies updatedBy } }`;
const REMOVE = `mutation ($id: ID!, $agency: Agency!) { removeOperationMember(id: $id, agency: $agency) { id memberAgencies updatedBy } }`;
const CLOSE = `mutation ($id: ID!, $reason: String!) { closeOperation(id: $id, reason: $reason) { id status closedAt closedBy closeReason } }`;

const TIDE = { id: "OP-TIDE", name: "Tide: cocaine in banana reefers", memberAgencies: ["POLICE", "CUSTOMS"], validFrom: "2025-01-01" };
const created = (overrides: Record<string, unknown> = {}) => ({
  id: "OP-TIDE",
  name: "Tide: cocaine in banana reefers",
  memberAgencies: ["CUSTOMS", "POLICE"],
  validFrom: "2025-01-01",
  validTo: null,
  status: "ACTIVE",
  createdBy: "admin-1",
  updatedBy: "admin-1",
  closedBy: null,
  closeReason: null,
  ...overrides,
});

beforeAll(async () => {
  th = await startTestHub();
  hubAdmin = await th.token("HUB", { sub: "admin-1", roles: ["admin"] });
}, 120_000);
afterAll(async () => {
  await th?.close();
});

describe("who may administer joint operations", () => {
  const EVERY_CHANGE: Array<[string, string, Record<string, unknown>]> = [
    ["createOperation", CREATE, { input: TIDE }],
    ["updateOperation", UPDATE, { id: "OP-TIDE", input: { name: "Renamed" } }],
    ["addOperationMember", ADD, { id: "OP-TIDE", agency: "POSTAL" }],
    ["removeOperationMember", REMOVE, { id: "OP-TIDE", agency: "POLICE" }],
    ["closeOperation", CLOSE, { id: "OP-TIDE", reason: "done" }],
  ];

  it.each(EVERY_CHANGE)("refuses %s to an agency administrator and to a hub auditor, storing nothing", async (_name, mutation, variables) => {
    const policeAdmin = await th.token("POLICE", { sub: "police-admin", roles: ["admin"] });
    const auditor = await th.token("HUB", { sub: "auditor-1", roles: ["auditor"] });
    for (const token of [policeAdmin, auditor]) {
      const res = await th.query(mutation, variables, { token });
      expect(res.data).toBeNull();
      expect(errorOf(res)).toEqual({ code: "FORBIDDEN", rule: "operations-administrators", problems: undefined });
    }
    expect(await count(`joint_operation`)).toBe(0);
    expect(await auditRows()).toEqual([]);
  });

  it("lets an auditor read the registry and refuses an officer", async () => {
    const auditor = await th.token("HUB", { sub: "auditor-1", roles: ["auditor"] });
    expect(await th.query(`{ operations { id } }`, {}, { token: auditor })).toEqual({ status: 200, data: { operations: [] } });
    const officer = await th.query(`{ operations { id } }`, {}, { token: await th.token("CUSTOMS", { roles: ["officer"] }) });
    expect(errorOf(officer)).toEqual({ code: "FORBIDDEN", rule: "policy-readers", problems: undefined });
  });
});

describe("creating, changing and closing an operation", () => {
  it("creates an operation, members in the agencies' order", async () => {
    expect(await asAdmin(CREATE, { input: TIDE })).toEqual({ status: 200, data: { createOperation: created() } });
  });

  it("answers CONFLICT to a second operation with the same id", async () => {
    expect(errorOf(await asAdmin(CREATE, { input: { ...TIDE, name: "Another" } })).code).toBe("CONFLICT");
  });

  it("renames it and sets its last day, then makes it open-ended again", async () => {
    expect(await asAdmin(UPDATE, { id: "OP-TIDE", input: { name: "Tide", validTo: "2099-12-31" } })).toEqual({
      status: 200,
      data: { updateOperation: created({ name: "Tide", validTo: "2099-12-31" }) },
    });
    expect(await asAdmin(UPDATE, { id: "OP-TIDE", input: { validTo: null } })).toEqual({ status: 200, data: { updateOperation: created({ name: "Tide" }) } });
  });

  it("adds a member once; adding it again is CONFLICT", async () => {
    expect(await asAdmin(ADD, { id: "OP-TIDE", agency: "POSTAL" })).toEqual({
      status: 200,
      data: { addOperationMember: { id: "OP-TIDE", memberAgencies: ["CUSTOMS", "POLICE", "POSTAL"], updatedBy: "admin-1" } },
    });
    expect(errorOf(await asAdmin(ADD, { id: "OP-TIDE", agency: "POSTAL" })).code).toBe("CONFLICT");
  });

  it("removes a member; removing a non-member is CONFLICT", async () => {
    expect(await asAdmin(REMOVE, { id: "OP-TIDE", agency: "POSTAL" })).toEqual({
      status: 200,
      data: { removeOperationMember: { id: "OP-TIDE", memberAgencies: ["CUSTOMS", "POLICE"], updatedBy: "admin-1" } },
    });
    expect(errorOf(await asAdmin(REMOVE, { id: "OP-TIDE", agency: "FIU" })).code).toBe("CONFLICT");
  });

  it("closes it with a reason; closing or changing it afterwards is CONFLICT", async () => {
    const res = await asAdmin(CLOSE, { id: "OP-TIDE", reason: "Arrests made" });
    const closed = (res.data as { closeOperation: { closedAt: string } }).closeOperation;
    expect(res.data).toEqual({ closeOperation: { id: "OP-TIDE", status: "CLOSED", closedAt: closed.closedAt, closedBy: "admin-1", closeReason: "Arrests made" } });
    expect(Number.isNaN(Date.parse(closed.closedAt))).toBe(false);
    for (const [mutation, variables] of [
      [CLOSE, { id: "OP-TIDE", reason: "again" }],
      [UPDATE, { id: "OP-TIDE", input: { name: "Reopened" } }],
      [ADD, { id: "OP-TIDE", agency: "FIU" }],
    ] as const) {
      expect(errorOf(await asAdmin(mutation, variables)).code).toBe("CONFLICT");
    }
  });

  it("lists it as history and answers null for an unknown id", async () => {
    expect(await asAdmin(`{ operations { id status closeReason } }`)).toEqual({ status: 200, data: { operations: [{ id: "OP-TIDE", status: "CLOSED", closeReason: "Arrests made" }] } });
    expect(await asAdmin(`{ operation(id: "OP-TIDE") { name memberAgencies } missing: operation(id: "OP-NONE") { id } }`)).toEqual({
      status: 200,
      data: { operation: { name: "Tide", memberAgencies: ["CUSTOMS", "POLICE"] }, missing: null },
    });
  });

  it("refuses an id that the closed operation holds: ids are never reused", async () => {
    expect(errorOf(await asAdmin(CREATE, { input: TIDE })).code).toBe("CONFLICT");
  });
});

describe("bad input is refused at the edge, storing nothing", () => {
  const NEW = { id: "OP-NEW", name: "New", memberAgencies: ["CUSTOMS"], validFrom: "2099-01-01" };
  const cases: Array<[string, string, Record<string, unknown>, string, string[] | undefined]> = [
    ["a malformed id", CREATE, { input: { ...NEW, id: "op new" } }, "BAD_USER_INPUT", ["id: 1-64 upper-case letters, digits, '_', '.', ':' or '-', starting with a letter or digit"]],
    ["HUB as a member", CREATE, { input: { ...NEW, memberAgencies: ["CUSTOMS", "HUB"] } }, "BAD_USER_INPUT", ["memberAgencies: HUB is not one of CUSTOMS, POLICE, FIU, POSTAL"]],
    ["an agency that does not exist", CREATE, { input: { ...NEW, memberAgencies: ["INTERPOL"] } }, "BAD_USER_INPUT", undefined],
    ["a member twice", CREATE, { input: { ...NEW, memberAgencies: ["CUSTOMS", "CUSTOMS"] } }, "BAD_USER_INPUT", ["memberAgencies: each agency once"]],
    ["no members", CREATE, { input: { ...NEW, memberAgencies: [] } }, "BAD_USER_INPUT", ["memberAgencies: at least one agency"]],
    ["a day that does not exist", CREATE, { input: { ...NEW, validFrom: "2026-02-30" } }, "BAD_USER_INPUT", ["validFrom: a date as YYYY-MM-DD"]],
    ["a last day before the first", CREATE, { input: { ...NEW, validTo: "2098-12-31" } }, "BAD_USER_INPUT", ["validTo: not before validFrom (2099-01-01)"]],
    ["an empty name", CREATE, { input: { ...NEW, name: "  " } }, "BAD_USER_INPUT", ["name: 1-200 characters on one line"]],
    ["an update with nothing to change", UPDATE, { id: "OP-TIDE", input: {} }, "BAD_USER_INPUT", ["input: nothing to change (name, validFrom or validTo)"]],
    ["HUB added as a member", ADD, { id: "OP-TIDE", agency: "HUB" }, "BAD_USER_INPUT", ["agency: one of CUSTOMS, POLICE, FIU, POSTAL"]],
    ["an empty reason", CLOSE, { id: "OP-TIDE", reason: "" }, "BAD_USER_INPUT", ["reason: 1-2000 characters on one line"]],
    ["an update of an unknown operation", UPDATE, { id: "OP-NONE", input: { name: "x" } }, "NOT_FOUND", undefined],
    ["a member added to an unknown operation", ADD, { id: "OP-NONE", agency: "FIU" }, "NOT_FOUND", undefined],
    ["a member removed from an unknown operation", REMOVE, { id: "OP-NONE", agency: "FIU" }, "NOT_FOUND", undefined],
    ["closing an unknown operation", CLOSE, { id: "OP-NONE", reason: "x" }, "NOT_FOUND", undefined],
  ];

  it.each(cases)("refuses %s", async (_name, mutation, variables, code, problems) => {
    const [operations, audits] = [await count("joint_operation"), await count("admin_audit")];
    const res = await asAdmin(mutation, variables);
    expect(res.data ?? null).toBeNull();
    expect(errorOf(res).code).toBe(code);
    if (problems) expect(errorOf(res).problems).toEqual(problems);
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|at .*\.ts/);
    expect([await count("joint_operation"), await count("admin_audit")]).toEqual([operations, audits]);
  });

  it("refuses an update whose last day would come before the stored first day", async () => {
    await asAdmin(CREATE, { input: { ...NEW, id: "OP-DATES" } });
    const res = await asAdmin(UPDATE, { id: "OP-DATES", input: { validTo: "2098-06-30" } });
    expect(errorOf(res)).toEqual({ code: "BAD_USER_INPUT", rule: undefined, problems: ["validTo: not before validFrom (2099-01-01)"] });
    expect(await asAdmin(`{ operation(id: "OP-DATES") { validFrom validTo status } }`)).toEqual({ status: 200, data: { operation: { validFrom: "2099-01-01", validTo: null, status: "SCHEDULED" } } });
  });
});

describe("the effect on record access", () => {
  const PHONE = "+447700900172";
  const TITLE = "Mail-order NPS supply";

  /** The cases an officer at clearance 0 of the agency, claiming OP-EFFECT, finds behind the test phone. */
  async function seenBy(agency: string) {
    const token = await th.token(agency, { roles: ["officer"], clearance: 0, operations: ["OP-EFFECT"] });
    return th.query(`{ phone(e164: "${PHONE}") { cases { reference title } } }`, {}, { token });
  }
  const sees = { status: 200, data: { phone: { cases: [{ reference: "EFFECT-T-01", title: TITLE }] } } };
  const seesNothing = { status: 200, data: { phone: { cases: [] } } };

  beforeAll(async () => {
    await asAdmin(CREATE, { input: { id: "OP-EFFECT", name: "Effect", memberAgencies: ["POLICE"], validFrom: "2025-01-01" } });
    const police = await th.token("POLICE", { roles: ["officer"], clearance: 2 });
    const opened = await th.query(`mutation($i: OpenCaseInput!) { openCase(input: $i) { reference } }`, { i: caseInput({ reference: "EFFECT-T-01", phone: PHONE, handling: "AMBER", operationId: "OP-EFFECT" }) }, { token: police });
    expect(opened).toEqual({ status: 200, data: { openCase: { reference: "EFFECT-T-01" } } });
  });

  it("a non-member's claim does not count", async () => {
    expect(await seenBy("POSTAL")).toEqual(seesNothing);
  });

  it("an added member's claim counts as soon as the addition is answered", async () => {
    expect((await asAdmin(ADD, { id: "OP-EFFECT", agency: "POSTAL" })).errors).toBeUndefined();
    expect(await seenBy("POSTAL")).toEqual(sees);
  });

  it("a removed member's claim stops counting as soon as the removal is answered", async () => {
    expect((await asAdmin(REMOVE, { id: "OP-EFFECT", agency: "POSTAL" })).errors).toBeUndefined();
    expect(await seenBy("POSTAL")).toEqual(seesNothing);
  });

  it("a closed operation counts for none of its members", async () => {
    expect((await asAdmin(ADD, { id: "OP-EFFECT", agency: "POSTAL" })).errors).toBeUndefined();
    expect(await seenBy("POSTAL")).toEqual(sees);
    expect((await asAdmin(CLOSE, { id: "OP-EFFECT", reason: "Case handed to prosecutors" })).errors).toBeUndefined();
    expect(await seenBy("POSTAL")).toEqual(seesNothing);
    expect(th.hub.operations.get("OP-EFFECT")).toBeUndefined();
  });
});

describe("the admin audit of operations", () => {
  it("holds one row per change, in order, naming the administrator, in a chain that verifies", async () => {
    const rows = await auditRows();
    expect(rows.map((r) => r.action)).toEqual([
      "operation.create",
      "operation.update",
      "operation.update",
      "operation.add-member",
      "operation.remove-member",
      "operation.close",
      "operation.create",
      "operation.create",
      "operation.add-member",
      "operation.remove-member",
      "operation.add-member",
      "operation.close",
    ]);
    expect(rows.every((r) => r.subject === "admin-1")).toBe(true);
    expect(JSON.parse(rows[1]?.detail ?? "{}")).toMatchObject({
      operationId: "OP-TIDE",
      before: { name: "Tide: cocaine in banana reefers", validFrom: "2025-01-01", validTo: null },
      after: { name: "Tide", validFrom: "2025-01-01", validTo: "2099-12-31" },
    });
    expect(JSON.parse(rows[5]?.detail ?? "{}")).toEqual({ purpose: "investigation", justification: null, operationId: "OP-TIDE", reason: "Arrests made" });
    const key = await loadChainKey(th.config.auditChainKeyFile, { create: false });
    expect(await verifyChain(hub(), "admin_audit", key)).toMatchObject({ ok: true, rows: 1 + rows.length });
  });
});
