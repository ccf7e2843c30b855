import type { AuditedEntity } from "./audit.server";
import { statusLabel } from "~/domain/recommendations/status";

// The audit log in words: each entry becomes a sentence a person understands ("Anna Weber recorded the
// outcome 'Adopted' for recommendation BRU-2026-01"), with links to the things it names. One place
// maps every audited kind of record and its actions to words; describe.test.ts fails when a kind in
// AUDITED_ENTITIES has no description here (decision 075).

/** A piece of a sentence: plain text, or the name of a thing with a link to its page. */
export type Segment = string | { text: string; href?: string };
/** The thing an entry is about (and the meeting it belongs to), as looked up for the page. */
export type Subject = { label: string; href?: string };

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
  label: string;
  /** "the agency", "recommendation": put before the subject's name */
  noun: string;
  actions: Record<string, (e: Ctx) => Segment[]>;
};

type Ctx = DescribeInput & { who: string; it: Segment[]; at: Segment[]; b: Record<string, unknown>; a: Record<string, unknown> };

const fields = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const quote = (v: unknown) => `‘${String(v ?? "").length > 120 ? `${String(v).slice(0, 120)}…` : String(v ?? "")}’`;
const n = (v: unknown, one: string, many: string) => `${Number(v ?? 0)} ${Number(v ?? 0) === 1 ? one : many}`;
const audience = (v: unknown) => (v === "PUBLIC" ? "everyone" : "confirmed participants");
const word = (v: unknown) => String(v ?? "").toLowerCase().replace(/_/g, " ");

/** The names of the fields an update changed, in words: "title, start time". */
const FIELD_WORDS: Record<string, string> = {
  startsAt: "start time", endsAt: "end time", timeZone: "time zone", leadAgencyId: "lead agency", agendaItemId: "agenda item", dueDate: "due date",
  registrationOpensAt: "registration opening", registrationClosesAt: "registration closing", jobTitle: "job title", listConsent: "consent to the participant list",
  headRegistrationId: "head of delegation", onlineUrl: "online link", seriesId: "series", supportingAgencyIds: "supporting agencies", themeIds: "themes",
};
function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]) || !(k in b));
  if (!keys.length) return "";
  const names = keys.map((k) => FIELD_WORDS[k] ?? k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
  return ` (${names.slice(0, 6).join(", ")}${names.length > 6 ? ", …" : ""})`;
}

export const AUDIT_KINDS: Record<AuditedEntity, Kind> = {
  Agency: {
    label: "Agencies",
    noun: "the agency",
    actions: {
      create: (e) => [e.who, " added ", ...e.it],
      update: (e) => [e.who, " changed ", ...e.it, changedFields(e.a, e.b)],
    },
  },
  Agenda: {
    label: "Agenda publication",
    noun: "the agenda of",
    actions: {
      publish: (e) => [e.who, " published ", ...e.it],
      unpublish: (e) => [e.who, " withdrew ", ...e.it, " from the public pages"],
    },
  },
  AgendaItem: {
    label: "Agenda items",
    noun: "the agenda item",
    actions: {
      create: (e) => [e.who, " added ", ...e.it, ...e.at],
      update: (e) => [e.who, " changed ", ...e.it, changedFields(e.a, e.b), ...e.at],
      delete: (e) => [e.who, " deleted the agenda item ", quote(e.b.title ?? e.subject.label), ...e.at],
      "add-person": (e) => [e.who, ` added ${String(e.a.name ?? "a person")} as ${word(e.a.role) || "speaker"} to `, ...e.it],
      "remove-person": (e) => [e.who, ` removed ${String(e.b.name ?? "a person")} from `, ...e.it],
    },
  },
  Delegation: {
    label: "Delegations",
    noun: "the delegation of",
    actions: {
      save: (e) => [e.who, " updated ", ...e.it, ...e.at],
      head: (e) => [e.who, " named the head of ", ...e.it, ...e.at],
    },
  },
  FollowUp: {
    label: "Follow-up mails",
    noun: "the follow-up mail",
    actions: {
      draft: (e) => [e.who, " drafted ", ...e.it, ` to ${n(e.a.recipients, "participant", "participants")}`, ...e.at],
      send: (e) => [e.who, " sent ", ...e.it, ` to ${n(e.a.messages, "participant", "participants")}`, ...e.at],
      discard: (e) => [e.who, " discarded the draft follow-up mail ", quote(e.b.subject ?? e.subject.label), ...e.at],
      "retry-failed": (e) => [e.who, ` sent ${n(e.a.messages, "failed message", "failed messages")} of `, ...e.it, " again"],
    },
  },
  Invitation: {
    label: "Invitations",
    noun: "an invitation",
    actions: {
      create: (e) => [e.who, " created ", ...e.it, e.a.email ? ` for ${String(e.a.email)}` : "", ...e.at],
      revoke: (e) => [e.who, " revoked ", ...e.it, ...e.at],
    },
  },
  Document: {
    label: "Documents",
    noun: "the document",
    actions: {
      upload: (e) => [e.who, " uploaded ", ...e.it, e.a.filename ? ` (${String(e.a.filename)})` : "", ...e.at],
      update: (e) => [e.who, " changed ", ...e.it, changedFields(e.a, e.b), ...e.at],
      replace: (e) => [e.who, ` uploaded version ${Number(e.a.version ?? 0)} of `, ...e.it, e.a.filename ? ` (${String(e.a.filename)})` : "", ...e.at],
      remove: (e) => [e.who, " removed the document ", quote(e.b.title ?? e.subject.label), ...e.at],
    },
  },
  Meeting: {
    label: "Meetings",
    noun: "the meeting",
    actions: {
      create: (e) => [e.who, " created ", ...e.it],
      update: (e) => [e.who, " changed ", ...e.it, changedFields(e.a, e.b)],
      status: (e) => [e.who, ` moved `, ...e.it, ` from ${word(e.b.status)} to ${word(e.a.status)}`],
      clone: (e) => [e.who, " created ", ...e.it, ` as the next session of ${String(e.a.from ?? "another meeting")}, with ${n(e.a.agendaItems, "agenda item", "agenda items")}`],
      "recommendations-for-review": (e) => [e.who, ` put ${n(e.a.added, "open recommendation", "open recommendations")} on the review list of `, ...e.it],
      "add-open-recommendations": (e) => [e.who, ` put ${n(e.a.count, "open recommendation", "open recommendations")} on the review list of `, ...e.it],
      "anonymise-registrations": (e) => [`The registrations of `, ...e.it, ` were anonymised (${n(e.a.registrations, "person", "people")}), as the retention rule requires`],
    },
  },
  OutboxMessage: {
    label: "Sent mail",
    noun: "the mail",
    actions: {
      "resend-requeued": (e) => [e.who, " queued ", ...e.it, " again"],
      "resend-copied": (e) => [e.who, " sent a new copy of ", ...e.it],
    },
  },
  ProgressUpdate: {
    label: "Progress reports",
    noun: "a progress report on recommendation",
    actions: {
      submit: (e) => [e.who, " sent ", ...e.it],
      "submit-by-link": (e) => [e.who === SOMEONE ? "A focal point" : e.who, " sent ", ...e.it, " through an emailed link"],
      accept: (e) => [e.who, " accepted ", ...e.it],
      return: (e) => [e.who, " returned ", ...e.it, " to its author"],
    },
  },
  Recommendation: {
    label: "Recommendations",
    noun: "recommendation",
    actions: {
      create: (e) => [e.who, " recorded ", ...e.it],
      update: (e) => [e.who, " edited ", ...e.it, changedFields(e.a, e.b)],
      status: (e) => [e.who, " changed the status of ", ...e.it, ` from ${quote(statusLabel(String(e.b.status ?? "")))} to ${quote(statusLabel(String(e.a.status ?? "")))}`, e.a.note ? `: ${quote(e.a.note)}` : ""],
      progress: (e) => [e.who, ` set the progress of `, ...e.it, ` to ${Number(e.a.progress ?? 0)} %`, e.a.note ? `: ${quote(e.a.note)}` : ""],
      "request-progress": (e) => [e.who, " asked the lead agency's focal points for progress on ", ...e.it],
    },
  },
  RecommendationReview: {
    label: "Reviews at later sessions",
    noun: "recommendation",
    actions: {
      create: (e) => [e.who, " put ", ...e.it, " on the review list", ...e.at],
      outcome: (e) => [e.who, ` recorded the outcome ${quote(e.a.outcome)} for `, ...e.it, ...e.at],
    },
  },
  Registration: {
    label: "Registrations",
    noun: "the registration of",
    actions: {
      approve: (e) => [e.who, " approved ", ...e.it, ...e.at],
      decline: (e) => [e.who, " declined ", ...e.it, ...e.at],
      cancel: (e) => [e.who === SOMEONE ? "The participant" : e.who, " cancelled ", ...e.it, ...e.at],
      attendance: (e) => [e.who, " marked ", ...e.it, ` as ${word(e.a.attendance) || "not recorded"}`, ...e.at],
      update: (e) => [e.who === SOMEONE ? "The participant" : e.who, " changed ", ...e.it, changedFields(e.a, e.b), ...e.at],
    },
  },
  Series: {
    label: "Meeting series",
    noun: "the series",
    actions: {
      create: (e) => [e.who, " created ", ...e.it],
      update: (e) => [e.who, " changed ", ...e.it, changedFields(e.a, e.b)],
      delete: (e) => [e.who, " deleted the series ", quote(e.b.name ?? e.subject.label)],
    },
  },
  SummaryRecord: {
    label: "Summary records",
    noun: "the summary record of",
    actions: {
      save: (e) => [e.who, " saved a draft of ", ...e.it],
      publish: (e) => [e.who, ` published `, ...e.it, ` for ${audience(e.a.visibility)}`, e.a.version ? ` (PDF version ${Number(e.a.version)})` : ""],
      republish: (e) => [e.who, ` published changes to `, ...e.it, ` for ${audience(e.a.visibility)}`, e.a.version ? ` (PDF version ${Number(e.a.version)})` : ""],
      unpublish: (e) => [e.who, " withdrew ", ...e.it, " from its readers"],
    },
  },
  User: {
    label: "People and sign-in",
    noun: "",
    actions: {
      "sign-in-link-issued": (e) => ["A sign-in link for ", ...e.it, " was issued from the operator command"],
    },
  },
};

const SOMEONE = "Someone";

/** The filter's choices: each kind of record named for people. */
export function auditKindOptions(): { value: AuditedEntity; label: string }[] {
  return (Object.keys(AUDIT_KINDS) as AuditedEntity[]).map((value) => ({ value, label: AUDIT_KINDS[value].label })).sort((x, y) => x.label.localeCompare(y.label));
}

/** One entry as a sentence. An action this module does not know yet still reads as words, not as a table name. */
export function describeAudit(input: DescribeInput): Segment[] {
  const kind = AUDIT_KINDS[input.entity as AuditedEntity] as Kind | undefined;
  const name: Segment = input.subject.href ? { text: input.subject.label, href: input.subject.href } : input.subject.label;
  const it: Segment[] = kind?.noun ? [`${kind.noun} `, name] : [name];
  const at: Segment[] = input.meeting && input.meeting.label !== input.subject.label ? [" (", input.meeting.href ? { text: input.meeting.label, href: input.meeting.href } : input.meeting.label, ")"] : [];
  const ctx: Ctx = { ...input, who: input.who ?? SOMEONE, it, at, b: fields(input.before), a: fields(input.after) };
  const say = kind?.actions[input.action];
  const parts = say ? say(ctx) : [ctx.who, ` did “${word(input.action)}” on `, ...it, ...at];
  return parts.filter((p) => p !== "");
}

/** The sentence as plain text (CSV, tests). */
export function sentenceText(parts: Segment[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
}
