import { describe, expect, it } from "vitest";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { simpleParser } from "mailparser";
import { composeMessage } from "./compose.server";
import { messageOptions, type StoredMessage } from "./transport.server";
import { renderMail, withUnsubscribeFooter } from "./render.server";

// The worker writes each message in one piece (compose.server.ts) instead of streaming it through
// nodemailer. These tests hold it to the bytes nodemailer's own stream writes for the same message:
// same MIME tree, headers, RFC 2047 words, folding, transfer encodings, calendar parts.

/** Nodemailer's own output: the compiled tree streamed by MimeNode (what its SMTP transport sends). */
const streamed = (options: Mail.Options) => new MailComposer(options).compile().build();

/** Fixed Date and boundaries, so that two builds of the same message are comparable byte for byte. */
const fixed = (options: Mail.Options): Mail.Options =>
  ({ ...options, date: new Date("2026-11-29T06:00:00Z"), baseBoundary: "0123456789abcdef" }) as Mail.Options;

async function stored(over: Partial<StoredMessage> = {}): Promise<StoredMessage> {
  const rendered = await renderMail({
    language: "fr",
    subject: "Suivi : ce que nous avons convenu à la réunion de Genève — « prochaines étapes » et recommandations",
    preview: "Merci de votre participation",
    heading: "Suivi de la réunion",
    blocks: [
      { kind: "text", text: "Chère Zoë, merci d’avoir participé. Le rapport et l’ordre du jour révisé sont joints." },
      { kind: "text", text: "Thank you for attending (original in English).", lang: "en" },
      { kind: "list", items: ["R-01 Échanges de données — point focal : OIM", "R-02 Suivi trimestriel"] },
      { kind: "button", text: "Voir la réunion", url: "https://convene.example.org/meetings/geneve-2026?x=1&y=2" },
    ],
  });
  const mail = withUnsubscribeFooter(rendered, "https://convene.example.org/unsubscribe/em9lQGV4YW1wbGUub3Jn.abcdefghijklmnopqrstuvwxyz012345");
  return {
    toEmail: "zoe.nunez@example.org",
    toName: "Zoë Ñúñez-Łukasiewicz, «Délégation» (Genève)",
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: "<7c1e0a52-3b1f-4d55-9a0e-0d4e4d6c9a11@convene.example.org>",
    headers: {
      "Content-Language": "fr, en",
      "List-Unsubscribe": "<https://convene.example.org/unsubscribe/em9lQGV4YW1wbGUub3Jn.abcdefghijklmnopqrstuvwxyz012345>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    icsContent: null,
    icsMethod: null,
    replyTo: "Secrétariat <secretariat@example.org>",
    ...over,
  };
}

const ICS = [
  "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Convene//EN", "METHOD:REQUEST", "BEGIN:VEVENT",
  "UID:meeting-geneve@convene.example.org", "DTSTAMP:20261129T060000Z", "DTSTART:20261204T080000Z", "DTEND:20261204T160000Z",
  `SUMMARY:Réunion de Genève — ordre du jour ${"très long ".repeat(12)}`, "LOCATION:Palais des Nations\\, salle XX", "END:VEVENT", "END:VCALENDAR", "",
].join("\r\n");

describe("a message written in one piece", () => {
  it("is byte for byte what nodemailer streams: a follow-up in French with a non-ASCII name, subject and unsubscribe headers", async () => {
    const options = fixed(messageOptions(await stored()));
    const composed = await composeMessage(options);
    expect(composed.streamed).toBe(false);
    const expected = await streamed(options);
    expect(composed.raw.toString("utf-8")).toBe(expected.toString("utf-8"));
    expect(composed.raw.equals(expected)).toBe(true);
    expect(composed.envelope).toEqual({ from: expect.stringContaining("@"), to: ["zoe.nunez@example.org"] });
    expect(composed.messageId).toBe("<7c1e0a52-3b1f-4d55-9a0e-0d4e4d6c9a11@convene.example.org>");

    // and it reads back as the message: names, subject, both languages, the unsubscribe headers
    const parsed = await simpleParser(composed.raw);
    expect(parsed.to).toMatchObject({ value: [{ name: "Zoë Ñúñez-Łukasiewicz, «Délégation» (Genève)", address: "zoe.nunez@example.org" }] });
    expect(parsed.subject).toBe((await stored()).subject);
    expect(parsed.headers.get("content-language")).toBe("fr, en");
    expect(parsed.html).toContain('lang="fr"');
    expect(parsed.html).toContain('lang="en"');
    expect(parsed.text).toContain("Chère Zoë");
    expect(String(composed.raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(String(composed.raw)).toMatch(/^List-Unsubscribe:\s+<https:\/\/convene\.example\.org\/unsubscribe\/em9lQGV4YW1wbGUub3Jn\./m);
    expect(String(composed.raw)).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
  });

  it("takes its MIME boundaries from the Message-ID's random digits, so a retry writes the same bytes", async () => {
    const message = await stored();
    const first = await composeMessage(messageOptions(message));
    expect(String(first.raw)).toContain('boundary="--_NmP-9a0e0d4e4d6c9a11-Part_1"');
    const dated = { ...messageOptions(message), date: new Date("2026-11-29T06:00:00Z") };
    expect((await composeMessage(dated)).raw.equals((await composeMessage(dated)).raw)).toBe(true);
  });

  it("is byte for byte what nodemailer streams for an invitation with its calendar parts", async () => {
    const options = fixed(messageOptions(await stored({ icsContent: ICS, icsMethod: "REQUEST", headers: {} })));
    const composed = await composeMessage(options);
    expect(composed.streamed).toBe(false);
    expect(composed.raw.equals(await streamed(options))).toBe(true);
    const parsed = await simpleParser(composed.raw);
    expect(parsed.attachments.some((a) => a.contentType === "application/ics" && a.content.toString("utf-8") === ICS)).toBe(true);
    expect(String(composed.raw)).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
  });

  it("is byte for byte what nodemailer streams for plain ASCII mail, long lines, trailing spaces and a large body", async () => {
    const cases: Partial<StoredMessage>[] = [
      { toName: "", subject: "Sign in", html: "<p>Sign in</p>", text: "Sign in\n", headers: null, replyTo: null },
      { toName: "Anna", subject: "x".repeat(300), html: `<p>${"word ".repeat(2000)}</p>  \n`, text: `a  \nb\t\n${"é".repeat(500)} \n`, replyTo: null },
      { html: `<p>${"Données ".repeat(40_000)}</p>`, text: `${"line with trailing space \r\n".repeat(8000)}end` },
    ];
    for (const c of cases) {
      const options = fixed(messageOptions(await stored(c)));
      const composed = await composeMessage(options);
    expect(composed.streamed).toBe(false);
      expect(composed.raw.toString("utf-8")).toBe((await streamed(options)).toString("utf-8"));
    }
  });
});
