import { describe, expect, it } from "vitest";
import { renderMail, withUnsubscribeFooter } from "./render.server";
import { reminderMail } from "./templates.server";

const LONG = "https://convene.example.org/registrations/eyJhbGciOiJIUzI1NiJ9.cmVnaXN0cmF0aW9uLWxpbms6Y2x4eTAwMDAwMDAwMDAwMDA";

/** The lines of a mail's text part. */
const lines = (text: string) => text.split("\n").map((l) => l.trim());

describe("links in mail on a phone", () => {
  it("lets long addresses break in the HTML part and puts them on their own line in the text part", async () => {
    const mail = await renderMail({
      language: "en",
      subject: "s",
      heading: "h",
      blocks: [
        { kind: "button", text: "View or change your registration", url: LONG },
        { kind: "url", label: "Your private link:", url: LONG },
        { kind: "link", text: "Join online", url: `${LONG}/online` },
      ],
    });
    for (const anchor of mail.html.match(/<a [^>]*>/g)!.filter((a) => !a.includes("background-color"))) {
      expect(anchor).toMatch(/overflow-wrap:anywhere/);
      expect(anchor).toMatch(/word-break:break-all/);
    }
    const text = lines(mail.text);
    expect(text).toContain("View or change your registration");
    expect(text).toContain("Your private link:");
    expect(text).toContain("Join online");
    expect(text).toContain(`${LONG}/online`);
    expect(text.filter((l) => l === LONG)).toHaveLength(2);

    const footed = withUnsubscribeFooter(mail, `${LONG}/unsubscribe`);
    expect(lines(footed.text)).toContain(`${LONG}/unsubscribe`);
    expect(footed.html).toMatch(/<a href="[^"]*\/unsubscribe" style="overflow-wrap:anywhere;word-break:break-all">/);
  });

  it("gives the online link in the reminder, on its own line", async () => {
    const mail = await reminderMail({
      language: "en",
      name: "Anna Test",
      agenda: [],
      meeting: {
        slug: "brussels", title: "Brussels", venue: "Résidence Palace", room: "", city: "Brussels", timeZone: "Europe/Brussels",
        startsAt: new Date("2030-06-04T07:00:00Z"), endsAt: new Date("2030-06-04T15:00:00Z"), onlineLink: `${LONG}/meet`,
      },
    });
    expect(lines(mail.text)).toContain(`${LONG}/meet`);
    expect(mail.html).toContain(`href="${LONG}/meet"`);
  });
});
