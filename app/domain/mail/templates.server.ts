import { env } from "~/utils/env.server";
import { formatDateTime, formatRange, formatShortDate, formatTime, offsetChanges, zoneLabel } from "~/utils/dates";
import { renderMail, type MailBlock, type RenderedMail } from "./render.server";

// Templates of the mail this module sends on its own (reminders, follow-ups, overdue reminders).
// Registration and recommendation mails live next to their domains and use the same renderMail.

type MeetingForMail = {
  slug: string;
  title: string;
  venue: string;
  room: string;
  city: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  onlineLink: string | null;
};

const place = (m: MeetingForMail) => [m.venue, m.room, m.city].filter(Boolean).join(", ") || "Online";
const meetingUrl = (m: { slug: string }) => `${env().APP_URL}/meetings/${m.slug}`;

export function reminderMail(p: {
  meeting: MeetingForMail;
  name: string;
  agenda: { title: string; startsAt: Date; endsAt: Date }[];
}): Promise<RenderedMail> {
  const m = p.meeting;
  const blocks: MailBlock[] = [
    { kind: "text", text: `Dear ${p.name},` },
    { kind: "text", text: `This is a reminder that ${m.title} starts on ${formatDateTime(m.startsAt, m.timeZone)} (${zoneLabel(m.timeZone, m.startsAt)}).` },
    { kind: "table", rows: [["When", formatRange(m.startsAt, m.endsAt, m.timeZone)], ["Where", place(m)]] },
  ];
  if (m.onlineLink) blocks.push({ kind: "url", label: "Join online (this link is for registered participants only):", url: m.onlineLink });
  if (p.agenda.length) {
    blocks.push({ kind: "text", text: `Agenda (times in ${m.timeZone}):` });
    const offsetToo = offsetChanges(m.startsAt, m.endsAt, m.timeZone);
    blocks.push({ kind: "list", items: p.agenda.map((a) => `${formatTime(a.startsAt, m.timeZone, offsetToo)}–${formatTime(a.endsAt, m.timeZone, offsetToo)} ${a.title}`) });
  }
  blocks.push({ kind: "button", text: "See the meeting page", url: meetingUrl(m) });
  return renderMail({ subject: `Reminder: ${m.title}, ${formatShortDate(m.startsAt, m.timeZone)}`, preview: `${m.title} starts soon`, heading: m.title, blocks });
}

export type FollowUpContent = {
  subject: string;
  summary: string;
  documents: string[];
  nextSessionAt: Date | null;
};

export type FollowUpRecommendation = { code: string; title: string; dueDate: Date | null; lead: string };

export function followUpMail(p: {
  /** with its summary record: once published, the mail links it */
  meeting: MeetingForMail & { summaryRecord?: { publishedAt: Date | null } | null };
  content: FollowUpContent;
  agencyName: string | null;
  /** the agency's recommendations from this meeting: those it leads, and those it supports (marked) */
  recommendations: { led: FollowUpRecommendation[]; supported: FollowUpRecommendation[] };
}): Promise<RenderedMail> {
  const m = p.meeting;
  const blocks: MailBlock[] = [
    { kind: "text", text: p.agencyName ? `Dear colleagues of ${p.agencyName},` : "Dear colleagues," },
    ...p.content.summary.split(/\r?\n\r?\n/).filter((x) => x.trim()).map((para): MailBlock => ({ kind: "text", text: para.trim() })),
  ];
  if (p.content.documents.length) {
    blocks.push({ kind: "text", text: "Documents:" });
    for (const url of p.content.documents) blocks.push({ kind: "link", text: url, url });
  }
  if (m.summaryRecord?.publishedAt) {
    blocks.push({ kind: "url", label: "Summary record of the meeting:", url: `${meetingUrl(m)}/summary` });
  }
  const due = (r: FollowUpRecommendation) => (r.dueDate ? `due ${formatShortDate(r.dueDate, m.timeZone)}` : "");
  const { led, supported } = p.recommendations;
  if (led.length) {
    blocks.push({ kind: "text", text: `Recommendations your agency leads (${led.length}):` });
    blocks.push({ kind: "list", items: led.map((r) => `${r.code}: ${r.title}${due(r) ? ` (${due(r)})` : ""}`) });
  }
  if (supported.length) {
    blocks.push({ kind: "text", text: `Recommendations your agency supports (${supported.length}):` });
    blocks.push({
      kind: "list",
      items: supported.map((r) => `Supporting: ${r.code}: ${r.title} (led by ${[r.lead, due(r)].filter(Boolean).join(", ")})`),
    });
  }
  if (p.content.nextSessionAt) {
    blocks.push({ kind: "table", rows: [["Next session", `${formatDateTime(p.content.nextSessionAt, m.timeZone)} ${zoneLabel(m.timeZone, p.content.nextSessionAt)}`]] });
  }
  blocks.push({ kind: "button", text: "See the meeting page", url: meetingUrl(m) });
  return renderMail({ subject: p.content.subject, preview: `Follow-up: ${m.title}`, heading: `Follow-up: ${m.title}`, blocks });
}

export function overdueRecommendationMail(p: {
  name: string;
  agencyName: string;
  recommendation: { id: string; code: string; title: string; dueDate: Date; status: string; progress: number };
  meetingTitle: string;
}): Promise<RenderedMail> {
  const r = p.recommendation;
  return renderMail({
    subject: `Overdue: recommendation ${r.code}`,
    preview: `${r.code} was due on ${formatShortDate(r.dueDate)}`,
    heading: `Recommendation ${r.code} is overdue`,
    blocks: [
      { kind: "text", text: `Dear ${p.name},` },
      { kind: "text", text: `${p.agencyName} leads this recommendation from ${p.meetingTitle}. It was due on ${formatShortDate(r.dueDate)} (UTC) and is not closed yet.` },
      { kind: "table", rows: [["Recommendation", `${r.code}: ${r.title}`], ["Status", r.status.replace(/_/g, " ").toLowerCase()], ["Progress", `${r.progress}%`]] },
      { kind: "button", text: "Report progress", url: `${env().APP_URL}/recommendations/${r.id}` },
      { kind: "text", text: "You receive this reminder at most once a week while the recommendation stays overdue." },
    ],
  });
}
