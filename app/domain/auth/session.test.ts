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
});
