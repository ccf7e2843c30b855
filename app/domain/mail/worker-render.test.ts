import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startSmtpServer, type TestSmtp } from "~/test/smtp";
import { createAgency, createMeeting } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import { createTransport } from "./transport.server";
import { claimBatch, drainOutbox } from "./worker.server";
import { renderPending } from "./pending.server";

// Status mails are committed unrendered with the registration (pending.server.ts). Whatever stops
// between that commit and the send (the web process right after commit, a worker after it claimed
// and rendered), the worker still delivers each registration's mail exactly once.

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

it("a registration committed without its mail rendered gets exactly one mail, also after a worker died mid-batch", async () => {
  const meeting = await createMeeting({ capacity: 3 });
  const agency = await createAgency();
  const people = [];
  for (let i = 0; i < 5; i++) people.push(await registerPerson(meeting.id, agency.id));
  // committed, nothing rendered: the process that registered could have died here
  const queued = await db.outboxMessage.findMany({ where: { meetingId: meeting.id } });
  expect(queued).toHaveLength(5);
  expect(queued.every((m) => m.pendingRender !== null && m.html === "" && m.status === "QUEUED")).toBe(true);

  // a worker claims two, renders them and dies before sending: they stay SENDING under its lock
  const dead = await claimBatch("dead-worker", 2);
  await renderPending(dead.map((m) => m.id));
  expect(await db.outboxMessage.count({ where: { meetingId: meeting.id, status: "SENDING", pendingRender: null } })).toBe(2);

  const transport = createTransport(smtp.url);
  // a later worker sends the rest, then takes over the dead worker's messages once their lock expires
  await drainOutbox({ transport });
  await new Promise((r) => setTimeout(r, 5));
  await drainOutbox({ transport, lockTimeoutMs: 1 });
  transport.close();

  const rows = await db.outboxMessage.findMany({
    where: { meetingId: meeting.id },
    select: { registrationId: true, messageId: true, status: true, pendingRender: true, icsMethod: true },
  });
  expect(rows.every((m) => m.status === "SENT" && m.pendingRender === null)).toBe(true);
  const delivered = smtp.messages.filter((m) => rows.some((r) => r.messageId === m.messageId));
  expect(delivered).toHaveLength(5);
  for (const p of people) {
    expect(delivered.filter((m) => m.text?.includes(`/registrations/${p.token}`))).toHaveLength(1);
    // a seat comes with its calendar invitation, the waiting list without
    expect(rows.find((r) => r.registrationId === p.id)?.icsMethod).toBe(p.status === "CONFIRMED" ? "REQUEST" : null);
  }
  expect(people.map((p) => p.status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED"]);
});
