// Database side of `npm run bench` (scripts/bench.ts and its parts), run with the DATABASE_URL of the database
// under test; prints one line of JSON. The bench talks HTTP to the app for everything it measures: this script
// only sets up what a measurement needs (a meeting, a signed-in session) and reads the outcome back to check it.
//   setup <seats>                 a published meeting open for registration, automatic confirmation
//   approval-meeting <capacity>   a published meeting whose registrations wait for approval; the agency names
//   followup-meeting <n>          a held meeting with n people who attended (for the follow-up mail)
//   check <slug>                  outcome of a registration storm (statuses, waiting list ranked 1..n)
//   counts <meetingId>            registrations by status
//   ids <meetingId> <status> <n>  ids of n registrations in a status
//   cookie <email> <secret>       a Session row for the person and the Cookie header that carries it
//   targets                       the pages to measure: a meeting, a series, the meeting with most registrations
import crypto from "node:crypto";
import { createCookieSessionStorage } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { PAGE_SIZE } from "~/utils/pagination";
import type { RegistrationStatus } from "~/generated/prisma/enums.ts";

const [command, ...args] = process.argv.slice(2);
const DAY = 86_400_000;
const out = (value: unknown) => console.info(JSON.stringify(value));

async function newMeeting(title: string, data: Record<string, unknown>) {
  const slug = `bench-${title.toLowerCase().replace(/\W+/g, "-")}-${Date.now().toString(36)}${crypto.randomBytes(2).toString("hex")}`;
  const now = Date.now();
  return db.meeting.create({
    data: {
      slug, title: `${title} (bench)`, timeZone: "Europe/Brussels", city: "Brussels",
      startsAt: new Date(now + 60 * DAY), endsAt: new Date(now + 61 * DAY),
      status: "PUBLISHED", visibility: "PUBLIC", approvalMode: "AUTOMATIC",
      registrationOpensAt: new Date(now - DAY), registrationClosesAt: new Date(now + 30 * DAY),
      ...data,
    },
    select: { id: true, slug: true },
  });
}

async function statusCounts(meetingId: string) {
  const groups = await db.registration.groupBy({ by: ["status"], where: { meetingId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
}

if (command === "setup") {
  const meeting = await newMeeting("Registration storm", { capacity: Number(args[0]) });
  const agency = await db.agency.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
  out({ slug: meeting.slug, id: meeting.id, agencyId: agency.id });
} else if (command === "approval-meeting") {
  const meeting = await newMeeting("Import and approval", { capacity: Number(args[0]), approvalMode: "APPROVAL" });
  const agencies = await db.agency.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 40 });
  out({ id: meeting.id, agencies: agencies.map((a) => a.name) });
} else if (command === "followup-meeting") {
  const n = Number(args[0]);
  const now = Date.now();
  const meeting = await newMeeting("Follow-up", { status: "HELD", startsAt: new Date(now - 3 * DAY), endsAt: new Date(now - 2 * DAY), registrationClosesAt: new Date(now - 4 * DAY), registrationOpensAt: new Date(now - 30 * DAY) });
  const agencies = await db.agency.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 25 });
  const rows = Array.from({ length: n }, (_, i) => {
    const email = `delegate-${i}@followup.bench.example.org`;
    return {
      meetingId: meeting.id, agencyId: agencies[i % agencies.length].id, name: `Delegate ${i}`, email, emailNormalised: email,
      status: "CONFIRMED" as const, attendance: "ATTENDED" as const, manageTokenHash: crypto.randomUUID(),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.registration.createMany({ data: rows.slice(i, i + 500) });
  out({ id: meeting.id, recipients: n, domain: "followup.bench.example.org" });
} else if (command === "check") {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: args[0] }, select: { id: true } });
  const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, select: { status: true, waitlistRank: true } });
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  // In order: the waiting list is ranked 1..n, each rank once (no gap, no repeat).
  const ranks = rows.filter((r) => r.status === "WAITLISTED").map((r) => r.waitlistRank ?? -1).sort((a, b) => a - b);
  out({ byStatus, waitlisted: ranks.length, ranksInOrder: ranks.every((rank, i) => rank === i + 1) });
} else if (command === "counts") {
  out({ byStatus: await statusCounts(args[0]) });
} else if (command === "ids") {
  const rows = await db.registration.findMany({ where: { meetingId: args[0], status: args[1] as RegistrationStatus }, select: { id: true }, orderBy: { id: "asc" }, take: Number(args[2]) });
  out({ ids: rows.map((r) => r.id) });
} else if (command === "cookie") {
  // The app's session cookie (app/domain/auth/session.server.ts): a cookie session holding the Session row's id,
  // signed with SESSION_SECRET. The bench checks that a staff page answers 200 with it before measuring.
  const [email, secret] = args;
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
  const session = await db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 14 * DAY) }, select: { id: true } });
  const storage = createCookieSessionStorage({ cookie: { name: "__convene", httpOnly: true, sameSite: "lax", path: "/", secrets: [secret] } });
  const cookieSession = await storage.getSession();
  cookieSession.set("sessionId", session.id);
  const setCookie = await storage.commitSession(cookieSession);
  out({ cookie: setCookie.split(";")[0], role: user.role });
} else if (command === "targets") {
  // A published generated meeting with a full agenda (a typical page), else any published one.
  const meeting =
    (await db.meeting.findFirst({ where: { status: "PUBLISHED", visibility: "PUBLIC", slug: { startsWith: "scale-" }, agendaPublishedAt: { not: null } }, orderBy: { startsAt: "asc" }, select: { slug: true } })) ??
    (await db.meeting.findFirstOrThrow({ where: { status: "PUBLISHED", visibility: "PUBLIC" }, orderBy: { startsAt: "asc" }, select: { slug: true } }));
  const series =
    (await db.series.findFirst({ where: { slug: { startsWith: "scale-" } }, orderBy: { slug: "asc" }, select: { slug: true } })) ??
    (await db.series.findFirstOrThrow({ orderBy: { slug: "asc" }, select: { slug: true } }));
  // The meetings the bench itself made (storms, imports, follow-ups) do not count.
  const [big] = await db.registration.groupBy({
    by: ["meetingId"], where: { meeting: { slug: { not: { startsWith: "bench-" } } } }, _count: { _all: true }, orderBy: { _count: { meetingId: "desc" } }, take: 1,
  });
  const sample = await db.registration.findFirstOrThrow({
    where: { meetingId: big.meetingId, agency: { country: { not: null } } },
    select: { name: true, email: true, agency: { select: { country: true } } },
  });
  // The registrations pages are compared across data sets with the same shape: a full page of rows. The demo
  // seed's largest meeting has 43 people, so where a choice would show fewer rows there, the bench takes the
  // nearest one that fills a page (docs/decisions/090-staff-bench-rounds.md) and says which in the row.
  const meetingId = big.meetingId;
  const surname = sample.name.split(" ").pop()?.toLowerCase() ?? "a";
  const domain = sample.email.split("@").pop() ?? "a";
  const matches = (q: string) => db.registration.count({ where: { meetingId, OR: [{ name: { contains: q } }, { email: { contains: q } }, { jobTitle: { contains: q } }] } });
  const search = (await matches(surname)) >= PAGE_SIZE ? surname : domain;
  const country = sample.agency?.country ?? "";
  const filteredWithCountry = await db.registration.count({ where: { meetingId, status: "CONFIRMED", role: "DELEGATE", agency: { country } } });
  out({
    meetingSlug: meeting.slug,
    seriesSlug: series.slug,
    bigMeetingId: meetingId,
    bigMeetingRegistrations: big._count._all,
    country: filteredWithCountry >= PAGE_SIZE ? country : "",
    search,
    agencyPage: Math.max(1, Math.min(3, Math.floor(big._count._all / PAGE_SIZE))),
  });
} else {
  throw new Error(`unknown command ${command}; see the top of scripts/bench-db.ts`);
}
await db.$disconnect();
