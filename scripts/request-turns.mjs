import { setImmediate } from "node:timers";

/**
 * Pages start one per turn of the event loop, in the order they came (docs/decisions/099-request-turns.md).
 *
 * Node reads every request that is waiting when it polls, runs their handlers, and only polls again once all of
 * them are answered. Under load that is a batch of about twenty pages at 20 connections; the client of the last
 * page of a batch sends its next request a moment after the next poll has begun, so that request waits in the
 * kernel for the whole of the next batch before Node reads it: one request in twenty took two batches, which put
 * the p95 at twice the median even for a server whose every page costs the same. Here a page read (GET or HEAD)
 * is let through one per check phase, after the poll between two of them has read whatever arrived; the others
 * wait in arrival order. Forms (POST) go through at once: a registration joins its seat group as it arrives
 * (app/domain/registration/registration.server.ts). A request whose client has gone is dropped from the queue.
 */
export function oneStartPerTurn() {
  const waiting = [];
  let draining = false;
  const drain = () => {
    let next;
    while ((next = waiting.shift()) && next.req.socket?.destroyed);
    if (!next) {
      draining = false;
      return;
    }
    setImmediate(drain);
    next.go();
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
