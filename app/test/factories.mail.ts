import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import type { Attendance, RegistrationStatus } from "~/generated/prisma/enums.ts";
import { enqueueMail } from "~/domain/mail/outbox.server";
import { renderMail } from "~/domain/mail/render.server";
import { renderPending } from "~/domain/mail/pending.server";
import { createMeeting } from "./factories";

// Test data for the mail area: queued outbox messages and meetings with participants.

export async function queueTestMails(count: number, over: { essential?: boolean; kind?: string; to?: (i: number) => string } = {}) {
  const mail = await renderMail({ language: "en", subject: "Test message", heading: "Test", blocks: [{ kind: "text", text: "Hello" }] });
  const run = crypto.randomUUID().slice(0, 8);
  const ids: string[] = [];
  await db.$transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const { id } = await enqueueMail(tx, {
        ...mail,
        subject: `Test message ${i}`,
        kind: over.kind ?? "test",
        to: { email: over.to ? over.to(i) : `person-${run}-${i}@example.org`, name: `Person ${i}` },
        idempotencyKey: `test:${run}:${i}`,
        essential: over.essential ?? true,
      });
      ids.push(id);
    }
  });
  return ids;
}

/** A meeting with confirmed participants spread over agencies (round-robin). */
export async function createMeetingWithParticipants(
  count: number,
  agencies: { id: string }[],
  over: Parameters<typeof createMeeting>[0] & { attendance?: (i: number) => Attendance; registrationStatus?: (i: number) => RegistrationStatus } = {},
) {
  const { attendance, registrationStatus, ...meetingOver } = over;
  const meeting = await createMeeting(meetingOver);
  const data = Array.from({ length: count }, (_, i) => {
    const email = `delegate-${meeting.id.slice(-6)}-${i}@example.org`;
    return {
      meetingId: meeting.id,
      agencyId: agencies.length ? agencies[i % agencies.length].id : null,
      name: `Delegate ${i}`,
      email,
      emailNormalised: email,
      status: registrationStatus ? registrationStatus(i) : "CONFIRMED",
      attendance: attendance ? attendance(i) : "ATTENDED",
      manageTokenHash: crypto.randomUUID(),
    };
  });
  await db.registration.createMany({ data });
  return meeting;
}

/** Renders the meeting's messages queued unrendered, as the worker does before sending (pending.server.ts). */
export async function renderQueuedMail(meetingId: string): Promise<void> {
  const rows = await db.outboxMessage.findMany({ where: { meetingId, pendingRender: { not: null } }, select: { id: true } });
  await renderPending(rows.map((r) => r.id));
}
