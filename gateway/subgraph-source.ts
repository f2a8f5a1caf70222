import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../schema/errors.js";
import type { GatewayContext } from "./context.js";
import { PROOF_HEADER, signGatewayRequest } from "../platform/http/index.js";

type Fetch = typeof fetch;

/**
 * Calls one subgraph with the caller's own credentials (each subgraph verifies the token itself),
 * a deadline on every call (@apollo/gateway sets none), and a clear error naming the service
 * when it cannot be reached, so the other agencies' answers still arrive.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(name: string, url: string, timeoutMs: number, private readonly secret: string | null) {
    super({
      url,
      // Node's fetch keeps connections alive by default; the abort signal bounds every call.
      fetcher: ((input: string, init?: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetch,
    } as ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]);
    this.serviceName = name;
  }

  private readonly serviceName: string;

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    const caller = context?.caller;
    if (!headers || !caller) return;
    if (caller.token) headers.set("authorization", `Bearer ${caller.token}`);
    if (caller.purpose) headers.set("x-purpose", caller.purpose);
    if (caller.justification) headers.set("x-justification", caller.justification);
    headers.set("x-request-id", caller.requestId);
    if (this.secret && request.query) headers.set(PROOF_HEADER, signGatewayRequest(this.secret, request.query, request.variables));
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
