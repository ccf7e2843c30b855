import { describe, expect, it } from "vitest";
import { createAgency, createMeeting } from "~/test/factories";
import { db } from "~/utils/db.server";
import { sortKey } from "./sort-key";

// Names with accents sort alike on SQLite and PostgreSQL (docs/decisions/062-enums-json-sort-keys.md).
// The suite runs on both (scripts/test-pg.sh), so the same expectations hold for each.

const NAMES = ["Zoë Zimmermann", "émile Dubois", "Ørsted Agency", "Åsa Lindqvist", "adam Smith", "Łukasz Nowak", "Ethan Brown", "Œuvre Office", "Straße Amt", "Ada Lovelace"];
const EXPECTED = ["Ada Lovelace", "adam Smith", "Åsa Lindqvist", "émile Dubois", "Ethan Brown", "Łukasz Nowak", "Œuvre Office", "Ørsted Agency", "Straße Amt", "Zoë Zimmermann"];

describe("sortKey", () => {
  it("drops case, accents and marks, and folds letters that do not decompose", () => {
    expect(sortKey("  Émile   DUBOIS ")).toBe("emile dubois");
    expect(["Ørsted", "Łódź", "Đorđe", "Æsir", "Œuvre", "Straße", "İstanbul"].map(sortKey)).toEqual(["orsted", "lodz", "dorde", "aesir", "oeuvre", "strasse", "istanbul"]);
  });
});

describe("lists sorted by name", () => {
  it("come back in the same order on this database, the key written by the client on create and update", async () => {
    const agencies = [];
    for (const name of NAMES) agencies.push(await createAgency({ name: `${name} ${agencies.length}` }));
    const ids = agencies.map((a) => a.id);
    const names = async () => (await db.agency.findMany({ where: { id: { in: ids } }, orderBy: { sortName: "asc" }, select: { name: true } })).map((a) => a.name.replace(/ \d+$/, ""));
    expect(await names()).toEqual(EXPECTED);

    await db.agency.update({ where: { id: agencies[0].id }, data: { name: "Aaron Zoë 0" } });
    expect((await names())[0]).toBe("Aaron Zoë");
  });

  it("orders registrations, created one by one or in bulk, by the same key", async () => {
    const meeting = await createMeeting();
    const person = (name: string, i: number) => ({ meetingId: meeting.id, name, email: `p${i}@example.org`, emailNormalised: `p${i}@example.org`, manageTokenHash: `${meeting.id}-${i}` });
    await db.registration.createMany({ data: NAMES.slice(0, 5).map(person) });
    for (const [i, name] of NAMES.slice(5).entries()) await db.registration.create({ data: person(name, i + 5) });
    const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { sortName: "asc" }, select: { name: true, sortName: true } });
    expect(rows.map((r) => r.name)).toEqual(EXPECTED);
    expect(rows.every((r) => r.sortName === sortKey(r.name))).toBe(true);
  });
});
