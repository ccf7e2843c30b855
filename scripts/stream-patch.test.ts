import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";

// patches/@remix-run+node: the server writes a streamed body (the documents ZIP) to the socket only as fast as
// the socket takes it (docs/decisions/091-heap-limits.md). Unpatched, Remix reads the whole stream at once and
// leaves what the client has not taken yet in memory.
const require = createRequire(import.meta.url);
const { writeReadableStreamToWritable } = require("@remix-run/node/dist/stream.js") as {
  writeReadableStreamToWritable: (stream: ReadableStream<Uint8Array>, writable: Writable) => Promise<void>;
};

/** A body of `count` chunks of 64 KB, made when asked for; `pulled` counts them, `cancelled` says the reader gave up. */
function body(count: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === count) return controller.close();
        state.pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** A destination that takes 16 KB and then nothing until `release` (a client that stopped reading). */
function stuckSocket() {
  let release: (() => void) | null = null;
  const taken: number[] = [];
  const writable = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      taken.push(chunk.length);
      release = () => callback();
    },
  });
  return { writable, taken, release: () => release?.() };
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe("streamed bodies as patched for the server", () => {
  it("reads the next chunk only once the destination has taken the last one", async () => {
    const { stream, state } = body(50);
    const socket = stuckSocket();
    const writing = writeReadableStreamToWritable(stream, socket.writable);
    await turns(20);
    // One chunk is with the destination; the unpatched loop had read all 50 by now.
    expect(state.pulled).toBeLessThanOrEqual(2);
    expect(socket.taken).toHaveLength(1);
    // Taken: the next one follows.
    socket.release();
    await turns(20);
    expect(socket.taken).toHaveLength(2);
    socket.writable.destroy();
    await writing;
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(4);
  });

  it("writes every chunk, in order, to a destination that keeps up", async () => {
    const { stream, state } = body(20);
    const seen: number[] = [];
    const writable = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        seen.push(chunk.length);
        setImmediate(callback);
      },
    });
    const finished = new Promise((r) => writable.on("finish", r));
    await writeReadableStreamToWritable(stream, writable);
    await finished;
    expect(state.pulled).toBe(20);
    expect(seen).toEqual(Array(20).fill(64 * 1024));
  });
});
