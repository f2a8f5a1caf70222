import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { execute, parse } from "graphql";
import { gql } from "graphql-tag";
import { startBareGateway, type BareGateway } from "../helpers/bare-gateway.js";

/*
 * Identical subgraph calls in flight are merged only within one request (gateway/in-flight.ts):
 * never across agencies, nor across two requests of the same caller (the agency's audit records
 * one request id per call). Two stub subgraphs behind Liaison's real gateway: "items" lists
 * items, "notes" resolves them, answering after a delay so concurrent calls overlap, and saying
 * in each answer which agency and request its per-call token named.
 */

interface Call {
  readonly route: string;
  readonly agency: string;
  readonly rid: string;
}

const NOTES_DELAY_MS = 300;
const calls: Call[] = [];

const itemsTypeDefs = gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query {
      first: Item
      second: Item
    }
    type Item @key(fields: "id") {
      id: ID!
    }
  `;
const items = buildSubgraphSchema({
  typeDefs: itemsTypeDefs,
  resolvers: { Query: { first: () => ({ id: "1" }), second: () => ({ id: "1" }) } },
});

const notesTypeDefs = gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Item @key(fields: "id") {
      id: ID!
      note: String
    }
  `;
const notes = buildSubgraphSchema({
  typeDefs: notesTypeDefs,
  resolvers: {
    Item: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      note: ({ id }: { id: string }, _args: unknown, context: unknown) => `item ${id} for ${(context as Call).agency} in ${(context as Call).rid}`,
    },
  },
});

/** The per-call token's claims, unverified: the stub only reports what the gateway sent. */
function claims(req: http.IncomingMessage): { agency: string; rid: string } {
  const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { agency: string; rid: string };
}

const stubs = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", async () => {
    const route = req.url === "/items" ? "items" : "notes";
    const { agency, rid } = claims(req);
    const call = { route, agency, rid };
    calls.push(call);
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
    if (route === "notes") await new Promise((resolve) => setTimeout(resolve, NOTES_DELAY_MS));
    const result = await execute({ schema: route === "items" ? items : notes, document: parse(query), variableValues: variables, contextValue: call });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(result));
  });
});

let bare: BareGateway;

async function ask(query: string, token: string, requestId: string): Promise<{ data?: unknown; errors?: unknown; rid: string }> {
  const response = await fetch(bare.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-purpose": "investigation", "x-request-id": requestId },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  return { ...body, rid: response.headers.get("x-request-id") ?? "" };
}

const notesCalls = () => calls.filter((call) => call.route === "notes");
// Mutations are never merged (gateway/subgraph-source.ts reads the operation type): the planner runs
// mutation fields one after another, so two identical mutation calls are never in flight together to test.

beforeAll(async () => {
  await new Promise<void>((resolve) => stubs.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(stubs.address() as AddressInfo).port}`;
  const composed = composeServices([
    { name: "items", url: `${base}/items`, typeDefs: itemsTypeDefs },
    { name: "notes", url: `${base}/notes`, typeDefs: notesTypeDefs },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join("; "));
  bare = await startBareGateway(composed.supergraphSdl);
}, 120_000);

afterAll(async () => {
  await bare?.close();
  await new Promise((resolve) => stubs.close(resolve));
});

describe("identical subgraph calls in flight", () => {
  it("share one call within one request: two fields resolving the same item make one call to the notes subgraph", async () => {
    calls.length = 0;
    const answer = await ask("{ first { note } second { note } }", await bare.token("CUSTOMS"), "one-request");
    const note = `item 1 for CUSTOMS in ${answer.rid}`;
    expect(answer.data).toEqual({ first: { note }, second: { note } });
    expect(notesCalls()).toEqual([{ route: "notes", agency: "CUSTOMS", rid: answer.rid }]);
  });

  it("are never merged across agencies: each agency's identical concurrent request gets its own call, answer and audit row", async () => {
    calls.length = 0;
    const [customs, police] = await Promise.all([
      ask("{ first { note } }", await bare.token("CUSTOMS"), "customs-asks"),
      ask("{ first { note } }", await bare.token("POLICE"), "police-asks"),
    ]);
    expect(customs.data).toEqual({ first: { note: `item 1 for CUSTOMS in ${customs.rid}` } });
    expect(police.data).toEqual({ first: { note: `item 1 for POLICE in ${police.rid}` } });
    expect(customs.rid).not.toBe(police.rid);
    expect([...notesCalls()].sort((a, b) => a.agency.localeCompare(b.agency))).toEqual([
      { route: "notes", agency: "CUSTOMS", rid: customs.rid },
      { route: "notes", agency: "POLICE", rid: police.rid },
    ]);
    const rows = (await bare.gateway.hubDataSource.query(
      `SELECT request_id, agency, client_request_id, outcome FROM request_audit WHERE client_request_id IN ('customs-asks', 'police-asks') ORDER BY agency`,
    )) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      { request_id: customs.rid, agency: "CUSTOMS", client_request_id: "customs-asks", outcome: "ok" },
      { request_id: police.rid, agency: "POLICE", client_request_id: "police-asks", outcome: "ok" },
    ]);
  });

  it("are not merged across two requests of the same caller: each request's call carries its own request id", async () => {
    calls.length = 0;
    const token = await bare.token("CUSTOMS");
    const [one, two] = await Promise.all([ask("{ first { note } }", token, "same-caller-1"), ask("{ first { note } }", token, "same-caller-2")]);
    expect(one.data).toEqual({ first: { note: `item 1 for CUSTOMS in ${one.rid}` } });
    expect(two.data).toEqual({ first: { note: `item 1 for CUSTOMS in ${two.rid}` } });
    expect(notesCalls().map((call) => call.rid).sort()).toEqual([one.rid, two.rid].sort());
  });
});
