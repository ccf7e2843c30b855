import { db } from "~/utils/db.server";
import { newToken } from "~/utils/tokens.server";
import { audit } from "~/domain/audit/audit.server";

// Personal data of registrations is kept for the meeting's retention period after it ends, then
// replaced. Counts, statuses and attendance stay, so statistics and follow-up history still add up.

const DAY = 86_400_000;

/** Meetings whose end plus retention days has passed and that still hold personal data. */
export async function meetingsDueForAnonymisation(now = new Date()) {
  const candidates = await db.meeting.findMany({
    where: { retentionDays: { not: null }, anonymisedAt: null, endsAt: { lt: now } },
    select: { id: true, slug: true, endsAt: true, retentionDays: true },
  });
  return candidates.filter((m) => m.endsAt.getTime() + (m.retentionDays ?? 0) * DAY <= now.getTime());
}

export async function anonymiseMeetingRegistrations(meetingId: string, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const regs = await tx.registration.findMany({ where: { meetingId, anonymisedAt: null }, select: { id: true } });
    for (const r of regs) {
      await tx.registration.update({
        where: { id: r.id },
        data: {
          name: "Anonymised participant",
          email: `anonymised-${r.id}@invalid`,
          emailNormalised: `anonymised-${r.id}@invalid`,
          jobTitle: "",
          dietary: "",
          accessibility: "",
          userId: null,
          manageTokenHash: newToken().hash,
          anonymisedAt: now,
        },
      });
    }
    await tx.invitation.updateMany({ where: { meetingId, email: { not: null } }, data: { email: null } });
    await tx.meeting.update({ where: { id: meetingId }, data: { anonymisedAt: now } });
    await audit(tx, { userId: null, entity: "Meeting", entityId: meetingId, meetingId, action: "anonymise-registrations", after: { registrations: regs.length } });
    return regs.length;
  });
}

/** `npm run retention`: anonymises every meeting that is due. */
export async function runRetention(now = new Date()): Promise<{ meetings: number; registrations: number }> {
  const due = await meetingsDueForAnonymisation(now);
  let registrations = 0;
  for (const m of due) registrations += await anonymiseMeetingRegistrations(m.id, now);
  return { meetings: due.length, registrations };
}
