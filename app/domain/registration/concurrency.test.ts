import { spawn } from "node:child_process";
import readline from "node:readline";
import { expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createAgency, createMeeting } from "~/test/factories";
import { personFor } from "~/test/factories.registration";
import { registerMany } from "./registration.server";
import { runBurst, type Burst, type BurstResult } from "~/test/seat-burst";

// Seats with several app processes on one database (docs/decisions/060-postgresql.md): a child
// process and this one register and cancel for the same meeting at the same moment. On SQLite the
// two processes share the file; on PostgreSQL each process also uses several connections at once.

/** Starts the child's burst and this process's burst together; resolves with both results. */
async function twoProcesses(mine: Burst, theirs: Burst): Promise<[BurstResult, BurstResult]> {
  const child = spawn("npx", ["tsx", "app/test/seat-burst.child.ts", JSON.stringify(theirs)], {
    env: process.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise((r) => child.once("exit", r));
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error("the child process ended early");
    return line.value;
  };
  expect(await next()).toBe("ready");
  child.stdin!.write("go\n");
  const [childLine, own] = await Promise.all([next(), runBurst(mine)]);
  await exited;
  return [own, JSON.parse(childLine) as BurstResult];
}

it("two processes: 30 cancellations while 100 people register, with no error and never over capacity", async () => {
  const capacity = 40;
  const meeting = await createMeeting({ capacity });
  const agency = await createAgency();
  const first = await registerMany(meeting.id, Array.from({ length: 50 }, () => ({ person: personFor(agency.id), consent: true, source: "SELF" as const, overQuota: "waitlist" as const })));
  const cancel = first.outcomes.flatMap((o) => (o.ok && o.status === "CONFIRMED" ? [o.id] : [])).slice(0, 30);
  expect(cancel).toHaveLength(30);

  const burst = (ids: string[]): Burst => ({ meetingId: meeting.id, agencyId: agency.id, registrations: 50, cancel: ids });
  const [own, child] = await twoProcesses(burst(cancel.slice(0, 15)), burst(cancel.slice(15)));

  expect(own.errors).toEqual([]);
  expect(child.errors).toEqual([]);
  expect(own.registered + child.registered).toBe(100);
  expect(own.cancelled + child.cancelled).toBe(30);
  const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, select: { status: true, waitlistRank: true } });
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  expect(rows).toHaveLength(150);
  expect(count("CANCELLED")).toBe(30);
  // 120 people want 40 seats: every seat is taken, none twice.
  expect(count("CONFIRMED")).toBe(capacity);
  expect(count("WAITLISTED")).toBe(80);
  const ranks = rows.map((r) => r.waitlistRank).filter((r): r is number => r !== null);
  expect(new Set(ranks).size).toBe(ranks.length);
}, 300_000);

it("two processes: 120 registrations for 30 seats confirm exactly 30, waiting-list ranks 1..90", async () => {
  const meeting = await createMeeting({ capacity: 30 });
  const agency = await createAgency();
  const burst: Burst = { meetingId: meeting.id, agencyId: agency.id, registrations: 60, cancel: [] };
  const [own, child] = await twoProcesses(burst, burst);

  expect([...own.errors, ...child.errors]).toEqual([]);
  const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { waitlistRank: "asc" }, select: { status: true, waitlistRank: true } });
  expect(rows.filter((r) => r.status === "CONFIRMED")).toHaveLength(30);
  const waitlisted = rows.filter((r) => r.status === "WAITLISTED");
  expect(waitlisted.map((r) => r.waitlistRank)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
}, 300_000);
