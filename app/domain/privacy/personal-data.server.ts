import { Prisma } from "~/generated/prisma/client.ts";
import { newToken } from "~/utils/tokens.server";

// The one list of where Convene stores personal data and what happens to it. Retention
// (retention.server.ts), the self-service data export (personalDataExport) and the organiser-side
// anonymisation all read it; personal-data.test.ts fails when a text column of prisma/schema.prisma
// is missing here, so a new column cannot slip past retention. See
// docs/decisions/055-retention-and-derived-keys.md.
//
// Every String/Json column except ids and references (`id`, `...Id`) is listed, as:
// - personal, with how retention erases it (`erase`), or
// - personal but kept, with the reason (`keep`): accounts, staff, the public programme, opt-outs, or
// - not personal (`no`), with a short reason where it is not obvious.
// `export: true` marks what the person's data export contains (non-text columns may be listed for that).

export type Erase =
  /** set to null */
  | "null"
  /** set to "" */
  | "empty"
  /** set to "[removed]" (columns that must not be empty, or where a gap should show) */
  | "removed"
  /** set to SQL NULL (nullable JSON columns) */
  | "json-null"
  /** set to {} (JSON objects) */
  | "empty-json"
  /** set to "Anonymised participant" (names shown in lists and counts) */
  | "anonymised-name"
  /** a unique, undeliverable placeholder address (unique columns) */
  | "placeholder-email"
  /** a fresh random token hash: the old private link stops working */
  | "new-token"
  /** the row is deleted */
  | "delete-row";

export type FieldRule =
  | { personal: true; erase: Erase; export?: true }
  | { personal: true; keep: string; export?: true }
  | { personal: false; why?: string; export?: true };

const erase = (how: Erase, opts: { export?: true } = {}): FieldRule => ({ personal: true, erase: how, ...opts });
const keep = (why: string): FieldRule => ({ personal: true, keep: why });
const no = (why?: string, opts: { export?: true } = {}): FieldRule => ({ personal: false, why, ...opts });
const exported = (): FieldRule => ({ personal: false, export: true });

export const REMOVED = "[removed]";
export const ANONYMISED_NAME = "Anonymised participant";

export const PERSONAL_DATA = {
  Agency: { name: no(), sortName: no(), acronym: no(), kind: no(), country: no() },
  User: {
    email: keep("the account: needed to sign in; kept while the account exists"),
    name: keep("the account: shown as the author of staff actions"),
    role: no(),
    locale: no("a choice between the interface languages, says nothing about the person"),
  },
  LoginToken: {
    tokenHash: no("hash of a one-time secret"),
    email: erase("delete-row"),
    redirectTo: erase("delete-row"),
  },
  RateLimit: { key: erase("delete-row") },
  AuditLog: {
    entity: no(),
    action: no(),
    before: erase("json-null"),
    after: erase("json-null"),
  },
  Series: { slug: no(), name: no(), description: no() },
  Meeting: {
    slug: no(), title: no(), description: no(), venue: no(), room: no(), city: no(), timeZone: no(), format: no(),
    onlineLink: no(), languages: no(), visibility: no(), status: no(),
    organiserName: keep("staff contact published with the meeting"),
    organiserEmail: keep("staff contact published with the meeting"),
    fundingProgramme: no(), approvalMode: no(), privacyNoticeVersion: no(), reminderOffsets: no(), language: no(),
  },
  AgendaItem: { kind: no(), title: no(), description: no(), room: no() },
  AgendaPerson: {
    name: keep("speakers and moderators: the meeting's public programme"),
    sortName: keep("the name's sort key (app/utils/sort-key.ts), kept with it"),
    role: no(),
  },
  Invitation: { email: erase("null"), tokenHash: no("hash of a secret") },
  Registration: {
    name: erase("anonymised-name", { export: true }),
    // the database client rewrites it as sortKey(name) whenever name is written (decision 062)
    sortName: erase("anonymised-name"),
    email: erase("placeholder-email", { export: true }),
    emailNormalised: erase("placeholder-email"),
    jobTitle: erase("empty", { export: true }),
    // the database rewrites it from name, email and job title whenever they are written (decision 102), so
    // after an erasure it holds the erased values
    searchText: erase("empty"),
    role: no(undefined, { export: true }),
    dietary: erase("empty", { export: true }),
    accessibility: erase("empty", { export: true }),
    consentNoticeVersion: no(undefined, { export: true }),
    status: no(undefined, { export: true }),
    attendance: no(undefined, { export: true }),
    language: no("the interface language of the registration, for its mail", { export: true }),
    manageTokenHash: erase("new-token"),
    listConsent: exported(),
    consentAt: exported(),
    checkedInAt: exported(),
    createdAt: exported(),
    updatedAt: exported(),
  },
  RegistrationEvent: {
    fromStatus: no(undefined, { export: true }),
    toStatus: no(undefined, { export: true }),
    reason: erase("empty", { export: true }),
    createdAt: exported(),
  },
  Theme: { slug: no(), name: no(), language: no() },
  Recommendation: {
    code: no(), title: no(), text: no(), rationale: no(), priority: no(), status: no(), closingEvidence: no(), language: no(),
  },
  RecommendationStatusChange: { fromStatus: no(), toStatus: no(), note: no("staff's note on an agency's work") },
  RecommendationDueTally: { dueMonth: no("a month, in counts of recommendations") },
  ProgressUpdate: {
    authorName: keep("staff of an agency reporting on a recommendation: part of its record"),
    text: no(), newStatus: no(), evidenceUrl: no(), state: no(), reviewNote: no(),
  },
  ProgressLink: { email: erase("removed"), tokenHash: no("hash of a secret") },
  RecommendationReview: { outcome: no() },
  OutboxMessage: {
    kind: no(undefined, { export: true }),
    toEmail: erase("removed"),
    toName: erase("empty"),
    subject: erase("removed", { export: true }),
    html: erase("empty"),
    text: erase("empty"),
    icsContent: erase("null"),
    icsMethod: no(),
    headers: erase("empty-json"),
    pendingRender: no("a template name and fixed wording; the person is in toName/toEmail"),
    status: no(undefined, { export: true }),
    lockedBy: no("worker name"),
    lastError: erase("null"),
    smtpResponse: erase("null"),
    messageId: no("random"),
    idempotencyKey: no("ids only"),
    sentAt: exported(),
    createdAt: exported(),
  },
  FollowUp: {
    subject: no("written by staff to all recipients"), summary: no(), documents: no(), recipients: no("a rule, not people"),
    status: no(), submissionKey: no("random"), language: no(),
  },
  ReminderSent: { offset: no() },
  // Documents are the meeting's record; a delegation's documents are deleted at anonymisation (decision 076).
  Document: { title: no("written by staff for an audience"), language: no() },
  StoredFile: { filename: no("the uploaded file's name"), mimeType: no(), sha256: no(), key: no("random") },
  // The summary record names agencies and counts attendance; people's names come from its text only (decision 078).
  SummaryRecord: { body: no("the meeting's conclusions, written by staff for its participants") },
  MailSuppression: { email: keep("the opt-out itself: needed so that no more non-essential mail is sent") },
  // Translations of the content above (decision 080), classified like their originals.
  MeetingTranslation: { language: no(), title: no(), description: no() },
  AgendaItemTranslation: { language: no(), title: no(), description: no() },
  DocumentTranslation: { language: no(), title: no("written by staff for an audience") },
  ThemeTranslation: { language: no(), name: no() },
  RecommendationTranslation: { language: no(), title: no(), text: no() },
  FollowUpTranslation: { language: no(), subject: no("written by staff to all recipients"), summary: no() },
} satisfies Record<string, Record<string, FieldRule>>;

export type PersonalModel = keyof typeof PERSONAL_DATA;

function rulesOf(model: PersonalModel): [string, FieldRule][] {
  return Object.entries(PERSONAL_DATA[model] as Record<string, FieldRule>);
}

/** What an erased column is set to: text, NULL, or for JSON columns SQL NULL or an empty object. */
type Erased = string | null | typeof Prisma.DbNull | Record<string, never>;

/** The Prisma `data` that erases a row's personal columns (rules other than delete-row). */
export function erasedData(model: PersonalModel, rowId: string): Record<string, Erased> {
  const data: Record<string, Erased> = {};
  for (const [field, rule] of rulesOf(model)) {
    if (!rule.personal || !("erase" in rule)) continue;
    switch (rule.erase) {
      case "null": data[field] = null; break;
      case "empty": data[field] = ""; break;
      case "removed": data[field] = REMOVED; break;
      case "json-null": data[field] = Prisma.DbNull; break;
      case "empty-json": data[field] = {}; break;
      case "anonymised-name": data[field] = ANONYMISED_NAME; break;
      case "placeholder-email": data[field] = `anonymised-${rowId}@invalid`; break;
      case "new-token": data[field] = newToken().hash; break;
      case "delete-row": throw new Error(`${model}.${field}: rows of ${model} are deleted, not updated`);
    }
  }
  return data;
}

/** The same erasure for updateMany: rules that do not depend on the row (no placeholder, no token). */
export function erasedDataForMany(model: PersonalModel): Record<string, Erased> {
  const data: Record<string, Erased> = {};
  for (const [field, rule] of rulesOf(model)) {
    if (!rule.personal || !("erase" in rule)) continue;
    if (rule.erase === "placeholder-email" || rule.erase === "new-token" || rule.erase === "delete-row") {
      throw new Error(`${model}.${field}: erase row by row`);
    }
    const fixed: Record<typeof rule.erase, Erased> = { null: null, empty: "", removed: REMOVED, "json-null": Prisma.DbNull, "empty-json": {}, "anonymised-name": ANONYMISED_NAME };
    data[field] = fixed[rule.erase];
  }
  return data;
}

/** The Prisma `select` of the columns the person's data export contains. */
export function exportSelect(model: PersonalModel): Record<string, true> {
  return Object.fromEntries(rulesOf(model).filter(([, r]) => r.export).map(([f]) => [f, true]));
}

/** Columns that hold personal data (erased or kept), for tests and documentation. */
export function personalFields(model: PersonalModel): string[] {
  return rulesOf(model).filter(([, r]) => r.personal).map(([f]) => f);
}
