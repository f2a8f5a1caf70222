import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/*
 * A stand-in for an agency subgraph on 127.0.0.1, listening on the port the real one had (the
 * gateway keeps calling that URL). Its behaviour is switched by the test; it counts what it gets.
 */

export type Behaviour =
  | { kind: "status"; status: number }
  | { kind: "invalid-json" }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "slow"; ms: number; body: unknown };

export interface FakeSubgraph {
  behaviour: Behaviour;
  /** Bodies received, in order. */
  readonly received: string[];
  close(): Promise<void>;
}

export async function startFakeSubgraph(port: number, behaviour: Behaviour): Promise<FakeSubgraph> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const fake: FakeSubgraph = {
    behaviour,
    received: [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const answer = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(text);
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      fake.received.push(body);
      const b = fake.behaviour;
      if (b.kind === "status") answer(res, b.status, JSON.stringify({ errors: [{ message: "internal failure at db-7.customs.internal:5432" }] }));
      else if (b.kind === "invalid-json") answer(res, 200, `{"data": {"seizures": <html>oops`);
      else if (b.kind === "reset") req.socket.destroy();
      else if (b.kind === "slow") {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer(res, 200, JSON.stringify(b.body));
        }, b.ms);
        timers.add(timer);
      }
      // hang: never answers; close() ends the socket.
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return fake;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
