import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { HoneypotField } from "~/components/honeypot";
import { createAgency, createMeeting, formRequest, requestAs, responseStatus, routeArgs } from "~/test/factories";
import { action as loginAction } from "~/routes/login";
import { action as registerAction } from "~/routes/meetings.$slug.register";
import { action as inviteAction } from "~/routes/invite.$token";
import { action as progressAction } from "~/routes/progress.$token";
import { HONEYPOT_FIELD } from "./honeypot";

const filled = { [HONEYPOT_FIELD]: "https://spam.example" };

describe("honeypot on public forms", () => {
  it("is out of sight, out of the accessibility tree, the tab order and autofill", () => {
    const html = renderToStaticMarkup(createElement(HoneypotField));
    expect(html).toMatch(/^<div hidden="" aria-hidden="true">/);
    expect(html).toContain(`name="${HONEYPOT_FIELD}"`);
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain('autoComplete="off"');
  });

  it("sign-in: a filled field answers 400 and sends nothing; an empty one goes through", async () => {
    const email = "honeypot.signin@example.org";
    expect(await responseStatus(loginAction(routeArgs(await requestAs(null, "/login", formRequest({ email, ...filled })))))).toBe(400);
    expect(await db.loginToken.count({ where: { email } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toEmail: email } })).toBe(0);
    expect(await responseStatus(loginAction(routeArgs(await requestAs(null, "/login", formRequest({ email, [HONEYPOT_FIELD]: "" })))))).toBe(200);
    expect(await db.outboxMessage.count({ where: { toEmail: email } })).toBe(1);
  });

  it("public registration: a filled field answers 400 and registers nobody", async () => {
    const meeting = await createMeeting();
    const agency = await createAgency();
    const person = { name: "Honey Pot", email: "honeypot.register@example.org", agencyId: agency.id, role: "DELEGATE", consent: "on" };
    const post = async (extra: Record<string, string>) =>
      registerAction(routeArgs(await requestAs(null, `/meetings/${meeting.slug}/register`, formRequest({ ...person, ...extra })), { slug: meeting.slug }));
    expect(await responseStatus(post(filled))).toBe(400);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await responseStatus(post({}))).toBe(302);
    expect(await db.registration.count({ where: { meetingId: meeting.id } })).toBe(1);
  });

  it("invitation and progress links check it before looking at the link", async () => {
    const invite = async (extra: Record<string, string>) => inviteAction(routeArgs(await requestAs(null, "/invite/nope", formRequest({ name: "x", ...extra })), { token: "nope" }));
    expect(await responseStatus(invite(filled))).toBe(400);
    expect(await responseStatus(invite({}))).toBe(404);
    const progress = async (extra: Record<string, string>) => progressAction(routeArgs(await requestAs(null, "/progress/nope", formRequest({ text: "Done.", ...extra })), { token: "nope" }));
    expect(await responseStatus(progress(filled))).toBe(400);
    expect(await responseStatus(progress({}))).toBe(200);
  });
});
