import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { reloadEnv } from "~/utils/env.server";
import { createAgency, createUser, formAnswer, formRequest, requestAs, responseStatus as status } from "~/test/factories";
import { createMeetingWithParticipants, queueTestMails } from "~/test/factories.mail";
import * as mailLog from "~/routes/admin.mail._index";
import * as mailMessage from "~/routes/admin.mail.$id";
import * as meetingMail from "~/routes/admin.meetings.$id.mail._index";
import * as composer from "~/routes/admin.meetings.$id.mail.follow-ups.new";
import * as followUpPage from "~/routes/admin.meetings.$id.mail.follow-ups.$followUpId";
import * as unsubscribe from "~/routes/unsubscribe.$token";
import * as devMailbox from "~/routes/dev.mailbox._index";
import * as devMailboxMessage from "~/routes/dev.mailbox.$id";
import * as root from "~/root";
import { unsubscribeToken } from "./unsubscribe.server";

describe("mail pages: access", () => {
  it("refuses participants and focal points, and sends anonymous users to sign in", async () => {
    const agency = await createAgency();
    const meeting = await createMeetingWithParticipants(1, [agency]);
    const [participant, focal] = [await createUser("PARTICIPANT"), await createUser("FOCAL_POINT", { agencyId: agency.id })];
    const [id] = await queueTestMails(1);
    for (const user of [participant, focal]) {
      const args = (url: string, init?: RequestInit) => requestAs(user.id, url, init);
      expect(await status(mailLog.loader({ request: await args("/admin/mail"), params: {}, context: {} }))).toBe(403);
      expect(await status(mailMessage.loader({ request: await args(`/admin/mail/${id}`), params: { id }, context: {} }))).toBe(403);
      expect(await status(mailMessage.action({ request: await args(`/admin/mail/${id}`, formRequest({ intent: "resend" })), params: { id }, context: {} }))).toBe(403);
      expect(await status(meetingMail.loader({ request: await args(`/admin/meetings/${meeting.id}/mail`), params: { id: meeting.id }, context: {} }))).toBe(403);
      expect(
        await status(composer.action({ request: await args(`/admin/meetings/${meeting.id}/mail/follow-ups/new`, formRequest({ subject: "x" })), params: { id: meeting.id }, context: {} })),
      ).toBe(403);
      expect(
        await status(followUpPage.action({ request: await args("/x", formRequest({ intent: "send" })), params: { id: meeting.id, followUpId: "nope" }, context: {} })),
      ).toBe(403);
    }
    expect(await status(mailLog.loader({ request: await requestAs(null, "/admin/mail"), params: {}, context: {} }))).toBe(302);
  });
});

describe("follow-up composer", () => {
  it("re-shows bad input with field errors instead of failing", async () => {
    const secretariat = await createUser("SECRETARIAT");
    const meeting = await createMeetingWithParticipants(2, [await createAgency()]);
    const request = await requestAs(
      secretariat.id,
      `/admin/meetings/${meeting.id}/mail/follow-ups/new`,
      formRequest({ intent: "save", subject: "<b>".repeat(100), summary: "", documents: "ftp://x", nextSessionAt: "2027-13-01T10:00", audience: "AGENCIES", agencyIds: "unknown" }),
    );
    const result = await formAnswer(composer.action({ request, params: { id: meeting.id }, context: {} }));
    expect(Object.keys(result.result.error)).toEqual(expect.arrayContaining(["subject", "summary", "documents", "nextSessionAt"]));

    const unknownAgency = await requestAs(
      secretariat.id,
      "/x",
      formRequest({ intent: "save", subject: "Follow-up", summary: "Thanks for coming to Brussels.", audience: "AGENCIES", agencyIds: "not-an-agency" }),
    );
    const r2 = await formAnswer(composer.action({ request: unknownAgency, params: { id: meeting.id }, context: {} }));
    expect(r2.result.error.agencyIds).toBeTruthy();
    expect(await db.followUp.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("previews, saves a draft and sends it", async () => {
    const secretariat = await createUser("SECRETARIAT");
    const agency = await createAgency({ name: "Preview Agency" });
    const meeting = await createMeetingWithParticipants(2, [agency]);
    const fields = { subject: "Thank you", summary: "Thanks for coming to Brussels.", audience: "CONFIRMED", previewAgencyId: agency.id };
    const preview = (await composer.action({
      request: await requestAs(secretariat.id, "/x", formRequest({ ...fields, intent: "preview" })),
      params: { id: meeting.id },
      context: {},
    })) as { preview: { html: string } };
    expect(preview.preview.html).toContain("Dear colleagues of Preview Agency");
    expect(await db.followUp.count({ where: { meetingId: meeting.id } })).toBe(0);

    const saved = (await composer.action({ request: await requestAs(secretariat.id, "/x", formRequest({ ...fields, intent: "save" })), params: { id: meeting.id }, context: {} })) as Response;
    expect(saved.status).toBe(302);
    const followUp = await db.followUp.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(saved.headers.get("Location")).toBe(`/admin/meetings/${meeting.id}/mail/follow-ups/${followUp.id}`);
    await followUpPage.action({ request: await requestAs(secretariat.id, "/x", formRequest({ intent: "send" })), params: { id: meeting.id, followUpId: followUp.id }, context: {} });
    expect(await db.outboxMessage.count({ where: { followUpId: followUp.id, status: "QUEUED" } })).toBe(2);
  });
});

describe("follow-up composer: one draft per form", () => {
  it("renders a submission key; two concurrent submits and a later resubmit of the same form make one draft", async () => {
    const secretariat = await createUser("SECRETARIAT");
    const meeting = await createMeetingWithParticipants(3, [await createAgency()]);
    const url = `/admin/meetings/${meeting.id}/mail/follow-ups/new`;
    const page = await composer.loader({ request: await requestAs(secretariat.id, url), params: { id: meeting.id }, context: {} });
    expect(page.submissionKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const again = await composer.loader({ request: await requestAs(secretariat.id, url), params: { id: meeting.id }, context: {} });
    expect(again.submissionKey).not.toBe(page.submissionKey);

    const fields = { intent: "save", subject: "Thank you", summary: "Thanks for coming to Brussels.", audience: "CONFIRMED", submissionKey: page.submissionKey };
    const submit = async () =>
      (await composer.action({ request: await requestAs(secretariat.id, url, formRequest(fields)), params: { id: meeting.id }, context: {} })) as Response;
    const [first, second] = await Promise.all([submit(), submit()]);
    const third = await submit();
    const drafts = await db.followUp.findMany({ where: { meetingId: meeting.id } });
    expect(drafts).toHaveLength(1);
    const location = `/admin/meetings/${meeting.id}/mail/follow-ups/${drafts[0].id}`;
    for (const r of [first, second, third]) {
      expect(r.status).toBe(302);
      expect(r.headers.get("Location")).toBe(location);
    }
    expect(await db.outboxMessage.count({ where: { meetingId: meeting.id } })).toBe(3);

    // A freshly loaded form is a new follow-up.
    await composer.action({ request: await requestAs(secretariat.id, url, formRequest({ ...fields, submissionKey: again.submissionKey })), params: { id: meeting.id }, context: {} });
    expect(await db.followUp.count({ where: { meetingId: meeting.id } })).toBe(2);
  });

  it("two concurrent sends queue each mail once", async () => {
    const secretariat = await createUser("SECRETARIAT");
    const meeting = await createMeetingWithParticipants(3, [await createAgency()]);
    const fields = { intent: "save", subject: "Thank you", summary: "Thanks for coming to Brussels.", audience: "CONFIRMED" };
    await composer.action({ request: await requestAs(secretariat.id, "/x", formRequest(fields)), params: { id: meeting.id }, context: {} });
    const followUp = await db.followUp.findFirstOrThrow({ where: { meetingId: meeting.id } });
    const send = async () =>
      (await followUpPage.action({ request: await requestAs(secretariat.id, "/x", formRequest({ intent: "send" })), params: { id: meeting.id, followUpId: followUp.id }, context: {} })) as Response;
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await db.outboxMessage.count({ where: { followUpId: followUp.id, status: "QUEUED" } })).toBe(3);
    expect(await db.outboxMessage.count({ where: { followUpId: followUp.id } })).toBe(3);
    expect(await db.auditLog.count({ where: { entity: "FollowUp", entityId: followUp.id, action: "send" } })).toBe(1);
  });
});

describe("unsubscribe page", () => {
  it("rejects forged tokens and suppresses on POST only", async () => {
    expect(await status(unsubscribe.loader({ request: new Request("http://convene.test/u"), params: { token: "Zm9vQGV4YW1wbGUub3Jn.forged" }, context: {} }))).toBe(404);
    const token = unsubscribeToken("Reader@Example.org");
    const page = (await unsubscribe.loader({ request: new Request("http://convene.test/u"), params: { token }, context: {} })) as { email: string; already: boolean };
    expect(page).toMatchObject({ email: "reader@example.org", already: false });
    expect(await db.mailSuppression.count({ where: { email: "reader@example.org" } })).toBe(0);
    await unsubscribe.action({ request: new Request("http://convene.test/u", { method: "POST", body: "List-Unsubscribe=One-Click" }), params: { token }, context: {} });
    expect(await db.mailSuppression.count({ where: { email: "reader@example.org" } })).toBe(1);
  });
});

describe("mail log views", () => {
  it("shows one person's mail for an exact address, and failed mail with the SMTP answer", async () => {
    const staff = await createUser("ORGANISER");
    await queueTestMails(2, { to: () => "one.person@example.org" });
    const [failedId] = await queueTestMails(1, { to: () => "bounce@example.org" });
    await db.outboxMessage.update({ where: { id: failedId }, data: { status: "FAILED", smtpResponse: "550 5.1.1 User unknown", lastError: "550 5.1.1 User unknown" } });
    const person = (await mailLog.loader({ request: await requestAs(staff.id, "/admin/mail?recipient=One.Person@example.org"), params: {}, context: {} })) as Awaited<ReturnType<typeof mailLog.loader>>;
    expect(person.log.total).toBe(2);
    expect(person.log.rows.every((r) => r.toEmail === "one.person@example.org")).toBe(true);
    const failed = (await mailLog.loader({ request: await requestAs(staff.id, "/admin/mail?status=FAILED"), params: {}, context: {} })) as Awaited<ReturnType<typeof mailLog.loader>>;
    expect(failed.log.rows.find((r) => r.id === failedId)?.smtpResponse).toBe("550 5.1.1 User unknown");
    // unknown filter values are ignored, never an error
    const odd = (await mailLog.loader({ request: await requestAs(staff.id, "/admin/mail?status=<b>&page=-3"), params: {}, context: {} })) as Awaited<ReturnType<typeof mailLog.loader>>;
    expect(odd.filter.status).toBeUndefined();
    expect(odd.page).toBe(1);
  });

  it("requeues a failed message and copies a sent one", async () => {
    const staff = await createUser("SECRETARIAT");
    const [failedId, sentId] = await queueTestMails(2);
    await db.outboxMessage.update({ where: { id: failedId }, data: { status: "FAILED", attempts: 3, smtpResponse: "550 no" } });
    await db.outboxMessage.update({ where: { id: sentId }, data: { status: "SENT", sentAt: new Date() } });
    const resend = async (id: string) =>
      (await mailMessage.action({ request: await requestAs(staff.id, `/admin/mail/${id}`, formRequest({ intent: "resend" })), params: { id }, context: {} })) as Response;
    expect((await resend(failedId)).headers.get("Location")).toBe(`/admin/mail/${failedId}`);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: failedId } })).toMatchObject({ status: "QUEUED", attempts: 0 });
    const copied = await resend(sentId);
    const copyId = copied.headers.get("Location")!.split("/").pop()!;
    const [original, copy] = await Promise.all([db.outboxMessage.findUniqueOrThrow({ where: { id: sentId } }), db.outboxMessage.findUniqueOrThrow({ where: { id: copyId } })]);
    expect(copy.status).toBe("QUEUED");
    expect(copy.messageId).not.toBe(original.messageId);
    expect(copy.idempotencyKey).toMatch(new RegExp(`^resend:${sentId}:`));
    expect(original.status).toBe("SENT");
  });
});

describe("development mailbox (DEV_MAILBOX, docs/decisions/052-dev-mailbox-opt-in.md)", () => {
  const args = (url: string, params: Record<string, string> = {}) => ({ request: new Request(`http://convene.test${url}`), params, context: {} });
  const mailboxSetting = (value: "on" | "off" | undefined) => {
    if (value) process.env.DEV_MAILBOX = value;
    else delete process.env.DEV_MAILBOX;
    reloadEnv();
  };
  const rootData = async () => (await root.loader(args("/"))).data;
  afterEach(() => mailboxSetting(undefined));

  it("does not exist unless the operator turns it on: both pages answer 404 and nothing links to them", async () => {
    const [id] = await queueTestMails(1);
    for (const value of [undefined, "off"] as const) {
      mailboxSetting(value);
      expect(await status(devMailbox.loader(args("/dev/mailbox")))).toBe(404);
      expect(await status(devMailboxMessage.loader(args(`/dev/mailbox/${id}`, { id })))).toBe(404);
      expect((await rootData()).showDevMailbox).toBe(false);
    }
  });

  it("with DEV_MAILBOX=on shows every mail to anyone, and every page links to it", async () => {
    mailboxSetting("on");
    const email = `reader-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const [id] = await queueTestMails(1, { to: () => email });
    const list = (await devMailbox.loader(args(`/dev/mailbox?to=${email}`))) as Awaited<ReturnType<typeof devMailbox.loader>>;
    expect(list.messages.map((m) => m.id)).toEqual([id]);
    const page = (await devMailboxMessage.loader(args(`/dev/mailbox/${id}`, { id }))) as Awaited<ReturnType<typeof devMailboxMessage.loader>>;
    expect(page.message).toMatchObject({ toEmail: email, subject: "Test message 0" });
    expect(await status(devMailboxMessage.loader(args("/dev/mailbox/nope", { id: "nope" })))).toBe(404);
    expect((await rootData()).showDevMailbox).toBe(true);
  });

  it("does not show drafts", async () => {
    mailboxSetting("on");
    const meeting = await createMeetingWithParticipants(1, []);
    const email = (await db.registration.findFirstOrThrow({ where: { meetingId: meeting.id } })).email;
    await queueTestMails(1, { to: () => email });
    await db.outboxMessage.updateMany({ where: { toEmail: email }, data: { status: "DRAFT" } });
    const page = (await devMailbox.loader(args(`/dev/mailbox?to=${email}`))) as Awaited<ReturnType<typeof devMailbox.loader>>;
    expect(page.messages).toHaveLength(0);
  });
});
