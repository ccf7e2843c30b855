import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, dialect } from "~/utils/db.server";
import { createUser, requestAs } from "~/test/factories";
import { getUser, sessionLocale, sessionUserSql } from "./session.server";

// The session is read on every page a signed-in person opens (one statement, decision 085): these pin what
// that statement must decide, on both databases.

describe("the session read", () => {
  it("signs in the person of an unexpired session, with their saved language", async () => {
    const user = await createUser("SECRETARIAT");
    await db.user.update({ where: { id: user.id }, data: { locale: "fr" } });
    const request = await requestAs(user.id, "/");
    expect(await getUser(request)).toEqual({ id: user.id, role: "SECRETARIAT", agencyId: user.agencyId, name: user.name, email: user.email });
    expect(await sessionLocale(request)).toBe("fr");
  });

  it("signs nobody in once the session has expired, or when its row is gone", async () => {
    const user = await createUser("ORGANISER");
    const first = await requestAs(user.id, "/");
    // Each page view is a new request with the same cookie.
    const again = () => new Request(first.url, { headers: first.headers });
    expect((await getUser(first))?.id).toBe(user.id);
    // A second ago: expired, though the cookie is still sent.
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = again();
    expect(await getUser(expired)).toBeNull();
    expect(await sessionLocale(expired)).toBeNull();
    // A minute from now: still valid.
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await getUser(again()))?.id).toBe(user.id);
    await db.session.deleteMany({ where: { userId: user.id } });
    expect(await getUser(again())).toBeNull();
  });

  it("reads the session once per page: every loader of one GET request gets the same read, with or without its context", async () => {
    const user = await createUser("ORGANISER");
    const page = await requestAs(user.id, "/admin");
    const context = {};
    expect((await getUser(page, context))?.id).toBe(user.id);
    await db.session.deleteMany({ where: { userId: user.id } });
    // The page's other loaders (requireCapability passes no context) see the read made for this request...
    expect((await getUser(page))?.id).toBe(user.id);
    expect((await getUser(new Request(page.url, { headers: page.headers }), context))?.id).toBe(user.id);
    // ...and the next request reads again.
    expect(await getUser(new Request(page.url, { headers: page.headers }))).toBeNull();
    // A form post is never answered from a read made before it.
    const post = new Request(page.url, { method: "POST", headers: page.headers });
    expect(await getUser(post, context)).toBeNull();
  });

  // SQLite plans with the statistics it was given (decision 096). A table analysed soon after a deployment is
  // recorded as tiny; a session read that joined it was then planned as a scan of every session.
  it.runIf(dialect() === "sqlite")("looks the session up by its key even when the statistics say the table is tiny", async () => {
    const plan = async () =>
      (await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sessionUserSql("any", new Date())}`)).map((row) => row.detail);
    // ANALYZE makes sure sqlite_stat1 exists; the statistics are then set to those of a one-row table.
    await db.$executeRawUnsafe(`ANALYZE "Session"`);
    try {
      await db.$executeRawUnsafe(`DELETE FROM sqlite_stat1 WHERE tbl = 'Session'`);
      await db.$executeRawUnsafe(
        `INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('Session', 'sqlite_autoindex_Session_1', '1 1'), ('Session', 'Session_userId_idx', '1 1')`,
      );
      // The planner reads the statistics again.
      await db.$executeRawUnsafe("ANALYZE sqlite_schema");
      const steps = await plan();
      expect(steps.some((step) => /SEARCH s USING INDEX sqlite_autoindex_Session_1/.test(step))).toBe(true);
      expect(steps.filter((step) => step.startsWith("SCAN"))).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DELETE FROM sqlite_stat1 WHERE tbl = 'Session'`);
      await db.$executeRawUnsafe("ANALYZE sqlite_schema");
    }
  });
});
