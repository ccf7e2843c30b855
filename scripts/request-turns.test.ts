import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PAGES_PER_TURN, pagesByTurn } from "./request-turns.mjs";

// Page reads reach the app a few per turn of the event loop, in arrival order, with a poll for I/O between two
// turns (scripts/request-turns.mjs, docs/decisions/099-request-turns.md). What is checked is the order of events,
// never a duration.

type Fake = { method: string; socket: { destroyed: boolean } };
const request = (method = "GET", destroyed = false): Fake => ({ method, socket: { destroyed } });

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A connected pair of loopback sockets: what is written on `client` reaches `server` through the event loop's poll. */
async function socketPair() {
  let server!: net.Socket;
  const listener = net.createServer((socket) => (server = socket));
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const client = net.connect((listener.address() as AddressInfo).port, "127.0.0.1");
  await new Promise<void>((resolve) => client.once("connect", resolve));
  while (!server) await new Promise((resolve) => setImmediate(resolve));
  closers.push(() => {
    client.destroy();
    server.destroy();
    listener.close();
  });
  return { client, server };
}

describe("page reads by turn", () => {
  it("lets page reads through in arrival order, a few per turn, and polls for I/O between two turns", async () => {
    const gate = pagesByTurn();
    const { client, server } = await socketPair();
    const events: string[] = [];
    server.on("data", () => events.push("data"));
    const names = Array.from({ length: PAGES_PER_TURN + 2 }, (_, i) => `read ${i + 1}`);
    const done = new Promise<void>((resolve) => {
      for (const [i, name] of names.entries()) {
        gate(request(i === 1 ? "HEAD" : "GET"), {}, () => {
          events.push(name);
          // Written now, this reaches the other socket at the next poll: it must come before the next turn.
          if (i === 0) client.write("x");
          if (i === names.length - 1) resolve();
        });
      }
    });
    expect(events).toEqual([]);
    await done;
    const firstTurn = names.slice(0, PAGES_PER_TURN);
    expect(events).toEqual([...firstTurn, "data", ...names.slice(PAGES_PER_TURN)]);
  });

  it("lets a form through at once, and drops a read whose client has gone", async () => {
    const gate = pagesByTurn();
    const events: string[] = [];
    const done = new Promise<void>((resolve) => {
      gate(request(), {}, () => events.push("first read"));
      gate(request("GET", true), {}, () => events.push("read of a closed connection"));
      gate(request("POST"), {}, () => events.push("form"));
      gate(request(), {}, () => {
        events.push("last read");
        resolve();
      });
    });
    expect(events).toEqual(["form"]);
    await done;
    expect(events).toEqual(["form", "first read", "last read"]);
  });

  it("still lets the rest of a turn through when one read's handler throws", async () => {
    const gate = pagesByTurn();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const events: string[] = [];
    gate(request(), {}, () => {
      throw new Error("broken handler");
    });
    gate(request(), {}, () => events.push("second read"));
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(["second read"]);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
