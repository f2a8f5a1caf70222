import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../schema/errors.js";
import type { GatewayContext } from "./context.js";
import type { GatewayCall } from "../platform/auth/index.js";

type Fetch = typeof fetch;

/** Signs one subgraph call (gateway/trust.ts). */
export type MintCallToken = (call: GatewayCall) => Promise<string>;

/**
 * Calls one subgraph with a token minted for that call alone (the caller's own token never leaves
 * the gateway), a deadline on every call (@apollo/gateway sets none), and a clear error naming the
 * service when it cannot be reached, so the other agencies' answers still arrive.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    timeoutMs: number,
    private readonly mint: MintCallToken,
  ) {
    super({
      url,
      // Node's fetch keeps connections alive by default; the abort signal bounds every call.
      fetcher: ((input: string, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetch,
    } as ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    const caller = context?.caller;
    if (!headers) return;
    // Exactly what RemoteGraphQLDataSource serialises as the body: the token is bound to it.
    const { http: _http, ...body } = request;
    void _http;
    const token = await this.mint({
      subgraph: this.serviceName,
      scope: "graphql",
      body,
      subject: context?.subject ?? undefined,
      purpose: caller?.purpose ?? null,
      justification: caller?.justification ?? null,
      requestId: caller?.requestId ?? "no-request",
      policyVersion: context?.policyVersion,
      // A hop of the links service's expansion: signed, so each agency's audit names the actor.
      actor: caller?.actor ?? undefined,
    });
    headers.set("authorization", `Bearer ${token}`);
    if (caller) headers.set("x-request-id", caller.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || /timeout|aborted/i.test(error.message));
      throw new GraphQLError(`Service "${this.serviceName}" ${timedOut ? "did not answer in time" : "is unavailable"}`, {
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, service: this.serviceName },
      });
    }
  }
}
