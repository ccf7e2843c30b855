import { describe, expect, it } from "vitest";
import { db, dialect } from "~/utils/db.server";
import { enqueueMail, enqueueNewMails, type NewMail } from "./outbox.server";
import { claimBatch } from "./worker.server";

// enqueueNewMails writes its rows with a raw multi-row INSERT (decision 084), enqueueMail through Prisma.
// A row of either kind must be stored alike, so that every reader (the worker's claim, which compares
// dates, the mail log, Prisma) sees the same thing.

const mail = (key: string, over: Partial<NewMail> = {}): NewMail =>
  ({
    subject: "Suivi : « la réunion »",
    html: "<p>Hello</p>",
    text: "Hello",
    language: "fr",
    kind: "follow-up",
    to: { email: ` Person.${key}@Example.org `, name: "Zoë <Person>" },
    idempotencyKey: `outbox-test:${key}`,
    essential: false,
    ...over,
  }) as NewMail;

const stored = (key: string) =>
  db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT CAST("nextAttemptAt" AS TEXT) AS "at", CAST("createdAt" AS TEXT) AS "created", CAST("headers" AS TEXT) AS "headers", "status", "essential"
     FROM "OutboxMessage" WHERE "idempotencyKey" = ${dialect() === "postgresql" ? "$1" : "?"}`,
    `outbox-test:${key}`,
  );

describe("enqueueNewMails", () => {
  it("stores rows exactly as enqueueMail does, and the worker claims them when due", async () => {
    const when = new Date("2026-03-01T10:00:00.123Z");
    await db.$transaction((tx) => enqueueMail(tx, mail("one", { sendAfter: when })));
    await db.$transaction((tx) => enqueueNewMails(tx, [mail("many", { sendAfter: when }), mail("draft", { status: "DRAFT" })]));

    const [one] = await stored("one");
    const [many] = await stored("many");
    // the same text for the same instant (SQLite compares dates as text), the same JSON, status and flag
    expect(many.at).toBe(one.at);
    // the same format for "now" (PostgreSQL's text drops a fraction's trailing zeros: compare the shape)
    const shape = (text: unknown) => String(text).replace(/\.\d+/, ".f").replace(/\d/g, "0");
    expect(shape(many.created)).toBe(shape(one.created));
    expect(Object.keys(JSON.parse(String(many.headers)))).toEqual(Object.keys(JSON.parse(String(one.headers))));
    expect([many.status, Number(many.essential)]).toEqual([one.status, Number(one.essential)]);

    const read = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "outbox-test:many" } });
    expect(read).toMatchObject({
      toEmail: "person.many@example.org", toName: "Zoë <Person>", subject: "Suivi : « la réunion »", status: "QUEUED", essential: false,
      nextAttemptAt: when, attempts: 0, lockedAt: null, pendingRender: null, icsContent: null,
    });
    expect(read.html).toContain("/unsubscribe/");
    expect((read.headers as Record<string, string>)["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(read.messageId).toMatch(/^<[0-9a-f-]{36}@.+>$/);

    // due mail is claimed by the worker (its claim compares nextAttemptAt with now), drafts are not
    const claimed = await claimBatch("outbox-test", 10, new Date("2026-03-01T10:00:00.123Z"));
    expect(claimed.map((c) => c.toEmail).sort()).toEqual(["person.many@example.org", "person.one@example.org"]);
  });

  it("refuses a repeated idempotency key", async () => {
    await expect(db.$transaction((tx) => enqueueNewMails(tx, [mail("twice"), mail("twice")]))).rejects.toThrow();
    expect(await db.outboxMessage.count({ where: { idempotencyKey: "outbox-test:twice" } })).toBe(0);
  });
});
