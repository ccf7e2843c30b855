import { setImmediate } from "node:timers";

/** How many waiting page reads one turn lets through (docs/decisions/099-request-turns.md). */
export const PAGES_PER_TURN = 4;

/**
 * Page reads reach the app at most PAGES_PER_TURN per turn of the event loop, in the order they came
 * (docs/decisions/099-request-turns.md).
 *
 * Node reads every request that is waiting when it polls, runs their handlers, and only polls again once all of
 * them are answered. Under load that is a batch of about twenty pages at 20 connections, and one request in twenty
 * waited for a whole batch more than the others, which put the p95 at twice the median even for a server whose
 * every page costs the same. Here a page read (GET or HEAD) joins a queue, and each check phase lets the first few
 * through; the poll between two turns reads whatever has arrived, so no request waits longer than a few pages for
 * Node to read it. One page per turn narrowed the tail as much but cost CPU (every page then waited in memory and
 * the turns lost the batches' warm caches); four keeps the CPU per page of the batches. Forms (POST) go through
 * at once: a registration joins its seat group as it arrives (app/domain/registration/registration.server.ts).
 * A request whose client has gone is dropped from the queue.
 */
export function pagesByTurn() {
  const waiting = [];
  let draining = false;
  const drain = () => {
    const turn = [];
    while (turn.length < PAGES_PER_TURN && waiting.length) {
      const next = waiting.shift();
      if (!next.req.socket?.destroyed) turn.push(next);
    }
    if (!turn.length) {
      draining = false;
      return;
    }
    setImmediate(drain);
    for (const { go } of turn) {
      // The server's next() answers a failing handler with the error page; should it ever throw, the others still go.
      try {
        go();
      } catch (error) {
        console.error(error);
      }
    }
  };
  return (req, _res, go) => {
    if (req.method !== "GET" && req.method !== "HEAD") return go();
    waiting.push({ req, go });
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  };
}
