import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/*
 * Issue 10 item 5: graphql-http's server audits (the GraphQL over HTTP spec) against the running
 * gateway, as a verified caller with a declared purpose, so every audit reaches GraphQL.
 */

let th: TestHub;

beforeAll(async () => {
  th = await startTestHub();
});
afterAll(async () => {
  await th?.close();
});

describe("GraphQL over HTTP (graphql-http serverAudits)", () => {
  it("passes every audit: 0 errors, 0 warnings", async () => {
    const token = await th.token("POLICE");
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      headers.set("x-purpose", "investigation");
      return fetch(input, { ...init, headers });
    };
    const results = await auditServer({ url: th.hub.gateway.url, fetchFn });
    const failed = (status: string) => results.filter((r) => r.status === status).map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
    const counts = { ok: results.filter((r) => r.status === "ok").length, warn: failed("warn"), error: failed("error") };
    console.log(`graphql-http audits: ${counts.ok} ok, ${counts.warn.length} warnings, ${counts.error.length} errors of ${results.length}`);
    expect(counts).toEqual({ ok: results.length, warn: [], error: [] });
  });
});
