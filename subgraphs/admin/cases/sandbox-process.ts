import "reflect-metadata";
import type { PolicySet } from "../../../policies/index.js";
import type { PolicyCase } from "../../../policies/testing/index.js";
import { startPolicyTestHub, type PolicyTestHub } from "../../../hub/policy-tests.js";

/*
 * The case sandbox's own process (forked by sandbox-child.ts): a whole hub on in-memory PGlite,
 * whose WASM work would otherwise hold the admin service's event loop for seconds at a time. It
 * answers one request at a time over IPC and exits when its parent goes.
 */

export type SandboxRequest = { kind: "start"; set: PolicySet; purposes: readonly string[] } | { kind: "run"; id: number; set: PolicySet; cases: PolicyCase[] } | { kind: "close" };
export type SandboxReply = { kind: "ready" } | { kind: "failed"; error: string } | { kind: "ran"; id: number; failures?: string[][]; error?: string } | { kind: "closed" };

const send = (reply: SandboxReply) => process.send?.(reply);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
let hub: PolicyTestHub | null = null;

process.on("disconnect", () => process.exit(0));
process.on("message", (request: SandboxRequest) => {
  void (async () => {
    if (request.kind === "start") {
      try {
        hub = await startPolicyTestHub(request.set, { purposes: request.purposes });
        send({ kind: "ready" });
      } catch (error) {
        send({ kind: "failed", error: message(error) });
        process.exit(1);
      }
    } else if (request.kind === "run") {
      try {
        if (!hub) throw new Error("the sandbox has not started");
        hub.use(request.set);
        const failures: string[][] = [];
        for (const policyCase of request.cases) failures.push(await hub.run(policyCase));
        send({ kind: "ran", id: request.id, failures });
      } catch (error) {
        send({ kind: "ran", id: request.id, error: message(error) });
      }
    } else {
      await hub?.close().catch(() => undefined);
      send({ kind: "closed" });
      process.exit(0);
    }
  })();
});
