import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, dialect } from "~/utils/db.server";
import { INSERT_CHUNK, insertMany } from "~/utils/insert-many.server";
import { createAgency, createMeeting } from "~/test/factories";

// insertMany writes rows past Prisma's client (multi-row INSERTs for the bulk writes). A row it writes must
// read back exactly as the same row written by Prisma, on either database: texts, nulls, booleans, numbers,
// enums, JSON and dates, dates stored in Prisma's own format (SQLite compares them as text).

const COLUMNS = {
  id: "value", meetingId: "value", agencyId: "value", userId: "value", name: "value", sortName: "value", email: "value", emailNormalised: "value",
  role: { enum: "RegistrationRole" }, status: { enum: "RegistrationStatus" }, listConsent: "value", consentAt: "date", waitlistRank: "value",
  manageTokenHash: "value", language: "value", createdAt: "date", updatedAt: "date",
} as const;

describe("insertMany", () => {
  it("writes rows that read back as Prisma's own, with dates stored as Prisma stores them", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const at = new Date("2026-03-04T05:06:07.089Z");
    const row = (n: number, consent: boolean) => ({
      id: crypto.randomUUID(), meetingId: meeting.id, agencyId: agency.id, userId: null, name: `Zoë O'Brien ${n}`, sortName: `zoe o'brien ${n}`,
      email: `zoe.${n}@example.org`, emailNormalised: `zoe.${n}@example.org`, role: "SPEAKER" as const, status: "WAITLISTED" as const,
      listConsent: consent, consentAt: consent ? at : null, waitlistRank: n, manageTokenHash: crypto.randomUUID(), language: "fr", createdAt: at, updatedAt: at,
    });
    const byPrisma = row(1, true);
    await db.registration.create({ data: byPrisma });
    const byInsert = [row(2, true), row(3, false)];
    await insertMany(db, "Registration", COLUMNS, byInsert);
    const read = async (id: string) => {
      const { id: _id, name: _n, sortName: _s, email: _e, emailNormalised: _en, searchText: _t, manageTokenHash: _m, waitlistRank: _w, ...rest } = await db.registration.findUniqueOrThrow({ where: { id } });
      return rest;
    };
    expect(await read(byInsert[0].id)).toEqual(await read(byPrisma.id));
    const second = await db.registration.findUniqueOrThrow({ where: { id: byInsert[1].id } });
    expect([second.name, second.listConsent, second.consentAt, second.waitlistRank, second.attendance]).toEqual(["Zoë O'Brien 3", false, null, 3, "NONE"]);
    if (dialect() === "sqlite") {
      // The text SQLite holds, which its comparisons and orderings use.
      const stored = await db.$queryRawUnsafe<{ t: string }[]>(`SELECT typeof("createdAt") || ' ' || CAST("createdAt" AS TEXT) AS "t" FROM "Registration" WHERE "id" IN (?, ?)`, byPrisma.id, byInsert[0].id);
      expect(stored.map((r) => r.t)).toEqual(["text 2026-03-04T05:06:07.089+00:00", "text 2026-03-04T05:06:07.089+00:00"]);
    }
  });

  it("writes JSON and many rows, a statement per chunk, in the caller's transaction", async () => {
    const n = INSERT_CHUNK + 3;
    const key = crypto.randomUUID();
    const rows = Array.from({ length: n }, (_, i) => ({
      id: crypto.randomUUID(), userId: null, entity: "Bench", entityId: key, meetingId: null, action: `a${i}`,
      before: i === 0 ? null : { quote: `"${i}" \\ ’`, list: [i, true, null] }, after: { n: i }, createdAt: new Date(),
    }));
    const columns = { id: "value", userId: "value", entity: "value", entityId: "value", meetingId: "value", action: "value", before: "json", after: "json", createdAt: "date" } as const;
    await expect(
      db.$transaction(async (tx) => {
        await insertMany(tx, "AuditLog", columns, rows);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await db.auditLog.count({ where: { entityId: key } })).toBe(0);
    await insertMany(db, "AuditLog", columns, rows);
    const read = await db.auditLog.findMany({ where: { entityId: key }, select: { action: true, before: true, after: true } });
    expect(read.length).toBe(n);
    const byAction = new Map(read.map((r) => [r.action, r]));
    expect(byAction.get("a0")?.before).toBeNull();
    expect(byAction.get("a7")).toEqual({ action: "a7", before: { quote: `"7" \\ ’`, list: [7, true, null] }, after: { n: 7 } });
  });
});
