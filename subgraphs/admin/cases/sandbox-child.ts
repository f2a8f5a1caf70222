import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { PolicySet } from "../../../policies/index.js";
import type { PolicyCase } from "../../../policies/testing/index.js";
import type { SandboxReply, SandboxRequest } from "./sandbox-process.js";

/** A started sandbox hub: runs cases under a set (each case's failures, in order); one request at a time. */
export interface SandboxHub {
  run(set: PolicySet, cases: readonly PolicyCase[]): Promise<string[][]>;
  close(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL("./sandbox-process.ts", import.meta.url));
/** How long a closing sandbox may take before it is killed. */
const CLOSE_MS = 10_000;

/**
 * Forks the sandbox process and starts its hub under `set`. The child runs TypeScript as every
 * service does (tsx): the parent's loader flags are inherited, tsx's added when the parent has none
 * (vitest). It never sees this process's environment beyond what node needs: its hub is configured
 * from scratch (hub/policy-tests.ts), never from the deployment's DATABASE_URL.
 */
export function startSandboxProcess(set: PolicySet, purposes: readonly string[]): Promise<SandboxHub> & { cancel(): void } {
  const execArgv = process.execArgv.some((arg) => arg.includes("tsx")) ? process.execArgv : [...process.execArgv, "--import", "tsx"];
  const env = Object.fromEntries(["PATH", "HOME", "TMPDIR", "NODE_OPTIONS"].flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
  const child: ChildProcess = fork(ENTRY, [], { execArgv, env, stdio: ["ignore", "ignore", "inherit", "ipc"], serialization: "advanced" });
  const waiting = new Map<number, { resolve: (failures: string[][]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let exited = false;
  const send = (request: SandboxRequest) => child.send(request);
  const starting = new Promise<SandboxHub>((resolve, reject) => {
    child.on("message", (reply: SandboxReply) => {
      if (reply.kind === "ready") resolve(hub);
      else if (reply.kind === "failed") reject(new Error(reply.error));
      else if (reply.kind === "ran") {
        const job = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.failures) job?.resolve(reply.failures);
        else job?.reject(new Error(reply.error ?? "the sandbox did not answer"));
      }
    });
    child.on("exit", (code) => {
      exited = true;
      const error = new Error(`the case sandbox process exited (${code ?? "signal"})`);
      reject(error);
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    });
    child.on("error", reject);
    const hub: SandboxHub = {
      run(runSet, cases) {
        if (exited) return Promise.reject(new Error("the case sandbox process has exited"));
        const id = (next += 1);
        return new Promise((ok, fail) => {
          waiting.set(id, { resolve: ok, reject: fail });
          send({ kind: "run", id, set: runSet, cases: [...cases] });
        });
      },
      async close() {
        if (exited) return;
        const gone = new Promise<void>((done) => child.once("exit", () => done()));
        const timer = setTimeout(() => child.kill("SIGKILL"), CLOSE_MS);
        send({ kind: "close" });
        await gone;
        clearTimeout(timer);
      },
    };
    send({ kind: "start", set, purposes });
  });
  // A start is cut short by ending its process: a hub stopping need not wait tens of seconds for it.
  return Object.assign(starting, { cancel: () => void (exited || child.kill("SIGKILL")) });
}
