import { asLanguage } from "~/i18n/config";
import { languageOfUser } from "./language.server";
import { db } from "~/utils/db.server";
import type { MeetingStatus } from "~/domain/meetings/status";
import { enqueueMail } from "./outbox.server";
import { overdueRecommendationMail, reminderMail } from "./templates.server";

// Time-driven mail, run by the worker about once a minute: meeting reminders and overdue
// recommendation reminders. Both are idempotent (ReminderSent rows, weekly idempotency keys), so
// several workers or a restart never queue the same reminder twice.

const UNIT_MS = { d: 86_400_000, h: 3_600_000 } as const;

/** "7d,1d,2h" -> offsets in ms, largest first; unknown parts are ignored. */
export function parseReminderOffsets(value: string): { offset: string; ms: number }[] {
  const out: { offset: string; ms: number }[] = [];
  for (const part of value.split(",").map((p) => p.trim().toLowerCase())) {
    const m = /^(\d{1,3})([dh])$/.exec(part);
    if (m && Number(m[1]) > 0) out.push({ offset: part, ms: Number(m[1]) * UNIT_MS[m[2] as "d" | "h"] });
  }
  return out.sort((a, b) => b.ms - a.ms);
}

const REMINDABLE: MeetingStatus[] = ["PUBLISHED", "REGISTRATION_CLOSED"];
const LONGEST_OFFSET_MS = 999 * UNIT_MS.d;

/**
 * Queues a reminder to every confirmed participant of meetings whose reminder time has come. When
 * several offsets are due at once (a meeting published late), one reminder goes out and all due
 * offsets are marked, so nobody gets "7 days" and "1 day" reminders in the same minute.
 */
export async function queueDueReminders(now: Date): Promise<number> {
  const meetings = await db.meeting.findMany({
    where: { status: { in: REMINDABLE }, startsAt: { gt: now, lte: new Date(now.getTime() + LONGEST_OFFSET_MS) } },
    select: {
      id: true, slug: true, title: true, venue: true, room: true, city: true, timeZone: true, startsAt: true, endsAt: true,
      onlineLink: true, reminderOffsets: true, remindersSent: { select: { offset: true } },
    },
  });
  let queued = 0;
  for (const meeting of meetings) {
    const done = new Set(meeting.remindersSent.map((r) => r.offset));
    const due = parseReminderOffsets(meeting.reminderOffsets).filter(
      (o) => !done.has(o.offset) && now.getTime() >= meeting.startsAt.getTime() - o.ms,
    );
    if (due.length === 0) continue;
    queued += await db
      .$transaction(async (tx) => {
      // The primary key (meetingId, offset) makes a concurrent scheduler fail here instead of double-queueing.
      await tx.reminderSent.createMany({ data: due.map((o) => ({ meetingId: meeting.id, offset: o.offset })) });
      const agenda = await tx.agendaItem.findMany({
        where: { meetingId: meeting.id, parentId: null },
        orderBy: [{ startsAt: "asc" }, { position: "asc" }],
        select: { title: true, startsAt: true, endsAt: true },
      });
      const registrations = await tx.registration.findMany({
        where: { meetingId: meeting.id, status: "CONFIRMED" },
        select: { id: true, name: true, email: true, language: true },
      });
      const offset = due[due.length - 1].offset;
      for (const r of registrations) {
        const mail = await reminderMail({ meeting, name: r.name, agenda, language: asLanguage(r.language) });
        await enqueueMail(tx, {
          ...mail,
          kind: "meeting-reminder",
          to: { email: r.email, name: r.name },
          idempotencyKey: `meeting-reminder:${meeting.id}:${offset}:${r.id}`,
          essential: false,
          meetingId: meeting.id,
          registrationId: r.id,
        });
      }
      return registrations.length;
    })
      // Another worker queued this reminder first (primary key of ReminderSent): nothing to do.
      .catch((e: { code?: string }) => {
        if (e.code === "P2002") return 0;
        throw e;
      });
  }
  return queued;
}

/** ISO 8601 week, e.g. "2026-W23": the key that limits overdue reminders to one a week. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Reminds the focal points of the lead agency of every open recommendation past its due date. */
export async function queueOverdueReminders(now: Date): Promise<number> {
  const overdue = await db.recommendation.findMany({
    where: { dueDate: { lt: now }, status: { in: ["ADOPTED", "IN_PROGRESS"] } },
    select: {
      id: true, code: true, title: true, dueDate: true, status: true, progress: true, meetingId: true,
      meeting: { select: { title: true } },
      leadAgency: { select: { name: true, users: { where: { role: "FOCAL_POINT" }, select: { id: true, name: true, email: true, locale: true } } } },
    },
  });
  const week = isoWeek(now);
  let queued = 0;
  for (const rec of overdue) {
    for (const fp of rec.leadAgency.users) {
      const idempotencyKey = `recommendation-overdue:${rec.id}:${fp.id}:${week}`;
      if (await db.outboxMessage.findUnique({ where: { idempotencyKey }, select: { id: true } })) continue;
      const mail = await overdueRecommendationMail({
        name: fp.name,
        agencyName: rec.leadAgency.name,
        recommendation: { ...rec, dueDate: rec.dueDate! },
        meetingTitle: rec.meeting.title,
        language: languageOfUser(fp),
      });
      await db.$transaction(async (tx) => {
        await enqueueMail(tx, {
          ...mail,
          kind: "recommendation-overdue",
          to: { email: fp.email, name: fp.name },
          idempotencyKey,
          essential: false,
          meetingId: rec.meetingId,
        });
      });
      queued++;
    }
  }
  return queued;
}

export async function runScheduler(now: Date): Promise<{ reminders: number; overdue: number }> {
  return { reminders: await queueDueReminders(now), overdue: await queueOverdueReminders(now) };
}
