import { randomBytes } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { parse } from "graphql";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../platform/db/index.js";
import { accessAuditPlugin, HUB_AUDIT_MIGRATIONS, verifyChain } from "../../platform/audit/index.js";
import { requestAuditPlugin } from "../../gateway/request-audit.js";
import { openThrowawayDatabase } from "./throwaway-database.js";

/* An incremental (@defer/@stream) answer would deliver its later parts after the audit: it is never served. */
let hub: Database;
const key = randomBytes(32);

beforeAll(async () => {
  hub = await openThrowawayDatabase("incremental", [...HUB_AUDIT_MIGRATIONS]);
});
afterAll(async () => {
  await hub?.close();
});

const subject = { sub: "analyst-3", agency: "POLICE", roles: ["analyst"], clearance: 2, operations: [], issuer: "https://idp.police.example" };
const caller = { subject, authError: null, token: "t", purpose: "investigation", justification: null, requestId: "gw-req-1", clientRequestId: "client-1" };

/** A response Apollo would stream: the first part already carries data. */
const incrementalResponse = () => ({
  http: { status: undefined as number | undefined, headers: new Map<string, string>() },
  body: {
    kind: "incremental" as const,
    initialResult: { data: { phone: { e164: "+447700900101" } }, hasNext: true },
    subsequentResults: (async function* () {
      yield { incremental: [{ data: { officerNotes: "secret" }, path: ["phone"] }], hasNext: false };
    })(),
  },
});

/** Calls the plugin's willSendResponse as Apollo would, with just the fields the plugins read. */
async function sendThrough<C extends object>(plugin: ApolloServerPlugin<C>, requestContext: Record<string, unknown>): Promise<void> {
  const listener = await plugin.requestDidStart?.(requestContext as never);
  await listener?.willSendResponse?.(requestContext as never);
}

const refusal = (service: string) => ({
  kind: "single",
  singleResult: { data: null, errors: [{ message: "Incremental delivery is not supported; no data is served", extensions: { code: "BAD_USER_INPUT", service } }] },
});

describe("incremental delivery fails closed", () => {
  it("a subgraph replaces an incremental answer by a refusal carrying no data", async () => {
    const response = incrementalResponse();
    await sendThrough(accessAuditPlugin({} as DataSource, "customs", key), { contextValue: { caller, access: null }, response });
    expect(response.body).toEqual(refusal("customs"));
  });

  it("the gateway replaces an incremental answer by the same refusal and audits the request as refused, with its issuer", async () => {
    const response = incrementalResponse();
    await sendThrough(requestAuditPlugin(hub.dataSource, ["investigation"], key), {
      contextValue: { caller: { ...caller, policyVersion: null }, subject, policyVersion: "0123456789abcdef" },
      response,
      errors: undefined,
      document: parse(`{ phone(e164: "+447700900101") { e164 ... @defer { officerNotes } } }`),
      request: { operationName: undefined },
    });
    expect(response.body).toEqual(refusal("gateway"));
    expect(response.http.headers.get("x-request-id")).toBe("gw-req-1");
    expect(
      await hub.dataSource.query(`SELECT request_id, client_request_id, subject, issuer, root_fields, outcome, error_codes FROM request_audit WHERE request_id = 'gw-req-1'`),
    ).toEqual([
      { request_id: "gw-req-1", client_request_id: "client-1", subject: "analyst-3", issuer: "https://idp.police.example", root_fields: ["phone"], outcome: "refused", error_codes: ["BAD_USER_INPUT"] },
    ]);
    expect(await verifyChain(hub.dataSource, "request_audit", key)).toMatchObject({ ok: true, rows: 1 });
  });
});
