import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "./context.js";

/** Every executed answer names the policy version it was evaluated under (`extensions.policyVersion`, contract). */
export function policyVersionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          // Only an answer that was executed was evaluated under a version (a refusal before it was not).
          if (!("data" in result)) return;
          result.extensions = { ...result.extensions, policyVersion: contextValue.policyVersion };
        },
      };
    },
  };
}
