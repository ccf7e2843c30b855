import type { AuditedEntity } from "./audit.server";
import { isStatus } from "~/domain/recommendations/status";
import { isMeetingStatus, type MeetingStatus } from "~/domain/meetings/status";
import type { Language } from "~/i18n/config";
import { key, type T } from "~/i18n/translate";

// The audit log in words: each entry becomes a sentence a person understands ("Anna Weber recorded the
// outcome 'Adopted' for recommendation BRU-2026-01"), with links to the things it names. One place
// maps every audited kind of record and its actions to words; describe.test.ts fails when a kind in
// AUDITED_ENTITIES has no description here (decision 075). The words are sentence templates in the admin
// namespace, filled at display time in the reader's language; stored rows keep data, not words.

/**
 * A piece of a sentence: plain text, or the name of a thing with a link to its page and, for a name
 * that has translations, the language it is in (the reader's, or the original's when not translated).
 */
export type Segment = string | { text: string; href?: string; lang?: Language };
/** The thing an entry is about (and the meeting it belongs to), as looked up for the page. */
export type Subject = { label: string; href?: string; lang?: Language };

export type DescribeInput = {
  entity: string;
  action: string;
  before: unknown;
  after: unknown;
  /** the person who did it; null for the system or someone without an account */
  who: string | null;
  subject: Subject;
  meeting?: Subject | null;
};

type Kind = {
  /** the kind of record as the filter names it */
  label: (t: T) => string;
  /** "the agency {{name}}", "recommendation {{name}}": the subject with its noun */
  it: (t: T) => string;
  actions: Record<string, (e: Ctx) => Segment[]>;
};

/** What a sentence template's placeholders are filled with: text, or pieces with links. */
type Values = Record<string, Segment | Segment[]>;
type Ctx = DescribeInput & {
  t: T;
  /** who, it, at, fields: the parts most sentences use */
  v: Values;
  /** nobody known did it (the system, or someone without an account) */
  anonymous: boolean;
  b: Record<string, unknown>;
  a: Record<string, unknown>;
};

/**
 * A translated sentence template ("{{who}} added {{it}}{{at}}") as segments: each placeholder becomes its
 * value, links kept, so the words around the names can be in any order a language needs.
 */
function fill(template: string, values: Values): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    const value = values[m[1]];
    if (value === undefined) out.push(m[0]);
    else out.push(...(Array.isArray(value) ? value : [value]));
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

const fields = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const clip = (v: unknown) => (String(v ?? "").length > 120 ? `${String(v).slice(0, 120)}…` : String(v ?? ""));
const quote = (t: T, v: unknown) => t("admin:audit.quote", { text: clip(v) });
const word = (v: unknown) => String(v ?? "").toLowerCase().replace(/_/g, " ");
const meetingStatus = (t: T, v: unknown) => (isMeetingStatus(String(v)) ? t(`common:status.${v as MeetingStatus}`).toLowerCase() : word(v));
const recommendationStatus = (t: T, v: unknown) => (isStatus(v) ? t(`common:recommendationStatus.${v}`) : String(v ?? ""));

/** The names of the fields an update changed, in words: " (title, start time)". */
const FIELD_WORDS = {
  startsAt: key("admin:audit.field.startsAt"), endsAt: key("admin:audit.field.endsAt"), timeZone: key("admin:audit.field.timeZone"),
  leadAgencyId: key("admin:audit.field.leadAgencyId"), agendaItemId: key("admin:audit.field.agendaItemId"), dueDate: key("admin:audit.field.dueDate"),
  registrationOpensAt: key("admin:audit.field.registrationOpensAt"), registrationClosesAt: key("admin:audit.field.registrationClosesAt"),
  jobTitle: key("admin:audit.field.jobTitle"), listConsent: key("admin:audit.field.listConsent"), headRegistrationId: key("admin:audit.field.headRegistrationId"),
  onlineUrl: key("admin:audit.field.onlineUrl"), seriesId: key("admin:audit.field.seriesId"), supportingAgencyIds: key("admin:audit.field.supportingAgencyIds"),
  themeIds: key("admin:audit.field.themeIds"), title: key("admin:audit.field.title"), description: key("admin:audit.field.description"),
  venue: key("admin:audit.field.venue"), room: key("admin:audit.field.room"), city: key("admin:audit.field.city"), name: key("admin:audit.field.name"),
  visibility: key("admin:audit.field.visibility"), language: key("admin:audit.field.language"), type: key("admin:audit.field.type"),
} as const;
function changedFields(t: T, a: Record<string, unknown>, b: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]) || !(k in b));
  if (!keys.length) return "";
  const names = keys.map((k) => (k in FIELD_WORDS ? t(FIELD_WORDS[k as keyof typeof FIELD_WORDS]) : k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()));
  return ` (${names.slice(0, 6).join(", ")}${names.length > 6 ? ", …" : ""})`;
}

const file = (e: Ctx) => (e.a.filename ? ` (${String(e.a.filename)})` : "");
/** A meeting's, a recommendation's or a theme's translation saved: the language it was written in. */
const translated = (e: Ctx) => fill(e.t("admin:audit.s.translations"), { ...e.v, language: String(e.a.language ?? "").toUpperCase() });

export const AUDIT_KINDS: Record<AuditedEntity, Kind> = {
  Agency: {
    label: (t) => t("admin:audit.kind.Agency"),
    it: (t) => t("admin:audit.it.Agency"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.added"), e.v),
      update: (e) => fill(e.t("admin:audit.s.changed"), e.v),
    },
  },
  Agenda: {
    label: (t) => t("admin:audit.kind.Agenda"),
    it: (t) => t("admin:audit.it.Agenda"),
    actions: {
      publish: (e) => fill(e.t("admin:audit.s.published"), e.v),
      unpublish: (e) => fill(e.t("admin:audit.s.Agenda.unpublish"), e.v),
    },
  },
  AgendaItem: {
    label: (t) => t("admin:audit.kind.AgendaItem"),
    it: (t) => t("admin:audit.it.AgendaItem"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.addedAt"), e.v),
      update: (e) => fill(e.t("admin:audit.s.changedAt"), e.v),
      delete: (e) => fill(e.t("admin:audit.s.AgendaItem.delete"), { ...e.v, title: quote(e.t, e.b.title ?? e.subject.label) }),
      "add-person": (e) =>
        fill(e.t("admin:audit.s.AgendaItem.addPerson"), {
          ...e.v,
          name: e.a.name ? String(e.a.name) : e.t("admin:audit.aPerson"),
          role: e.a.role === "MODERATOR" || e.a.role === "SPEAKER" ? e.t(`common:personRole.${e.a.role}`).toLowerCase() : word(e.a.role) || e.t("common:personRole.SPEAKER").toLowerCase(),
        }),
      "remove-person": (e) => fill(e.t("admin:audit.s.AgendaItem.removePerson"), { ...e.v, name: e.b.name ? String(e.b.name) : e.t("admin:audit.aPerson") }),
    },
  },
  Delegation: {
    label: (t) => t("admin:audit.kind.Delegation"),
    it: (t) => t("admin:audit.it.Delegation"),
    actions: {
      save: (e) => fill(e.t("admin:audit.s.Delegation.save"), e.v),
      head: (e) => fill(e.t("admin:audit.s.Delegation.head"), e.v),
    },
  },
  FollowUp: {
    label: (t) => t("admin:audit.kind.FollowUp"),
    it: (t) => t("admin:audit.it.FollowUp"),
    actions: {
      draft: (e) => fill(e.t("admin:audit.s.FollowUp.draft"), { ...e.v, recipients: e.t("admin:audit.n.participant", { count: Number(e.a.recipients ?? 0) }) }),
      send: (e) => fill(e.t("admin:audit.s.FollowUp.send"), { ...e.v, recipients: e.t("admin:audit.n.participant", { count: Number(e.a.messages ?? 0) }) }),
      discard: (e) => fill(e.t("admin:audit.s.FollowUp.discard"), { ...e.v, title: quote(e.t, e.b.subject ?? e.subject.label) }),
      "retry-failed": (e) => fill(e.t("admin:audit.s.FollowUp.retry"), { ...e.v, messages: e.t("admin:audit.n.failedMessage", { count: Number(e.a.messages ?? 0) }) }),
    },
  },
  Invitation: {
    label: (t) => t("admin:audit.kind.Invitation"),
    it: (t) => t("admin:audit.it.Invitation"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.Invitation.create"), { ...e.v, for: e.a.email ? e.t("admin:audit.for", { email: String(e.a.email) }) : "" }),
      revoke: (e) => fill(e.t("admin:audit.s.Invitation.revoke"), e.v),
    },
  },
  Document: {
    label: (t) => t("admin:audit.kind.Document"),
    it: (t) => t("admin:audit.it.Document"),
    actions: {
      upload: (e) => fill(e.t("admin:audit.s.Document.upload"), { ...e.v, file: file(e) }),
      update: (e) => fill(e.t("admin:audit.s.changedAt"), e.v),
      replace: (e) => fill(e.t("admin:audit.s.Document.replace"), { ...e.v, file: file(e), version: String(Number(e.a.version ?? 0)) }),
      remove: (e) => fill(e.t("admin:audit.s.Document.remove"), { ...e.v, title: quote(e.t, e.b.title ?? e.subject.label) }),
    },
  },
  Meeting: {
    label: (t) => t("admin:audit.kind.Meeting"),
    it: (t) => t("admin:audit.it.Meeting"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.created"), e.v),
      update: (e) => fill(e.t("admin:audit.s.changed"), e.v),
      status: (e) => fill(e.t("admin:audit.s.Meeting.status"), { ...e.v, from: meetingStatus(e.t, e.b.status), to: meetingStatus(e.t, e.a.status) }),
      clone: (e) =>
        fill(e.t("admin:audit.s.Meeting.clone"), {
          ...e.v,
          from: e.a.from ? String(e.a.from) : e.t("admin:audit.anotherMeeting"),
          items: e.t("admin:audit.n.agendaItem", { count: Number(e.a.agendaItems ?? 0) }),
        }),
      "recommendations-for-review": (e) => fill(e.t("admin:audit.s.Meeting.forReview"), { ...e.v, count: e.t("admin:audit.n.openRecommendation", { count: Number(e.a.added ?? 0) }) }),
      "add-open-recommendations": (e) => fill(e.t("admin:audit.s.Meeting.forReview"), { ...e.v, count: e.t("admin:audit.n.openRecommendation", { count: Number(e.a.count ?? 0) }) }),
      translations: translated,
      "anonymise-registrations": (e) => fill(e.t("admin:audit.s.Meeting.anonymise"), { ...e.v, people: e.t("admin:audit.n.person", { count: Number(e.a.registrations ?? 0) }) }),
    },
  },
  OutboxMessage: {
    label: (t) => t("admin:audit.kind.OutboxMessage"),
    it: (t) => t("admin:audit.it.OutboxMessage"),
    actions: {
      "resend-requeued": (e) => fill(e.t("admin:audit.s.OutboxMessage.requeued"), e.v),
      "resend-copied": (e) => fill(e.t("admin:audit.s.OutboxMessage.copied"), e.v),
    },
  },
  ProgressUpdate: {
    label: (t) => t("admin:audit.kind.ProgressUpdate"),
    it: (t) => t("admin:audit.it.ProgressUpdate"),
    actions: {
      submit: (e) => fill(e.t("admin:audit.s.sent"), e.v),
      "submit-by-link": (e) => fill(e.t("admin:audit.s.ProgressUpdate.byLink"), { ...e.v, who: e.anonymous ? e.t("admin:audit.aFocalPoint") : e.v.who }),
      accept: (e) => fill(e.t("admin:audit.s.ProgressUpdate.accept"), e.v),
      return: (e) => fill(e.t("admin:audit.s.ProgressUpdate.return"), e.v),
    },
  },
  Recommendation: {
    label: (t) => t("admin:audit.kind.Recommendation"),
    it: (t) => t("admin:audit.it.Recommendation"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.recorded"), e.v),
      update: (e) => fill(e.t("admin:audit.s.edited"), e.v),
      translations: translated,
      status: (e) =>
        fill(e.t("admin:audit.s.Recommendation.status"), {
          ...e.v,
          from: quote(e.t, recommendationStatus(e.t, e.b.status)),
          to: quote(e.t, recommendationStatus(e.t, e.a.status)),
          note: e.a.note ? e.t("admin:audit.note", { note: quote(e.t, e.a.note) }) : "",
        }),
      progress: (e) =>
        fill(e.t("admin:audit.s.Recommendation.progress"), {
          ...e.v,
          progress: String(Number(e.a.progress ?? 0)),
          note: e.a.note ? e.t("admin:audit.note", { note: quote(e.t, e.a.note) }) : "",
        }),
      "request-progress": (e) => fill(e.t("admin:audit.s.Recommendation.requestProgress"), e.v),
    },
  },
  RecommendationReview: {
    label: (t) => t("admin:audit.kind.RecommendationReview"),
    it: (t) => t("admin:audit.it.RecommendationReview"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.RecommendationReview.create"), e.v),
      outcome: (e) => fill(e.t("admin:audit.s.RecommendationReview.outcome"), { ...e.v, outcome: quote(e.t, e.a.outcome) }),
    },
  },
  Registration: {
    label: (t) => t("admin:audit.kind.Registration"),
    it: (t) => t("admin:audit.it.Registration"),
    actions: {
      approve: (e) => fill(e.t("admin:audit.s.Registration.approve"), e.v),
      decline: (e) => fill(e.t("admin:audit.s.Registration.decline"), e.v),
      cancel: (e) => fill(e.t("admin:audit.s.Registration.cancel"), { ...e.v, who: e.anonymous ? e.t("admin:audit.theParticipant") : e.v.who }),
      attendance: (e) =>
        fill(e.t("admin:audit.s.Registration.attendance"), {
          ...e.v,
          attendance: e.a.attendance === "ATTENDED" || e.a.attendance === "NO_SHOW" ? e.t(`admin:audit.attendance.${e.a.attendance}`) : word(e.a.attendance) || e.t("admin:audit.attendance.none"),
        }),
      update: (e) => fill(e.t("admin:audit.s.changedAt"), { ...e.v, who: e.anonymous ? e.t("admin:audit.theParticipant") : e.v.who }),
    },
  },
  Series: {
    label: (t) => t("admin:audit.kind.Series"),
    it: (t) => t("admin:audit.it.Series"),
    actions: {
      create: (e) => fill(e.t("admin:audit.s.created"), e.v),
      update: (e) => fill(e.t("admin:audit.s.changed"), e.v),
      delete: (e) => fill(e.t("admin:audit.s.Series.delete"), { ...e.v, title: quote(e.t, e.b.name ?? e.subject.label) }),
    },
  },
  SummaryRecord: {
    label: (t) => t("admin:audit.kind.SummaryRecord"),
    it: (t) => t("admin:audit.it.SummaryRecord"),
    actions: {
      save: (e) => fill(e.t("admin:audit.s.SummaryRecord.save"), e.v),
      publish: (e) => fill(e.t("admin:audit.s.SummaryRecord.publish"), summaryValues(e)),
      republish: (e) => fill(e.t("admin:audit.s.SummaryRecord.republish"), summaryValues(e)),
      unpublish: (e) => fill(e.t("admin:audit.s.SummaryRecord.unpublish"), e.v),
    },
  },
  Theme: {
    label: (t) => t("admin:audit.kind.Theme"),
    it: (t) => t("admin:audit.it.Theme"),
    actions: {
      translations: translated,
    },
  },
  User: {
    label: (t) => t("admin:audit.kind.User"),
    it: (t) => t("admin:audit.it.User"),
    actions: {
      "sign-in-link-issued": (e) => fill(e.t("admin:audit.s.User.signInLink"), e.v),
    },
  },
};

function summaryValues(e: Ctx): Values {
  return {
    ...e.v,
    audience: e.a.visibility === "PUBLIC" ? e.t("admin:audit.audience.PUBLIC") : e.t("admin:audit.audience.PARTICIPANTS"),
    version: e.a.version ? e.t("admin:audit.pdfVersion", { version: Number(e.a.version) }) : "",
  };
}

/** The filter's choices: each kind of record named for people, in the reader's language. */
export function auditKindOptions(t: T): { value: AuditedEntity; label: string }[] {
  return (Object.keys(AUDIT_KINDS) as AuditedEntity[]).map((value) => ({ value, label: AUDIT_KINDS[value].label(t) })).sort((x, y) => x.label.localeCompare(y.label));
}

/**
 * One entry as a sentence in the reader's language (the stored row keeps its data, never words). An action
 * this module does not know yet still reads as words, not as a table name.
 */
const segment = (s: Subject): Segment => (s.href || s.lang ? { text: s.label, ...(s.href ? { href: s.href } : {}), ...(s.lang ? { lang: s.lang } : {}) } : s.label);

export function describeAudit(input: DescribeInput, t: T): Segment[] {
  const kind = AUDIT_KINDS[input.entity as AuditedEntity] as Kind | undefined;
  const name = segment(input.subject);
  const it = kind ? fill(kind.it(t), { name }) : [name];
  const meeting = input.meeting ? segment(input.meeting) : null;
  const where = meeting && input.meeting!.label !== input.subject.label ? fill(t("admin:audit.at"), { meeting }) : [];
  const b = fields(input.before);
  const a = fields(input.after);
  const who = input.who ?? t("admin:audit.someone");
  const ctx: Ctx = { ...input, t, anonymous: input.who === null, b, a, v: { who, it, at: where, fields: changedFields(t, a, b) } };
  const say = kind?.actions[input.action];
  const parts = say ? say(ctx) : fill(t("admin:audit.s.unknown"), { ...ctx.v, action: word(input.action) });
  return parts.filter((p) => p !== "");
}

/** The sentence as plain text (CSV, tests). */
export function sentenceText(parts: Segment[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
}

/** How much of one changed value the log shows; snapshots of long texts (a recommendation's text, a mail) are cut. */
export const CHANGE_LINE_CHARS = 300;

/**
 * One changed field per line: "title: Old → New", each cut at CHANGE_LINE_CHARS. Computed on the
 * server so the page's data carries these lines, not the whole before/after snapshots.
 */
export function changeLines(before: unknown, after: unknown): string[] {
  const fields = (v: unknown): Record<string, unknown> =>
    v === null || v === undefined ? {} : typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  const b = fields(before);
  const a = fields(after);
  const show = (v: unknown) => (v === undefined || v === null || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  const cut = (line: string) => (line.length > CHANGE_LINE_CHARS ? `${line.slice(0, CHANGE_LINE_CHARS)}…` : line);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((k) =>
    cut(k in b && k in a ? `${k}: ${show(b[k])} → ${show(a[k])}` : k in a ? `${k}: ${show(a[k])}` : `${k} (was): ${show(b[k])}`),
  );
}
