import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startSmtpServer, type TestSmtp } from "~/test/smtp";
import { createAgency, createUser } from "~/test/factories";
import { createMeetingWithParticipants } from "~/test/factories.mail";
import type { Actor } from "~/domain/auth/roles";
import { createTransport } from "./transport.server";
import { drainOutbox } from "./worker.server";
import { createFollowUpDraft, discardFollowUp, followUpProgress, retryFailedFollowUp, sendFollowUp } from "./followups.server";
import { followUpSchema } from "./followup.schema";

let smtp: TestSmtp;
let actor: Actor;
beforeAll(async () => {
  smtp = await startSmtpServer();
  const u = await createUser("SECRETARIAT");
  actor = { id: u.id, role: "SECRETARIAT", agencyId: null, name: u.name, email: u.email };
});
afterAll(() => smtp.close());

const input = (over: Record<string, unknown> = {}) => {
  const r = followUpSchema("Europe/Brussels").safeParse({
    subject: "Follow-up: <Brussels> meeting",
    summary: "Thank you for attending <script>x</script>.\n\nThe report is attached.",
    documents: "https://example.org/report.pdf",
    nextSessionAt: "2027-03-11T09:30",
    audience: "ATTENDEES",
    ...over,
  });
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};

describe("follow-ups", () => {
  it("drafts one message per recipient, lists each agency's own recommendations, and sends on release", async () => {
    const [a, b] = [await createAgency({ name: "Agency Alpha" }), await createAgency({ name: "Agency Beta" })];
    const meeting = await createMeetingWithParticipants(4, [a, b], { attendance: (i) => (i === 3 ? "NO_SHOW" : "ATTENDED") });
    await db.recommendation.create({ data: { code: `A-${meeting.id.slice(-5)}`, title: "Alpha leads this", text: "x", meetingId: meeting.id, leadAgencyId: a.id, status: "ADOPTED" } });
    await db.recommendation.create({ data: { code: `B-${meeting.id.slice(-5)}`, title: "Beta leads that", text: "x", meetingId: meeting.id, leadAgencyId: b.id, status: "ADOPTED" } });

    const draft = await createFollowUpDraft(actor, meeting.id, input());
    expect(draft?.recipients).toBe(3);
    const drafts = await db.outboxMessage.findMany({ where: { followUpId: draft!.id }, include: { registration: true } });
    expect(drafts.every((m) => m.status === "DRAFT" && !m.essential)).toBe(true);
    const alpha = drafts.find((m) => m.registration?.agencyId === a.id)!;
    expect(alpha.text).toContain("Alpha leads this");
    expect(alpha.text).not.toContain("Beta leads that");
    expect(alpha.text).toMatch(/Thursday 11 March 2027, 09:30 Europe\/Brussels \(UTC\+01:00\)/);
    expect(alpha.html).toContain("&lt;script&gt;");
    expect(alpha.html).not.toContain("<script>");

    // drafts are not sent
    const transport = createTransport(smtp.url);
    expect((await drainOutbox({ transport })).claimed).toBe(0);

    expect(await sendFollowUp(actor, meeting.id, draft!.id)).toBe(3);
    expect(await sendFollowUp(actor, meeting.id, draft!.id)).toBeNull();
    await drainOutbox({ transport });
    transport.close();
    expect((await followUpProgress([draft!.id])).get(draft!.id)).toMatchObject({ SENT: 3, QUEUED: 0, total: 3 });
    const got = smtp.messages.filter((m) => m.subject === "Follow-up: <Brussels> meeting");
    expect(got).toHaveLength(3);
  });

  it("sends each recipient the subject and summary in their language, else the original's, marked with its lang", async () => {
    const meeting = await createMeetingWithParticipants(3, []);
    const regs = await db.registration.findMany({ where: { meetingId: meeting.id }, orderBy: { name: "asc" }, select: { id: true, email: true } });
    await db.registration.update({ where: { id: regs[1].id }, data: { language: "fr" } });
    const english = { subject: "Thank you for Brussels", summary: "Thank you for attending.\n\nThe report follows." };
    const draft = await createFollowUpDraft(actor, meeting.id, input({ ...english, translatedSubject: "Merci pour Bruxelles", translatedSummary: "Merci de votre participation." }));
    expect(await db.followUpTranslation.findMany({ where: { followUpId: draft!.id }, select: { language: true, subject: true, summary: true } })).toEqual([
      { language: "fr", subject: "Merci pour Bruxelles", summary: "Merci de votre participation." },
    ]);
    expect(await db.followUp.findUnique({ where: { id: draft!.id }, select: { language: true } })).toEqual({ language: "en" });
    smtp.messages.length = 0;
    await sendFollowUp(actor, meeting.id, draft!.id);
    const transport = createTransport(smtp.url);
    await drainOutbox({ transport });
    transport.close();
    const to = (email: string) => smtp.messages.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === email)!;
    const fr = to(regs[1].email);
    expect(fr.subject).toBe("Merci pour Bruxelles");
    expect(fr.text).toContain("Merci de votre participation.");
    expect(fr.text).not.toContain("Thank you for attending.");
    expect(fr.html).toMatch(/<html[^>]* lang="fr"/);
    expect(fr.headers.get("content-language")).toBe("fr");
    const en = to(regs[0].email);
    expect(en.subject).toBe("Thank you for Brussels");
    expect(en.text).toContain("The report follows.");
    expect(en.text).not.toContain("Merci");
    expect(en.headers.get("content-language")).toBe("en");

    // French summary missing: the French recipient gets the English one, marked lang="en" in a French mail.
    const partial = await createFollowUpDraft(actor, meeting.id, input({ ...english, translatedSubject: "Merci pour Bruxelles" }));
    const messages = await db.outboxMessage.findMany({ where: { followUpId: partial!.id }, select: { registrationId: true, subject: true, html: true, text: true, headers: true } });
    const frCopy = messages.find((m) => m.registrationId === regs[1].id)!;
    expect(frCopy.subject).toBe("Merci pour Bruxelles");
    expect(frCopy.text).toContain("Thank you for attending.");
    expect(frCopy.html).toMatch(/<p[^>]* lang="en"[^>]*>Thank you for attending\.<\/p>/);
    expect(frCopy.text).toContain("Voir la page de la réunion");
    expect(frCopy.headers).toMatchObject({ "Content-Language": "fr, en" });
    const enCopy = messages.find((m) => m.registrationId === regs[0].id)!;
    expect(enCopy.html).not.toMatch(/<p[^>]* lang=/);

    // No translation at all: no translation row, everybody gets the original.
    const none = await createFollowUpDraft(actor, meeting.id, input({ ...english, translatedSubject: "", translatedSummary: "" }));
    expect(await db.followUpTranslation.count({ where: { followUpId: none!.id } })).toBe(0);
    const subjects = await db.outboxMessage.findMany({ where: { followUpId: none!.id }, select: { subject: true } });
    expect(subjects.map((m) => m.subject)).toEqual(["Thank you for Brussels", "Thank you for Brussels", "Thank you for Brussels"]);
  });

  it("lists the recommendations an agency supports too, separately and marked", async () => {
    const [a, b] = [await createAgency(), await createAgency()];
    const meeting = await createMeetingWithParticipants(2, [a, b]);
    const rec = (code: string, title: string, leadAgencyId: string, supporters: string[]) =>
      db.recommendation.create({
        data: {
          code: `${code}-${meeting.id.slice(-5)}`, title, text: "x", meetingId: meeting.id, leadAgencyId, status: "ADOPTED",
          supporters: { create: supporters.map((agencyId) => ({ agencyId })) },
        },
      });
    await rec("R1", "Alpha leads this", a.id, []);
    await rec("R2", "Beta leads, Alpha supports", b.id, [a.id]);
    await rec("R3", "Beta alone", b.id, []);

    const draft = await createFollowUpDraft(actor, meeting.id, input());
    const drafts = await db.outboxMessage.findMany({ where: { followUpId: draft!.id }, include: { registration: true } });
    const alpha = drafts.find((m) => m.registration?.agencyId === a.id)!.text;
    const beta = drafts.find((m) => m.registration?.agencyId === b.id)!.text;
    expect(alpha).toContain("Recommendations your agency leads (1):");
    expect(alpha).toContain("Recommendations your agency supports (1):");
    expect(alpha).toContain(`Supporting: R2-${meeting.id.slice(-5)}: Beta leads, Alpha supports (led by ${b.acronym})`);
    expect(alpha.indexOf("Alpha leads this")).toBeLessThan(alpha.indexOf("supports (1):"));
    expect(alpha).not.toContain("Beta alone");
    // Beta leads both of its recommendations: nothing of its copy is marked supporting
    expect(beta).toContain("Recommendations your agency leads (2):");
    expect(beta).not.toContain("Supporting");
  });

  it("chooses recipients by no-show, agency and status", async () => {
    const [a, b] = [await createAgency(), await createAgency()];
    const meeting = await createMeetingWithParticipants(6, [a, b], {
      attendance: (i) => (i < 2 ? "NO_SHOW" : "ATTENDED"),
      registrationStatus: (i) => (i === 5 ? "WAITLISTED" : "CONFIRMED"),
    });
    expect((await createFollowUpDraft(actor, meeting.id, input({ audience: "NO_SHOWS" })))?.recipients).toBe(2);
    expect((await createFollowUpDraft(actor, meeting.id, input({ audience: "AGENCIES", agencyIds: [b.id] })))?.recipients).toBe(2);
    expect((await createFollowUpDraft(actor, meeting.id, input({ audience: "STATUS", statuses: ["WAITLISTED"] })))?.recipients).toBe(1);
    expect(await createFollowUpDraft(actor, meeting.id, input({ audience: "STATUS", statuses: ["DECLINED"] }))).toBeNull();
  });

  it("sends the failed messages of a follow-up again, with the same Message-IDs", async () => {
    const meeting = await createMeetingWithParticipants(2, []);
    const draft = await createFollowUpDraft(actor, meeting.id, input());
    await sendFollowUp(actor, meeting.id, draft!.id);
    const transport = createTransport(smtp.url);
    smtp.failWith = { code: 550, message: "5.7.1 Relaying denied" };
    await drainOutbox({ transport });
    smtp.failWith = null;
    expect((await followUpProgress([draft!.id])).get(draft!.id)?.FAILED).toBe(2);
    const ids = (await db.outboxMessage.findMany({ where: { followUpId: draft!.id } })).map((m) => m.messageId).sort();
    smtp.messages.length = 0;
    expect(await retryFailedFollowUp(actor, meeting.id, draft!.id)).toBe(2);
    await drainOutbox({ transport });
    transport.close();
    expect(smtp.messages.map((m) => m.messageId).sort()).toEqual(ids);
  });

  it("discards a draft without leaving messages behind", async () => {
    const meeting = await createMeetingWithParticipants(2, []);
    const draft = await createFollowUpDraft(actor, meeting.id, input());
    expect(await discardFollowUp(actor, meeting.id, draft!.id)).toBe(true);
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("rejects bad composer input with field errors", () => {
    const r = followUpSchema("Europe/Brussels").safeParse({
      subject: "x".repeat(201), summary: "short", documents: "javascript:alert(1)", nextSessionAt: "2027-02-30T09:00", audience: "AGENCIES",
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["subject", "summary", "documents", "nextSessionAt", "agencyIds"]));
  });

  // A correctness check at a size that cannot time out: every message delivered once, in several
  // claimed batches over a pooled connection. The 2,000-mail speed and memory figures belong to
  // `npx tsx scripts/bench-mail.ts`, never to a test.
  it("delivers a 200-person follow-up to the local SMTP server, each message exactly once", async () => {
    smtp.messages.length = 0;
    const agencies = await Promise.all(Array.from({ length: 8 }, () => createAgency()));
    const meeting = await createMeetingWithParticipants(200, agencies);
    const draft = await createFollowUpDraft(actor, meeting.id, input());
    expect(await sendFollowUp(actor, meeting.id, draft!.id)).toBe(200);
    const transport = createTransport(smtp.url + "?max_connections=3");
    const r = await drainOutbox({ transport, batchSize: 40 });
    transport.close();
    expect(r).toMatchObject({ sent: 200, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(200);
    const rows = await db.outboxMessage.findMany({ where: { followUpId: draft!.id }, select: { messageId: true, status: true, toEmail: true } });
    expect(rows.every((m) => m.status === "SENT")).toBe(true);
    expect(new Set(smtp.messages.map((m) => m.messageId))).toEqual(new Set(rows.map((m) => m.messageId)));
    expect(new Set(rows.map((m) => m.toEmail)).size).toBe(200);
  });
});
