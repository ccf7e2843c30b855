import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "~/domain/auth/roles";
import { upcomingForDashboard } from "~/domain/meetings/meetings.server";
import { createAgency, createMeeting, createUser, formRequest, requestAs, routeArgs } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import { action as registrationsAction } from "~/routes/admin.meetings.$id.registrations";
import { db } from "~/utils/db.server";
import { COUNTS_SHOWN, listRegistrations } from "./listing.server";
import { REGISTRATION_STATUSES } from "./registration.schema";

// The participants table and /admin count in the database (count, groupBy); on a small fixture the
// counts must equal a naive count of every row, on SQLite and PostgreSQL alike.

async function actor(role: Role, agencyId: string | null = null): Promise<Actor> {
  const u = await createUser(role, { agencyId });
  return { id: u.id, role, agencyId: u.agencyId, name: u.name, email: u.email };
}

async function fixture(meetingId: string, agencies: string[], n: number) {
  await db.registration.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      meetingId,
      agencyId: i % 7 === 0 ? null : agencies[i % agencies.length],
      name: `Person ${String(i).padStart(3, "0")} ${i % 4 === 0 ? "Novak" : "Rossi"}`,
      email: `p${i}-${meetingId}@example.org`,
      emailNormalised: `p${i}-${meetingId}@example.org`,
      jobTitle: i % 3 === 0 ? "Analyst" : "Officer",
      role: i % 5 === 0 ? "SPEAKER" : "DELEGATE",
      status: REGISTRATION_STATUSES[i % REGISTRATION_STATUSES.length],
      manageTokenHash: crypto.randomUUID(),
    })),
  });
}

describe("participants table counts", () => {
  it("equal a naive count of every row, for an organiser and a focal point, with filters", async () => {
    const agencies = await Promise.all([createAgency({ country: "BE" }), createAgency({ country: "FR" }), createAgency({ country: null })]);
    const meeting = await createMeeting();
    const other = await createMeeting();
    await fixture(meeting.id, agencies.map((a) => a.id), 120);
    await fixture(other.id, agencies.map((a) => a.id), 30);
    const organiser = await actor("ORGANISER");
    const focal = await actor("FOCAL_POINT", agencies[1].id);
    for (const [who, query] of [
      [organiser, ""],
      [organiser, "?status=CONFIRMED&sort=agency&dir=desc"],
      [organiser, "?q=novak&role=SPEAKER"],
      [organiser, "?country=BE&page=2"],
      [focal, "?q=analyst"],
    ] as const) {
      const list = await listRegistrations(who, meeting.id, new URL(`http://x/${query}`));
      const all = await db.registration.findMany({
        where: { meetingId: meeting.id, ...(who.agencyId ? { agencyId: who.agencyId } : {}) },
        select: { status: true, agencyId: true, name: true, jobTitle: true, role: true, agency: { select: { country: true } } },
      });
      const url = new URL(`http://x/${query}`);
      const q = url.searchParams.get("q")?.toLowerCase() ?? "";
      const matching = all.filter(
        (r) =>
          (!url.searchParams.get("status") || r.status === url.searchParams.get("status")) &&
          (!url.searchParams.get("role") || r.role === url.searchParams.get("role")) &&
          (!url.searchParams.get("country") || r.agency?.country === url.searchParams.get("country")) &&
          (!q || r.name.toLowerCase().includes(q) || r.jobTitle.toLowerCase().includes(q)),
      );
      expect(list.total, query).toBe(matching.length);
      const byStatus = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length]).filter(([, n]) => n));
      expect(list.statusCounts, query).toEqual(byStatus);
      for (const a of list.agencyCounts) {
        const mine = all.filter((r) => r.agencyId === a.id);
        expect([a.total, a.confirmed, a.pending, a.waitlisted], query).toEqual([mine.length, ...["CONFIRMED", "PENDING", "WAITLISTED"].map((s) => mine.filter((r) => r.status === s).length)]);
      }
      expect(list.agencyCounts.reduce((s, a) => s + a.total, 0), query).toBe(all.filter((r) => r.agencyId).length);
      expect(list.otherAgencies).toBeNull();
    }
  });

  it("show the largest agencies and countries and sum the others in one row", async () => {
    const agencies = await Promise.all(Array.from({ length: COUNTS_SHOWN + 3 }, (_, i) => createAgency({ country: `Q${String.fromCharCode(65 + i)}` })));
    const meeting = await createMeeting();
    // Agency i has i + 1 registrations, so the three smallest are left out.
    await db.registration.createMany({
      data: agencies.flatMap((a, i) =>
        Array.from({ length: i + 1 }, (_, j) => ({
          meetingId: meeting.id,
          agencyId: a.id,
          name: `Person ${i}-${j}`,
          email: `p${i}-${j}-${meeting.id}@example.org`,
          emailNormalised: `p${i}-${j}-${meeting.id}@example.org`,
          status: j % 2 ? ("PENDING" as const) : ("CONFIRMED" as const),
          manageTokenHash: crypto.randomUUID(),
        })),
      ),
    });
    const list = await listRegistrations(await actor("ORGANISER"), meeting.id, new URL("http://x/"));
    expect(list.agencyCounts.map((a) => a.id).sort()).toEqual(agencies.slice(3).map((a) => a.id).sort());
    expect(list.agencyCounts.map((a) => a.name)).toEqual([...list.agencyCounts.map((a) => a.name)].sort((x, y) => x.localeCompare(y)));
    expect(list.otherAgencies).toEqual({ count: 3, confirmed: 1 + 1 + 2, pending: 0 + 1 + 1, waitlisted: 0, total: 1 + 2 + 3 });
    expect(list.countryCounts).toHaveLength(COUNTS_SHOWN);
    expect(list.otherCountries).toEqual({ count: 3, confirmed: 4, pending: 2, waitlisted: 0, total: 6 });
  });

  it("sorted by agency, pages follow the database's order of the whole table, registrations without an agency included", async () => {
    // Agency names out of creation order; several registrations per agency, some with the same name, and some without an agency.
    const agencies = await Promise.all(["Mu", "Alpha", "Zeta", "Kappa"].map((name) => createAgency({ name })));
    await Promise.all(agencies.map((a) => db.agency.update({ where: { id: a.id }, data: { sortName: a.name.toLowerCase() } })));
    const meeting = await createMeeting();
    const other = await createMeeting();
    for (const m of [meeting, other]) {
      await db.registration.createMany({
        data: Array.from({ length: 61 }, (_, i) => ({
          meetingId: m.id,
          agencyId: i % 9 === 0 ? null : agencies[i % agencies.length].id,
          name: `Person ${(i * 37) % 23}`,
          sortName: `person ${String((i * 37) % 23).padStart(2, "0")}`,
          email: `s${i}-${m.id}@example.org`,
          emailNormalised: `s${i}-${m.id}@example.org`,
          manageTokenHash: crypto.randomUUID(),
        })),
      });
    }
    const organiser = await actor("ORGANISER");
    for (const dir of ["asc", "desc"] as const) {
      const expected = await db.registration.findMany({
        where: { meetingId: meeting.id },
        orderBy: [{ agency: { sortName: dir } }, { sortName: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      const pages: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const list = await listRegistrations(organiser, meeting.id, new URL(`http://x/?sort=agency&dir=${dir}&page=${page}`));
        pages.push(...list.rows.map((r) => r.id));
      }
      expect(pages, dir).toEqual(expected.map((r) => r.id));
    }
  });

  it("/admin's confirmed count of each upcoming meeting equals a naive count", async () => {
    const agency = await createAgency();
    const now = new Date();
    const soon = await createMeeting({ startsAt: new Date(now.getTime() + 86_400_000), endsAt: new Date(now.getTime() + 90_000_000) });
    await fixture(soon.id, [agency.id], 40);
    const upcoming = await upcomingForDashboard(now, 50);
    const row = upcoming.find((m) => m.id === soon.id);
    expect(row?.confirmed).toBe(await db.registration.count({ where: { meetingId: soon.id, status: "CONFIRMED" } }));
    expect(row?.confirmed).toBeGreaterThan(0);
    for (const m of upcoming) expect(m.confirmed).toBe(await db.registration.count({ where: { meetingId: m.id, status: "CONFIRMED" } }));
  });
});

describe("participants table search", () => {
  // The search reads Registration.searchText, which the database keeps (decision 102): after any kind of write
  // it must find what a search of the four columns finds, as SQLite's LIKE and PostgreSQL's ILIKE on "C" text
  // compare (ASCII letters in either case, other characters as they are).
  const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const found = (fields: string[], q: string) => fields.some((f) => asciiLower(f).includes(asciiLower(q)));

  it("finds a registration by name, email or job title after every kind of write, and never across two of them", async () => {
    const agency = await createAgency();
    const meeting = await createMeeting();
    const organiser = await actor("ORGANISER");
    // the registration form's path (multi-row INSERT), Prisma's createMany and create
    const ana = await registerPerson(meeting.id, agency.id, { person: { name: "Ana Lima", email: "Ana.Lima@Example.org", jobTitle: "Analyst" } });
    await fixture(meeting.id, [agency.id], 12);
    const quota = await db.registration.create({
      data: { meetingId: meeting.id, name: "Quota 50% team", email: "a_b@example.org", emailNormalised: "a_b@example.org", jobTitle: "Rapporteur", manageTokenHash: crypto.randomUUID() },
    });
    // updates of one column at a time: Prisma's update and updateMany, and raw SQL
    await db.registration.update({ where: { id: ana.id }, data: { name: "Ana Renamed" } });
    await db.registration.updateMany({ where: { id: quota.id }, data: { jobTitle: "Head of unit" } });
    await db.$executeRaw`UPDATE "Registration" SET "email" = 'New.Address@example.org', "emailNormalised" = 'new.address@example.org' WHERE "id" = ${ana.id}`;

    const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, select: { id: true, name: true, email: true, emailNormalised: true, jobTitle: true, searchText: true } });
    for (const r of rows) expect(r.searchText).toBe([r.name, r.email, r.emailNormalised, r.jobTitle].join("\n"));
    const search = (q: string) => listRegistrations(organiser, meeting.id, new URL(`http://x/?q=${encodeURIComponent(q)}`));
    for (const q of ["ana renamed", "RENAMED", "new.address@", "NEW.ADDRESS", "analyst", "head of", "Rapporteur", "50%", "a_b", "0%", "Lima", "Novak", "person 00"]) {
      const list = await search(q);
      const expected = rows.filter((r) => found([r.name, r.email, r.emailNormalised, r.jobTitle], q)).map((r) => r.id).sort();
      expect(list.total, q).toBe(expected.length);
      expect(list.rows.map((r) => r.id).sort(), q).toEqual(expected);
    }
    // the old name and job title are gone from the search; a term spanning two lines of the text finds nothing
    expect((await search("Rapporteur")).total).toBe(0);
    expect((await search("Ana Renamed\nNew.Address")).total).toBe(0);
    expect((await search("Renamed")).total).toBe(1);
  });
});

describe("bulk decisions on the registrations table", () => {
  it("apply to every registration matching the filter, across pages, and to nothing else", async () => {
    const [be, fr] = await Promise.all([createAgency({ country: "BE" }), createAgency({ country: "FR" })]);
    const meeting = await createMeeting({ approvalMode: "APPROVAL" });
    const other = await createMeeting({ approvalMode: "APPROVAL" });
    const pending = (meetingId: string, agencyId: string, n: number) =>
      db.registration.createMany({
        data: Array.from({ length: n }, (_, i) => {
          const email = `bulk${i}-${agencyId}-${meetingId}@example.org`;
          return { meetingId, agencyId, name: `Bulk ${i}`, email, emailNormalised: email, status: "PENDING" as const, manageTokenHash: crypto.randomUUID() };
        }),
      });
    // More than one page of Belgian requests, some French ones, and Belgian ones at another meeting.
    await Promise.all([pending(meeting.id, be.id, 60), pending(meeting.id, fr.id, 5), pending(other.id, be.id, 3)]);
    const organiser = await actor("ORGANISER");
    const url = `/admin/meetings/${meeting.id}/registrations?country=BE`;
    const res = await registrationsAction(routeArgs(await requestAs(organiser.id, url, formRequest({ intent: "approve", scope: "matching" })), { id: meeting.id }));
    expect(res).toBeInstanceOf(Response);
    const counts = async (meetingId: string, agencyId: string) =>
      (await db.registration.groupBy({ by: ["status"], where: { meetingId, agencyId }, _count: { _all: true } })).map((g) => [g.status, g._count._all]);
    expect(await counts(meeting.id, be.id)).toEqual([["CONFIRMED", 60]]);
    expect(await counts(meeting.id, fr.id)).toEqual([["PENDING", 5]]);
    expect(await counts(other.id, be.id)).toEqual([["PENDING", 3]]);
  });
});
