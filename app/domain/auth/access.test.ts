import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAgency, createMeeting, createUser, formRequest, requestAs } from "~/test/factories";
import { createAgenda } from "~/test/factories.meetings";
import { createRecommendationRow } from "~/test/factories.recommendations";
import { registerPerson } from "~/test/factories.registration";
import { changeSummary } from "~/domain/summary/summary.server";
import { db } from "~/utils/db.server";

// Route x role: every route module in app/routes, its loader and its action with each intent, called
// as each kind of person, against the capability matrix (decision record 050). The data belongs to
// agency B; "focalOther" is the focal point of agency A acting on it, "focalOwn" the focal point of B.
// A route file the table does not list fails the test, so a new route must say who may use it.

const WHO = ["anonymous", "participant", "focalOther", "focalOwn", "secretariat", "organiser"] as const;
type Who = (typeof WHO)[number];
type Outcome = "ok" | "login" | "403" | "404";

type Fixture = Awaited<ReturnType<typeof buildFixture>>;
type Params = Record<string, string>;

/**
 * One call of a route. `access` says who gets through: "public" (everyone, anonymous included),
 * "token" and "config" (decided by a token or the server's configuration, never by role: every person
 * gets the same answer, and never 403 or a sign-in redirect), or the list of people allowed. Refused
 * signed-in people get 403, or 404 for those listed in `hidden` (their agency's data does not exist
 * for them); refused anonymous visitors are sent to sign in.
 */
type Row = {
  file: string;
  call: "loader" | "action";
  intent?: string;
  url?: (f: Fixture) => string;
  params: (f: Fixture) => Params | Promise<Params>;
  fields?: (f: Fixture, p: Params) => Record<string, string> | Promise<Record<string, string>>;
  access: "public" | "token" | "config" | "signed-in" | Who[];
  hidden?: Who[];
};

const STAFF: Who[] = ["secretariat", "organiser"];
const ORG: Who[] = ["organiser"];
const FOCALS: Who[] = ["focalOther", "focalOwn"];
const B_VIEWERS: Who[] = ["focalOwn", "secretariat", "organiser"];

const meetingP = (f: Fixture) => ({ id: f.meeting.id });
const slugP = (f: Fixture) => ({ slug: f.meeting.slug });
const none = () => ({});

async function freshFollowUp(f: Fixture) {
  return db.followUp.create({ data: { meetingId: f.meeting.id, subject: "Thanks", summary: "Summary" }, select: { id: true } });
}
async function freshRegistrationOfB(f: Fixture) {
  return registerPerson(f.meeting.id, f.agencyB.id);
}

const ROWS: Row[] = [
  { file: "_index.tsx", call: "loader", params: none, access: "public" },
  { file: "admin._index.tsx", call: "loader", params: none, access: STAFF },
  { file: "admin.agencies.$id.tsx", call: "loader", params: (f) => ({ id: f.agencyB.id }), access: ORG },
  { file: "admin.agencies.$id.tsx", call: "action", params: (f) => ({ id: f.agencyB.id }), access: ORG },
  { file: "admin.agencies._index.tsx", call: "loader", params: none, access: ORG },
  { file: "admin.agencies.new.tsx", call: "loader", params: none, access: ORG },
  { file: "admin.agencies.new.tsx", call: "action", params: none, access: ORG },
  { file: "admin.audit.tsx", call: "loader", params: none, access: STAFF },
  { file: "admin.mail.$id.tsx", call: "loader", params: (f) => ({ id: f.mail.id }), access: STAFF },
  { file: "admin.mail.$id.tsx", call: "action", intent: "resend", params: (f) => ({ id: f.mail.id }), access: STAFF },
  { file: "admin.mail._index.tsx", call: "loader", params: none, access: STAFF },
  { file: "admin.meetings.$id._index.tsx", call: "loader", params: meetingP, access: STAFF },
  { file: "admin.meetings.$id._index.tsx", call: "action", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.agenda.tsx", call: "loader", params: meetingP, access: ORG },
  ...["save-item", "delete-item", "add-person", "remove-person", "publish", "unpublish"].map(
    (intent): Row => ({ file: "admin.meetings.$id.agenda.tsx", call: "action", intent, params: meetingP, access: ORG }),
  ),
  { file: "admin.meetings.$id.badges[.]pdf.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.checkin.tsx", call: "loader", params: meetingP, access: ORG },
  ...["attend", "absent", "undo", "no-shows", "scan"].map(
    (intent): Row => ({ file: "admin.meetings.$id.checkin.tsx", call: "action", intent, params: meetingP, fields: (f) => ({ id: f.regB.id }), access: ORG }),
  ),
  { file: "admin.meetings.$id.checkin_.sheet.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.checkin_.sheet[.]pdf.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.clone.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.clone.tsx", call: "action", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.documents.tsx", call: "loader", params: meetingP, access: STAFF },
  ...["upload", "edit", "replace", "remove"].map((intent): Row => ({ file: "admin.meetings.$id.documents.tsx", call: "action", intent, params: meetingP, access: STAFF })),
  { file: "admin.meetings.$id.edit.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.edit.tsx", call: "action", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.history.tsx", call: "loader", params: meetingP, access: STAFF },
  { file: "admin.meetings.$id.mail._index.tsx", call: "loader", params: meetingP, access: STAFF },
  { file: "admin.meetings.$id.mail.follow-ups.$followUpId.tsx", call: "loader", params: async (f) => ({ id: f.meeting.id, followUpId: (await freshFollowUp(f)).id }), access: STAFF },
  ...["send", "discard", "retry-failed"].map(
    (intent): Row => ({
      file: "admin.meetings.$id.mail.follow-ups.$followUpId.tsx",
      call: "action",
      intent,
      params: async (f) => ({ id: f.meeting.id, followUpId: (await freshFollowUp(f)).id }),
      access: STAFF,
    }),
  ),
  { file: "admin.meetings.$id.mail.follow-ups.new.tsx", call: "loader", params: meetingP, access: STAFF },
  { file: "admin.meetings.$id.mail.follow-ups.new.tsx", call: "action", params: meetingP, access: STAFF },
  { file: "admin.meetings.$id.mail.follow-ups.new.tsx", call: "action", intent: "preview", params: meetingP, access: STAFF },
  { file: "admin.meetings.$id.recommendations.tsx", call: "loader", params: meetingP, access: STAFF },
  ...["quick-add", "add-open"].map((intent): Row => ({ file: "admin.meetings.$id.recommendations.tsx", call: "action", intent, params: meetingP, access: STAFF })),
  {
    file: "admin.meetings.$id.recommendations.tsx",
    call: "action",
    intent: "review-table",
    params: (f) => ({ id: f.later.id }),
    fields: (f) => ({ "rows[0].reviewId": f.review.id, "rows[0].wasStatus": "ADOPTED", "rows[0].wasProgress": "0", "rows[0].outcome": "Noted.", "rows[0].status": "ADOPTED" }),
    access: STAFF,
  },
  { file: "admin.meetings.$id.registrations.tsx", call: "loader", params: meetingP, access: ORG },
  ...["approve", "decline", "fill"].map(
    (intent): Row => ({ file: "admin.meetings.$id.registrations.tsx", call: "action", intent, params: meetingP, fields: async (f) => ({ ids: (await freshRegistrationOfB(f)).id }), access: ORG }),
  ),
  { file: "admin.meetings.$id.registrations[.]csv.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.registrations_.$registrationId.tsx", call: "loader", params: (f) => ({ id: f.meeting.id, registrationId: f.regB.id }), access: ORG },
  ...["approve", "decline", "cancel", "confirm-cancel", "attend", "no-show", "undo"].map(
    (intent): Row => ({
      file: "admin.meetings.$id.registrations_.$registrationId.tsx",
      call: "action",
      intent,
      params: async (f) => ({ id: f.meeting.id, registrationId: (await freshRegistrationOfB(f)).id }),
      access: ORG,
    }),
  ),
  { file: "admin.meetings.$id.registrations_.delegations.tsx", call: "loader", params: meetingP, access: ORG },
  ...["delegation", "invite", "revoke"].map((intent): Row => ({ file: "admin.meetings.$id.registrations_.delegations.tsx", call: "action", intent, params: meetingP, access: ORG })),
  { file: "admin.meetings.$id.registrations_.import.tsx", call: "loader", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.registrations_.import.tsx", call: "action", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.registrations_.import.tsx", call: "action", intent: "add", params: meetingP, access: ORG },
  { file: "admin.meetings.$id.summary.tsx", call: "loader", params: meetingP, access: STAFF },
  // Without the page's updatedAt the saves are refused as stale (400): the rows check access, not writing.
  ...["draft", "preview", "save", "publish", "unpublish"].map(
    (intent): Row => ({ file: "admin.meetings.$id.summary.tsx", call: "action", intent, params: meetingP, fields: () => ({ body: "Text" }), access: STAFF }),
  ),
  { file: "admin.meetings.$id.translations.tsx", call: "loader", params: meetingP, access: ORG },
  // Without the page's stamp the save is refused as stale (400): the row checks access, not writing.
  { file: "admin.meetings.$id.translations.tsx", call: "action", params: meetingP, fields: () => ({ language: "en", into: "fr", title: "Titre" }), access: ORG },
  { file: "admin.meetings.$id.tsx", call: "loader", params: meetingP, access: STAFF },
  { file: "admin.meetings._index.tsx", call: "loader", params: none, access: STAFF },
  { file: "admin.meetings.new.tsx", call: "loader", params: none, access: ORG },
  { file: "admin.meetings.new.tsx", call: "action", params: none, access: ORG },
  { file: "admin.series.$id.tsx", call: "loader", params: (f) => ({ id: f.series.id }), access: ORG },
  { file: "admin.series.$id.tsx", call: "action", params: (f) => ({ id: f.series.id }), access: ORG },
  { file: "admin.series.$id.tsx", call: "action", intent: "delete", params: async () => ({ id: (await db.series.create({ data: { slug: `gone-${crypto.randomUUID()}`, name: "Gone" } })).id }), access: ORG },
  { file: "admin.series._index.tsx", call: "loader", params: none, access: ORG },
  { file: "admin.series.new.tsx", call: "loader", params: none, access: ORG },
  { file: "admin.series.new.tsx", call: "action", params: none, access: ORG },
  // A focal point's own delegation: each sees their agency's; B's delegates are B's focal point's alone.
  { file: "delegations.$slug.tsx", call: "loader", params: slugP, access: FOCALS },
  { file: "delegations.$slug.tsx", call: "action", intent: "register", params: slugP, access: FOCALS },
  // "cancel" only asks for the confirmation step; "confirm-cancel" cancels.
  { file: "delegations.$slug.tsx", call: "action", intent: "cancel", params: slugP, fields: (f) => ({ id: f.regB.id }), access: FOCALS },
  { file: "delegations.$slug.tsx", call: "action", intent: "confirm-cancel", params: slugP, fields: async (f) => ({ id: (await freshRegistrationOfB(f)).id }), access: ["focalOwn"] },
  { file: "delegations.$slug.tsx", call: "action", intent: "head", params: slugP, fields: (f) => ({ id: f.regB.id }), access: ["focalOwn"] },
  { file: "delegations.$slug_.$registrationId.tsx", call: "loader", params: (f) => ({ slug: f.meeting.slug, registrationId: f.regB.id }), access: ["focalOwn"], hidden: ["focalOther"] },
  { file: "delegations.$slug_.$registrationId.tsx", call: "action", params: (f) => ({ slug: f.meeting.slug, registrationId: f.regB.id }), access: ["focalOwn"], hidden: ["focalOther"] },
  { file: "delegations._index.tsx", call: "loader", params: none, access: FOCALS },
  { file: "dev.mailbox.$id.tsx", call: "loader", params: (f) => ({ id: f.mail.id }), access: "config" },
  { file: "dev.mailbox._index.tsx", call: "loader", params: none, access: "config" },
  // A participants-only document of the meeting: its confirmed participants and staff; anyone else gets 404
  // (the file's existence is not confirmed), anonymous visitors are asked to sign in. A public one: everyone.
  { file: "files.$key.tsx", call: "loader", params: (f) => ({ key: f.files.participants }), access: ["participant", ...STAFF], hidden: FOCALS },
  { file: "files.$key.tsx", call: "loader", params: (f) => ({ key: f.files.public }), access: "public" },
  { file: "invite.$token.tsx", call: "loader", params: () => ({ token: "unknown-token" }), access: "token" },
  { file: "invite.$token.tsx", call: "action", params: () => ({ token: "unknown-token" }), access: "token" },
  { file: "login.$token.tsx", call: "loader", params: () => ({ token: "unknown-token" }), access: "token" },
  { file: "login.tsx", call: "loader", params: none, access: "public" },
  { file: "login.tsx", call: "action", params: none, access: "public" },
  { file: "logout.tsx", call: "loader", params: none, access: "public" },
  { file: "logout.tsx", call: "action", params: none, access: "public" },
  // /me: everyone signed in; a registration id that is not theirs is refused.
  { file: "me.tsx", call: "loader", params: none, access: "signed-in" },
  ...["link", "cancel", "confirm-cancel"].map(
    (intent): Row => ({
      file: "me.tsx",
      call: "action",
      intent,
      params: none,
      fields: async (f) => ({ id: (await registerPerson((await createMeeting()).id, f.agencyA.id, { userId: f.users.participant.id, person: { email: f.users.participant.email } })).id }),
      access: ["participant"],
    }),
  ),
  // The saved language (interface and mail): anyone signed in, for their own account.
  { file: "me.tsx", call: "action", intent: "locale", params: none, fields: async () => ({ locale: "fr" }), access: "signed-in" },
  { file: "meetings.$slug._index.tsx", call: "loader", params: slugP, access: "public" },
  { file: "meetings.$slug.agenda.tsx", call: "loader", params: (f) => ({ slug: f.agendaMeeting.slug }), access: "public" },
  { file: "meetings.$slug.calendar[.ics].tsx", call: "loader", params: slugP, access: "public" },
  { file: "meetings.$slug.documents[.]zip.tsx", call: "loader", params: slugP, access: "public" },
  // The participant list: organisers, and confirmed participants of the meeting (the participant is one).
  { file: "meetings.$slug.participants.tsx", call: "loader", params: slugP, access: ["participant", "organiser"] },
  // A participants-only summary record: staff and the meeting's confirmed participants (the participant is one).
  { file: "meetings.$slug.summary.tsx", call: "loader", params: (f) => ({ slug: f.summaryMeeting.slug }), access: ["participant", ...STAFF] },
  { file: "meetings.$slug.summary[.]pdf.tsx", call: "loader", params: (f) => ({ slug: f.summaryMeeting.slug }), access: ["participant", ...STAFF] },
  { file: "meetings.$slug.register.tsx", call: "loader", params: slugP, access: "public" },
  { file: "meetings.$slug.register.tsx", call: "action", params: slugP, access: "public" },
  { file: "meetings._index.tsx", call: "loader", params: none, access: "public" },
  { file: "progress.$token.tsx", call: "loader", params: () => ({ token: "unknown-token" }), access: "token" },
  { file: "progress.$token.tsx", call: "action", params: () => ({ token: "unknown-token" }), access: "token" },
  // A recommendation led by agency B.
  { file: "recommendations.$id._index.tsx", call: "loader", params: (f) => ({ id: f.rec.id }), access: B_VIEWERS },
  { file: "recommendations.$id._index.tsx", call: "action", intent: "progress", params: (f) => ({ id: f.rec.id }), access: B_VIEWERS },
  ...["transition", "request-progress", "add-review"].map((intent): Row => ({ file: "recommendations.$id._index.tsx", call: "action", intent, params: (f) => ({ id: f.rec.id }), access: STAFF })),
  {
    file: "recommendations.$id._index.tsx",
    call: "action",
    intent: "outcome",
    params: (f) => ({ id: f.rec.id }),
    fields: (f) => ({ reviewId: f.review.id, outcome: "Noted." }),
    access: STAFF,
  },
  { file: "recommendations.$id.edit.tsx", call: "loader", params: (f) => ({ id: f.rec.id }), access: STAFF },
  { file: "recommendations.$id.edit.tsx", call: "action", params: (f) => ({ id: f.rec.id }), access: STAFF },
  { file: "recommendations.$id.translation.tsx", call: "loader", params: (f) => ({ id: f.rec.id }), access: STAFF },
  { file: "recommendations.$id.translation.tsx", call: "action", params: (f) => ({ id: f.rec.id }), access: STAFF },
  { file: "recommendations.themes.tsx", call: "loader", params: none, access: STAFF },
  { file: "recommendations.themes.tsx", call: "action", params: none, access: STAFF },
  { file: "recommendations._index.tsx", call: "loader", params: none, access: [...FOCALS, ...STAFF] },
  { file: "recommendations.dashboard.tsx", call: "loader", params: none, access: STAFF },
  { file: "recommendations.export.tsx", call: "loader", params: none, access: [...FOCALS, ...STAFF] },
  { file: "recommendations.export.tsx", call: "loader", url: () => "/recommendations/export?view=dashboard", params: none, access: STAFF },
  { file: "recommendations.import.tsx", call: "loader", params: none, access: STAFF },
  { file: "recommendations.import.tsx", call: "action", params: none, access: STAFF },
  { file: "recommendations.new.tsx", call: "loader", params: none, access: STAFF },
  { file: "recommendations.new.tsx", call: "action", params: none, access: STAFF },
  { file: "recommendations.queue.tsx", call: "loader", params: none, access: STAFF },
  { file: "recommendations.rate.tsx", call: "loader", params: none, access: STAFF },
  { file: "recommendations.summary.tsx", call: "loader", params: none, access: STAFF },
  ...["accept", "return"].map((intent): Row => ({ file: "recommendations.queue.tsx", call: "action", intent, params: none, fields: (f) => ({ updateId: f.update.id, reviewNote: "Thanks" }), access: STAFF })),
  { file: "recommendations.report.tsx", call: "loader", url: (f) => `/recommendations/report?agency=${f.agencyB.id}`, params: none, access: B_VIEWERS },
  { file: "recommendations.report.tsx", call: "loader", url: (f) => `/recommendations/report?meeting=${f.meeting.id}`, params: none, access: STAFF },
  { file: "registrations.$token.tsx", call: "loader", params: () => ({ token: "unknown-token" }), access: "token" },
  ...["edit", "cancel", "confirm-cancel"].map((intent): Row => ({ file: "registrations.$token.tsx", call: "action", intent, params: () => ({ token: "unknown-token" }), access: "token" })),
  { file: "registrations.$token_.export.tsx", call: "loader", params: () => ({ token: "unknown-token" }), access: "token" },
  { file: "series.$slug._index.tsx", call: "loader", params: (f) => ({ slug: f.series.slug }), access: "public" },
  { file: "series.$slug.calendar[.ics].tsx", call: "loader", params: (f) => ({ slug: f.series.slug }), access: "public" },
  { file: "series._index.tsx", call: "loader", params: none, access: "public" },
  { file: "unsubscribe.$token.tsx", call: "loader", params: () => ({ token: "unknown-token" }), access: "token" },
  { file: "unsubscribe.$token.tsx", call: "action", params: () => ({ token: "unknown-token" }), access: "token" },
];

async function buildFixture() {
  const agencyA = await createAgency({ name: "Agency A" });
  const agencyB = await createAgency({ name: "Agency B" });
  const users = {
    participant: await createUser("PARTICIPANT"),
    focalOther: await createUser("FOCAL_POINT", { agencyId: agencyA.id }),
    focalOwn: await createUser("FOCAL_POINT", { agencyId: agencyB.id }),
    secretariat: await createUser("SECRETARIAT"),
    organiser: await createUser("ORGANISER"),
  };
  const series = await db.series.create({ data: { slug: `series-${crypto.randomUUID().slice(0, 8)}`, name: "Group" } });
  const meeting = await createMeeting({ seriesId: series.id, startsAt: new Date("2031-06-04T07:00:00Z") });
  await db.meeting.update({ where: { id: meeting.id }, data: { participantListVisible: true } });
  const later = await createMeeting({ startsAt: new Date("2032-06-04T07:00:00Z") });
  const agendaMeeting = await createMeeting({ startsAt: new Date("2031-09-04T07:00:00Z") });
  await createAgenda(agendaMeeting.id, [["Opening", "2031-09-04T07:00:00Z", "2031-09-04T08:00:00Z"]]);
  await db.meeting.update({ where: { id: agendaMeeting.id }, data: { agendaPublishedAt: new Date() } });
  await registerPerson(meeting.id, agencyA.id, { userId: users.participant.id, person: { email: users.participant.email } });
  const regB = await registerPerson(meeting.id, agencyB.id);
  const rec = await createRecommendationRow({ meetingId: meeting.id, leadAgencyId: agencyB.id, status: "ADOPTED" });
  const review = await db.recommendationReview.create({ data: { recommendationId: rec.id, meetingId: later.id } });
  const update = await db.progressUpdate.create({ data: { recommendationId: rec.id, authorName: "B focal", agencyId: agencyB.id, text: "Done half." } });
  const mail = await db.outboxMessage.create({
    data: { kind: "test", toEmail: "someone@example.org", subject: "Hello", html: "<p>Hi</p>", text: "Hi", status: "SENT", messageId: `<${crypto.randomUUID()}@convene.test>`, idempotencyKey: crypto.randomUUID() },
  });
  const summaryMeeting = await createMeeting({ startsAt: new Date("2031-10-04T07:00:00Z") });
  await registerPerson(summaryMeeting.id, agencyA.id, { userId: users.participant.id, person: { email: users.participant.email } });
  const secretariat = { id: users.secretariat.id, role: "SECRETARIAT" as const, agencyId: null, name: users.secretariat.name, email: users.secretariat.email };
  await changeSummary(secretariat, summaryMeeting.id, { intent: "publish", body: "Conclusions.", visibility: "PARTICIPANTS", updatedAt: "" });
  const document = async (visibility: "PUBLIC" | "PARTICIPANTS") => {
    const file = await db.storedFile.create({
      data: { filename: "paper.txt", mimeType: "text/plain; charset=utf-8", size: 5, sha256: "-", key: crypto.randomUUID(), content: { create: { data: new Uint8Array(Buffer.from("Paper")) } } },
    });
    await db.document.create({ data: { meetingId: meeting.id, title: `${visibility} paper`, visibility, versions: { create: { version: 1, fileId: file.id } } } });
    return file.key;
  };
  const files = { public: await document("PUBLIC"), participants: await document("PARTICIPANTS") };
  return { agencyA, agencyB, users, series, meeting, later, agendaMeeting, regB, rec, review, update, mail, summaryMeeting, files };
}

const modules = import.meta.glob<Record<string, unknown>>("../../routes/*.tsx");
const routeDir = path.resolve(__dirname, "../../routes");

async function call(row: Row, who: Who, f: Fixture): Promise<Outcome> {
  const params = await row.params(f);
  const mod = await modules[`../../routes/${row.file}`]();
  const fn = mod[row.call] as (args: unknown) => Promise<unknown>;
  const userId = who === "anonymous" ? null : f.users[who].id;
  const url = row.url?.(f) ?? `/${row.file.replace(/\.tsx$/, "")}`;
  const init: RequestInit =
    row.call === "action" ? { ...formRequest({ ...(row.intent ? { intent: row.intent } : {}), ...(await row.fields?.(f, params)) }) } : {};
  if (init.body) init.headers = { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://convene.test" };
  const request = await requestAs(userId, url, init);
  // A fresh client address per call, so the abuse limits of public and token pages never interfere.
  const context = { clientIp: `198.51.100.${Math.floor(Math.random() * 250)}-${crypto.randomUUID()}` };
  let r: unknown;
  try {
    r = await fn({ request, params, context });
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    r = e;
  }
  if (!(r instanceof Response)) return "ok";
  if (r.status >= 500) throw new Error(`${row.file} ${row.call} ${row.intent ?? ""} as ${who}: ${r.status}`);
  if (r.status >= 300 && r.status < 400) return r.headers.get("Location")?.startsWith("/login") ? "login" : "ok";
  if (r.status === 403) return "403";
  if (r.status === 404) return "404";
  return "ok";
}

function expected(row: Row, who: Who): Outcome | null {
  if (row.access === "public") return "ok";
  if (row.access === "token" || row.access === "config") return null;
  if (who === "anonymous") return "login";
  if (row.access === "signed-in" || row.access.includes(who)) return "ok";
  return row.hidden?.includes(who) ? "404" : "403";
}

const label = (r: Row) => `${r.file} ${r.call}${r.intent ? ` intent=${r.intent}` : ""}${r.url ? ` (${r.url.toString().match(/\?[^`]*/)?.[0] ?? ""})` : ""}`;

describe("route x role access", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await buildFixture();
  });

  it("lists every route module in app/routes, with its loader, its action and every intent the action names", () => {
    const files = readdirSync(routeDir).filter((n) => /\.tsx?$/.test(n) && !n.includes(".test."));
    const listed = new Set(ROWS.map((r) => r.file));
    expect(files.filter((n) => !listed.has(n)), "route files missing from the access table").toEqual([]);
    expect([...listed].filter((n) => !files.includes(n)), "table rows for routes that do not exist").toEqual([]);
    for (const file of files) {
      const source = readFileSync(path.join(routeDir, file), "utf8");
      const rows = ROWS.filter((r) => r.file === file);
      if (/export (async )?function loader|export const loader/.test(source)) expect(rows.some((r) => r.call === "loader"), `${file} loader`).toBe(true);
      if (/export (async )?function action|export const action/.test(source)) {
        expect(rows.some((r) => r.call === "action"), `${file} action`).toBe(true);
        const intents = [...source.matchAll(/(?:case|intent ===|intent !==) "([a-z-]+)"/g)].map((m) => m[1]);
        for (const intent of intents) expect(rows.some((r) => r.call === "action" && r.intent === intent), `${file} intent ${intent}`).toBe(true);
      }
    }
  });

  it.each(ROWS.map((r) => [label(r), r] as const))("%s", async (_, row) => {
    const got: Record<string, Outcome> = {};
    for (const who of WHO) got[who] = await call(row, who, f);
    if (row.access === "token" || row.access === "config") {
      // Decided by the token or the server's configuration: the same answer for everyone, never a role refusal.
      expect(new Set(Object.values(got)).size, JSON.stringify(got)).toBe(1);
      expect(["ok", "404"]).toContain(got.anonymous);
      return;
    }
    const want = Object.fromEntries(WHO.map((who) => [who, expected(row, who)]));
    expect(got).toEqual(want);
  });
});
