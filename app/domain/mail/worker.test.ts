import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startSmtpServer, type TestSmtp } from "~/test/smtp";
import { queueTestMails } from "~/test/factories.mail";
import { createTransport, DEV_MAILBOX_RESPONSE, smtpOptions } from "./transport.server";
import { claimBatch, drainOutbox, processBatch, reclaimStuck, startInlineWorker, startWorker } from "./worker.server";
import { suppress } from "./unsubscribe.server";
import { enqueueMail } from "./outbox.server";
import { renderMail } from "./render.server";
import { createMeeting } from "~/test/factories";
import { setEnvForTest } from "~/test/env";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  smtp.messages.length = 0;
  smtp.failWith = null;
  await db.outboxMessage.deleteMany();
  await db.mailSuppression.deleteMany();
});

const fast = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 50 };
const hasUnsubscribeHeader = (m: TestSmtp["messages"][number]) => m.headerLines.some((h) => h.key === "list-unsubscribe");
const headerLine = (m: TestSmtp["messages"][number], key: string) => m.headerLines.find((h) => h.key === key)?.line ?? "";
const countBy = (ids: (string | undefined)[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string | undefined, number>());

describe("outbox worker over SMTP", () => {
  it("delivers everything exactly once after the SMTP server answered 451 for a while", async () => {
    await queueTestMails(30);
    const transport = createTransport(smtp.url);
    smtp.failWith = { code: 451, message: "4.3.0 Try again later" };
    const first = await processBatch({ transport, ...fast });
    expect(first.retried).toBe(30);
    const waiting = await db.outboxMessage.findMany();
    expect(waiting.every((m) => m.status === "QUEUED" && m.attempts === 1 && m.lastError?.includes("451"))).toBe(true);
    smtp.failWith = null;
    await new Promise((r) => setTimeout(r, 10));
    await drainOutbox({ transport, ...fast });
    transport.close();
    const rows = await db.outboxMessage.findMany();
    expect(rows.every((m) => m.status === "SENT" && m.attempts === 2)).toBe(true);
    const delivered = countBy(smtp.messages.map((m) => m.messageId));
    expect(delivered.size).toBe(30);
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(smtp.messages.map((m) => m.messageId)));
  });

  it("keeps mail queued while the SMTP server is down and delivers it once it is back", async () => {
    const down = await startSmtpServer();
    const port = down.port;
    await down.close();
    await queueTestMails(10);
    const transport = createTransport(`smtp://127.0.0.1:${port}`);
    const r = await processBatch({ transport, ...fast });
    expect(r.retried).toBe(10);
    const rows = await db.outboxMessage.findMany();
    expect(rows.every((m) => m.status === "QUEUED" && /ECONNREFUSED|ECONNECTION|connect/i.test(m.lastError ?? ""))).toBe(true);
    transport.close();

    const back = await startSmtpServer(port);
    const again = createTransport(back.url);
    await new Promise((res) => setTimeout(res, 10));
    await drainOutbox({ transport: again, ...fast });
    again.close();
    expect(back.messages).toHaveLength(10);
    expect(countBy(back.messages.map((m) => m.messageId)).size).toBe(10);
    await back.close();
  });

  it("marks a 550 answer FAILED at once with the SMTP response", async () => {
    await queueTestMails(1);
    smtp.failWith = { code: 550, message: "5.1.1 Mailbox unavailable" };
    const transport = createTransport(smtp.url);
    const r = await processBatch({ transport, ...fast });
    transport.close();
    expect(r.failed).toBe(1);
    const [row] = await db.outboxMessage.findMany();
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(1);
    expect(row.smtpResponse).toMatch(/550.*Mailbox unavailable/);
  });

  it("gives up after the maximum number of temporary failures", async () => {
    await queueTestMails(1);
    smtp.failWith = { code: 421, message: "4.7.0 Busy" };
    const transport = createTransport(smtp.url);
    for (let i = 0; i < 3; i++) {
      await processBatch({ transport, baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 3 });
    }
    transport.close();
    const [row] = await db.outboxMessage.findMany();
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(3);
    expect(row.lastError).toMatch(/421/);
  });

  it("lets two workers in parallel send every message once", async () => {
    await queueTestMails(120);
    const a = createTransport(smtp.url);
    const b = createTransport(smtp.url);
    const [ra, rb] = await Promise.all([
      drainOutbox({ transport: a, workerId: "a", batchSize: 7 }),
      drainOutbox({ transport: b, workerId: "b", batchSize: 7 }),
    ]);
    a.close();
    b.close();
    expect(ra.sent + rb.sent).toBe(120);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    const delivered = countBy(smtp.messages.map((m) => m.messageId));
    expect(smtp.messages).toHaveLength(120);
    expect(delivered.size).toBe(120);
  });

  it("never hands the same row to two claims", async () => {
    await queueTestMails(40);
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimBatch(`w${i}`, 15)));
    const ids = claims.flat().map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ids).size).toBe(40);
  });

  it("puts a message stuck in SENDING back in the queue with the same Message-ID", async () => {
    const [id] = await queueTestMails(1);
    const before = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    await db.outboxMessage.update({ where: { id }, data: { status: "SENDING", lockedBy: "dead", lockedAt: new Date(Date.now() - 600_000) } });
    expect(await reclaimStuck(60_000)).toBe(1);
    const transport = createTransport(smtp.url);
    await drainOutbox({ transport });
    transport.close();
    expect(smtp.messages.map((m) => m.messageId)).toEqual([before.messageId]);
  });

  it("drops the late outcome of a worker whose message was reclaimed meanwhile", async () => {
    const [id] = await queueTestMails(1);
    const real = createTransport(smtp.url);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    // a worker that stalls after the server accepted the message (e.g. a long GC pause)
    const slow = { ...real, send: async (m: Parameters<typeof real.send>[0]) => { const r = await real.send(m); await held; return r; } };
    const stalled = processBatch({ transport: slow, workerId: "slow" });
    await smtp.waitFor(1);
    expect(await reclaimStuck(0, new Date(Date.now() + 1))).toBe(1);
    smtp.failWith = { code: 550, message: "5.1.1 Gone now" };
    await processBatch({ transport: real, workerId: "fast" });
    release();
    await stalled;
    real.close();
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.smtpResponse).toMatch(/Gone now/);
  });

  it("cancels non-essential mail to an unsubscribed address but still sends essential mail", async () => {
    await queueTestMails(1, { essential: false, to: () => "gone@example.org", kind: "follow-up" });
    await queueTestMails(1, { essential: true, to: () => "gone@example.org", kind: "registration-confirmed" });
    await db.mailSuppression.create({ data: { email: "gone@example.org" } });
    const transport = createTransport(smtp.url);
    const r = await drainOutbox({ transport });
    transport.close();
    expect(r).toMatchObject({ sent: 1, cancelled: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(hasUnsubscribeHeader(smtp.messages[0])).toBe(false);
    const cancelled = await db.outboxMessage.findFirstOrThrow({ where: { kind: "follow-up" } });
    expect(cancelled.status).toBe("CANCELLED");
  });

  it("puts the unsubscribe link and List-Unsubscribe headers on non-essential mail only", async () => {
    await queueTestMails(1, { essential: false, to: () => "keen@example.org" });
    await queueTestMails(1, { essential: true, to: () => "keen@example.org" });
    const transport = createTransport(smtp.url);
    await drainOutbox({ transport });
    transport.close();
    const [nonEssential] = smtp.messages.filter(hasUnsubscribeHeader);
    const essential = smtp.messages.filter((m) => !hasUnsubscribeHeader(m));
    expect(essential).toHaveLength(1);
    expect(essential[0].text).not.toMatch(/unsubscribe/i);
    expect(headerLine(nonEssential, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const url = /<(http:\/\/convene\.test\/unsubscribe\/[^>]+)>/.exec(headerLine(nonEssential, "list-unsubscribe"))?.[1];
    expect(url).toBeTruthy();
    expect(nonEssential.text).toContain(url);
    expect(nonEssential.html).toContain(url);
  });

  it("sends replies to the meeting's organiser, else to MAIL_REPLY_TO, never to the no-reply sender", async () => {
    const meeting = await createMeeting();
    await db.meeting.update({ where: { id: meeting.id }, data: { organiserEmail: "calais.secretariat@iom.example.org" } });
    const mail = await renderMail({ language: "en", subject: "About the meeting", heading: "h", blocks: [{ kind: "text", text: "Hello" }] });
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, { ...mail, kind: "test", to: { email: "a@example.org" }, idempotencyKey: `reply:${meeting.id}`, essential: true, meetingId: meeting.id });
    });
    await queueTestMails(1, { to: () => "b@example.org" });
    setEnvForTest("MAIL_REPLY_TO", "secretariat@convene.example.org");
    const transport = createTransport(smtp.url);
    await drainOutbox({ transport });
    transport.close();
    const sentTo = (to: string) => smtp.messages.find((m) => headerLine(m, "to").includes(to))!;
    expect(headerLine(sentTo("a@example.org"), "reply-to")).toBe("Reply-To: calais.secretariat@iom.example.org");
    expect(headerLine(sentTo("b@example.org"), "reply-to")).toBe("Reply-To: secretariat@convene.example.org");
  });

  it("unsubscribing cancels waiting non-essential mail right away", async () => {
    await queueTestMails(2, { essential: false, to: () => "Later@Example.org" });
    await suppress("later@example.org");
    expect(await db.outboxMessage.count({ where: { status: "CANCELLED" } })).toBe(2);
  });
});

describe("the worker loop", () => {
  it("sends what is queued while it runs and stops cleanly", async () => {
    const lines: string[] = [];
    const worker = startWorker({ transport: createTransport(smtp.url), pollMs: 30, log: (l) => lines.push(l) });
    await queueTestMails(3);
    await smtp.waitFor(3);
    await worker.stop();
    await queueTestMails(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.messages).toHaveLength(3);
    expect(lines.some((l) => l.startsWith("mail worker: sent"))).toBe(true);
  });

  it("never starts inside tests", () => {
    startInlineWorker();
    expect(globalThis.__conveneMailWorker).toBeUndefined();
  });
});

describe("transport configuration", () => {
  it("keeps mail in the database when SMTP_URL is unset", async () => {
    await queueTestMails(2);
    const r = await drainOutbox({ transport: createTransport(undefined) });
    expect(r.sent).toBe(2);
    const rows = await db.outboxMessage.findMany();
    expect(rows.every((m) => m.status === "SENT" && m.smtpResponse === DEV_MAILBOX_RESPONSE)).toBe(true);
  });

  it("reads TLS and pool options from the URL", () => {
    expect(smtpOptions("smtps://u%40x:p%23w@mail.example.org?tls_reject_unauthorized=false")).toMatchObject({
      pool: true, secure: true, port: 465, host: "mail.example.org", auth: { user: "u@x", pass: "p#w" }, tls: { rejectUnauthorized: false },
    });
    expect(smtpOptions("smtp://relay.example.org:2525")).toMatchObject({ secure: false, port: 2525, auth: undefined, tls: { rejectUnauthorized: true }, maxConnections: 3 });
  });
});
