import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createAgency, createMeeting } from "~/test/factories";
import { registerPerson } from "~/test/factories.registration";
import { renderQueuedMail } from "~/test/factories.mail";
import { createSessionCookie } from "~/domain/auth/session.server";
import { languageOf, resolveLanguage } from "~/i18n/i18n.server";

// Mail goes out in the language the person registered in (docs/decisions/081-mail-language.md), and the
// language switcher saves a signed-in person's choice (User.locale), which languageOf then follows.

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
const june = { timeZone: "Europe/Brussels", startsAt: new Date("2027-06-03T07:00:00Z"), endsAt: new Date("2027-06-03T15:00:00Z") };

async function confirmationOf(language?: "en" | "fr") {
  const meeting = await createMeeting({ capacity: 10, ...june });
  const reg = await registerPerson(meeting.id, (await createAgency()).id, language ? { language } : {});
  await renderQueuedMail(meeting.id);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: reg.id, kind: "registration-confirmed" } });
  return { meeting, reg, mail, ics: unfold(mail.icsContent!) };
}

describe("mail in the recipient's language", () => {
  it("writes a French registration's confirmation and calendar invite in French, in the meeting's zone", async () => {
    const { meeting, reg, mail, ics } = await confirmationOf("fr");
    expect((await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).language).toBe("fr");
    expect(mail.subject).toBe(`Inscription confirmée : ${meeting.title}`);
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toContain("Votre inscription est confirmée.");
    expect(mail.text).toContain("jeudi 3 juin 2027, 09:00–17:00 (heure de Bruxelles, UTC+02:00)");
    expect(mail.text).toContain("Envoyé par Convene.");
    expect(mail.text).not.toContain("Your registration");
    expect(ics).toContain(`SUMMARY:${meeting.title}`);
    expect(ics).toMatch(/DESCRIPTION:.*Page de la réunion : http/);
    expect(ics).toContain("DTSTART;TZID=Europe/Brussels:20270603T090000");
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(ics).toContain("TZID:Europe/Brussels");
  });

  it("leaves an English registration's mail in English", async () => {
    const { meeting, reg, mail, ics } = await confirmationOf();
    expect((await db.registration.findUniqueOrThrow({ where: { id: reg.id } })).language).toBe("en");
    expect(mail.subject).toBe(`Registration confirmed: ${meeting.title}`);
    expect(mail.html).toContain('lang="en"');
    expect(mail.text).toContain("Your registration is confirmed.");
    expect(mail.text).toContain("Thursday 3 June 2027");
    expect(ics).toMatch(/DESCRIPTION:.*Meeting page: http/);
  });
});

describe("the saved language", () => {
  it("is saved by the switcher for a signed-in person and then followed without the cookie", async () => {
    const user = await db.user.create({ data: { email: `lang-${crypto.randomUUID()}@example.org`, name: "Léa Test" }, select: { id: true } });
    const session = (await createSessionCookie(user.id)).split(";")[0];
    const request = (url: string) => new Request(`http://localhost${url}`, { headers: { Cookie: session, "Accept-Language": "en" } });
    expect(await languageOf(request("/me"))).toBe("en");
    const switched = await resolveLanguage(request("/me?lang=fr"));
    expect(switched.language).toBe("fr");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } })).locale).toBe("fr");
    // another browser (no lang cookie, an English Accept-Language) follows the saved choice
    expect(await languageOf(request("/me"))).toBe("fr");
    // an anonymous visitor is untouched
    expect(await languageOf(new Request("http://localhost/me", { headers: { "Accept-Language": "en" } }))).toBe("en");
  });
});
