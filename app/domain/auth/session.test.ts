import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createUser, requestAs } from "~/test/factories";
import { getUser, sessionLocale } from "./session.server";

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
    const request = await requestAs(user.id, "/");
    expect((await getUser(request))?.id).toBe(user.id);
    // A second ago: expired, though the cookie is still sent.
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(request)).toBeNull();
    expect(await sessionLocale(request)).toBeNull();
    // A minute from now: still valid.
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await getUser(request))?.id).toBe(user.id);
    await db.session.deleteMany({ where: { userId: user.id } });
    expect(await getUser(request)).toBeNull();
  });
});
