import { describe, expect, it } from "vitest";
import { containsText, db, withLikeEscape } from "~/utils/db.server";
import { createAgency } from "~/test/factories";

// Every search box but the recommendations list's own SQL goes through containsText. What is typed is
// found as itself: "%" and "_" are LIKE's wildcards, "\" is its escape, and none of them may widen a search.

describe("containsText", () => {
  it("finds %, _ and \\ as themselves, ignoring ASCII case, on this database", async () => {
    const tag = `T${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const names = [`${tag} rate 50% off`, `${tag} rate 50 off`, `${tag} unit a_b`, `${tag} unit axb`, `${tag} back\\slash`, `${tag} backXslash`, `${tag} ROUND 50%`];
    for (const name of names) await createAgency({ name });
    const found = async (term: string) =>
      (await db.agency.findMany({ where: { AND: [{ name: containsText(tag) }, { name: containsText(term) }] }, select: { name: true } }))
        .map((a) => a.name.slice(tag.length + 1))
        .sort();
    expect(await found("50%")).toEqual(["ROUND 50%", "rate 50% off"]);
    expect(await found("%")).toEqual(["ROUND 50%", "rate 50% off"]);
    expect(await found("a_b")).toEqual(["unit a_b"]);
    expect(await found("_")).toEqual(["unit a_b"]);
    expect(await found("back\\slash")).toEqual(["back\\slash"]);
    expect(await found("\\")).toEqual(["back\\slash"]);
    expect(await found("round")).toEqual(["ROUND 50%"]);
    expect(await found("%_\\")).toEqual([]);
  });

  it("gives each of Prisma's LIKE shapes on SQLite the backslash as its escape, and leaves other SQL alone", () => {
    const sql = "SELECT 1 FROM `T` WHERE (`a` LIKE ('%' || ? || '%') OR `b` LIKE (? || '%') OR `c` LIKE ('%' || ?))";
    expect(withLikeEscape(sql)).toBe("SELECT 1 FROM `T` WHERE (`a` LIKE ('%' || ? || '%') ESCAPE '\\' OR `b` LIKE (? || '%') ESCAPE '\\' OR `c` LIKE ('%' || ?) ESCAPE '\\')");
    const own = `SELECT 1 FROM "T" r WHERE r."a" LIKE ? ESCAPE '\\' OR r."b" LIKE '%@%'`;
    expect(withLikeEscape(own)).toBe(own);
  });
});
