import type { RecommendationStatus } from "~/generated/prisma/enums.ts";
import { env } from "~/utils/env.server";
import { formatDateTime, formatRange, formatShortDate, formatTime, offsetChanges, zoneLabel } from "~/utils/dates";
import type { Language } from "~/i18n/config";
import { tFor } from "~/i18n/i18n.server";
import type { T } from "~/i18n/translate";
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

const place = (m: MeetingForMail, t: T) => [m.venue, m.room, m.city].filter(Boolean).join(", ") || t("mail:label.online");
const meetingUrl = (m: { slug: string }) => `${env().APP_URL}/meetings/${m.slug}`;

export function reminderMail(p: {
  meeting: MeetingForMail;
  name: string;
  agenda: { title: string; startsAt: Date; endsAt: Date }[];
  language: Language;
}): Promise<RenderedMail> {
  const m = p.meeting;
  const { language } = p;
  const t = tFor(language);
  const blocks: MailBlock[] = [
    { kind: "text", text: t("mail:dear", { name: p.name }) },
    { kind: "text", text: t("mail:reminder.text", { title: m.title, when: formatDateTime(m.startsAt, m.timeZone, false, language), zone: zoneLabel(m.timeZone, m.startsAt, language) }) },
    { kind: "table", rows: [[t("mail:label.when"), formatRange(m.startsAt, m.endsAt, m.timeZone, language)], [t("mail:label.where"), place(m, t)]] },
  ];
  if (m.onlineLink) blocks.push({ kind: "url", label: t("mail:label.joinOnline"), url: m.onlineLink });
  if (p.agenda.length) blocks.push(...agendaBlocks(p.agenda, m, language));
  blocks.push({ kind: "button", text: t("mail:label.seeMeeting"), url: meetingUrl(m) });
  return renderMail({
    language,
    subject: t("mail:reminder.subject", { title: m.title, date: formatShortDate(m.startsAt, m.timeZone, language) }),
    preview: t("mail:reminder.preview", { title: m.title }),
    heading: m.title,
    blocks,
  });
}

/** The agenda's items with their times in the meeting's zone (reminders and meeting updates). */
export function agendaBlocks(agenda: { title: string; startsAt: Date; endsAt: Date }[], m: { timeZone: string; startsAt: Date; endsAt: Date }, language: Language): MailBlock[] {
  const t = tFor(language);
  const offsetToo = offsetChanges(m.startsAt, m.endsAt, m.timeZone);
  const zone = language === "en" ? m.timeZone : zoneLabel(m.timeZone, m.startsAt, language).replace(/ \(UTC.*\)$/, "");
  return [
    { kind: "text", text: t("mail:label.agenda", { zone }) },
    { kind: "list", items: agenda.map((a) => `${formatTime(a.startsAt, m.timeZone, offsetToo)}–${formatTime(a.endsAt, m.timeZone, offsetToo)} ${a.title}`) },
  ];
}

export type FollowUpContent = {
  subject: string;
  summary: string;
  /** the language each text is written in: the recipient's, or the original's when not translated */
  lang: { subject: Language; summary: Language };
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
  /** the recipient's: the mail's `lang` and the words around the content (marked when in another language) */
  language: Language;
}): Promise<RenderedMail> {
  const m = p.meeting;
  const { language } = p;
  const t = tFor(language);
  const blocks: MailBlock[] = [
    { kind: "text", text: p.agencyName ? t("mail:followUp.dearAgency", { agency: p.agencyName }) : t("mail:followUp.dear") },
    ...p.content.summary
      .split(/\r?\n\r?\n/)
      .filter((x) => x.trim())
      .map((para): MailBlock => ({ kind: "text", text: para.trim(), lang: p.content.lang.summary === language ? undefined : p.content.lang.summary })),
  ];
  if (p.content.documents.length) {
    blocks.push({ kind: "text", text: t("mail:followUp.documents") });
    for (const url of p.content.documents) blocks.push({ kind: "link", text: url, url });
  }
  if (m.summaryRecord?.publishedAt) {
    blocks.push({ kind: "url", label: t("mail:followUp.summaryRecord"), url: `${meetingUrl(m)}/summary` });
  }
  const due = (r: FollowUpRecommendation) => (r.dueDate ? t("mail:followUp.due", { date: formatShortDate(r.dueDate, m.timeZone, language) }) : "");
  const { led, supported } = p.recommendations;
  if (led.length) {
    blocks.push({ kind: "text", text: t("mail:followUp.led", { count: led.length }) });
    blocks.push({ kind: "list", items: led.map((r) => `${r.code}: ${r.title}${due(r) ? ` (${due(r)})` : ""}`) });
  }
  if (supported.length) {
    blocks.push({ kind: "text", text: t("mail:followUp.supported", { count: supported.length }) });
    blocks.push({
      kind: "list",
      items: supported.map((r) => t("mail:followUp.supporting", { code: r.code, title: r.title, lead: [r.lead, due(r)].filter(Boolean).join(", ") })),
    });
  }
  if (p.content.nextSessionAt) {
    const at = p.content.nextSessionAt;
    blocks.push({ kind: "table", rows: [[t("mail:followUp.nextSession"), `${formatDateTime(at, m.timeZone, false, language)} ${zoneLabel(m.timeZone, at, language)}`]] });
  }
  blocks.push({ kind: "button", text: t("mail:label.seeMeeting"), url: meetingUrl(m) });
  const heading = t("mail:followUp.heading", { title: m.title });
  return renderMail({ language, subject: p.content.subject, preview: heading, heading, blocks });
}

export function overdueRecommendationMail(p: {
  name: string;
  agencyName: string;
  recommendation: { id: string; code: string; title: string; dueDate: Date; status: RecommendationStatus; progress: number };
  meetingTitle: string;
  language: Language;
}): Promise<RenderedMail> {
  const r = p.recommendation;
  const { language } = p;
  const t = tFor(language);
  const date = formatShortDate(r.dueDate, "UTC", language);
  return renderMail({
    language,
    subject: t("mail:overdue.subject", { code: r.code }),
    preview: t("mail:overdue.preview", { code: r.code, date }),
    heading: t("mail:overdue.heading", { code: r.code }),
    blocks: [
      { kind: "text", text: t("mail:dear", { name: p.name }) },
      { kind: "text", text: t("mail:overdue.text", { agency: p.agencyName, meeting: p.meetingTitle, date }) },
      {
        kind: "table",
        rows: [
          [t("mail:overdue.recommendation"), `${r.code}: ${r.title}`],
          [t("mail:overdue.status"), t(`mail:recommendationStatus.${r.status}`)],
          [t("mail:overdue.progress"), `${r.progress}%`],
        ],
      },
      { kind: "button", text: t("mail:overdue.report"), url: `${env().APP_URL}/recommendations/${r.id}` },
      { kind: "text", text: t("mail:overdue.weekly") },
    ],
  });
}
