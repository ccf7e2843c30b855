import crypto from "node:crypto";
import os from "node:os";
import { db, dialect, transaction } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createTransport, replyToAddress, type MailTransport } from "./transport.server";
import { runScheduler } from "./scheduler.server";
import { renderPending } from "./pending.server";

// The outbox worker: claims queued messages, sends them after the transaction that queued them
// has committed, and records the SMTP answer. Delivery is at-least-once with a stable Message-ID;
// see docs/decisions/040-outbox-worker.md for the guarantees and the one duplicate window.

export type WorkerOptions = {
  transport: MailTransport;
  /** names this worker in lockedBy, for the mail log and for crash recovery */
  workerId?: string;
  batchSize?: number;
  /** a SENDING message locked longer than this belongs to a worker that died */
  lockTimeoutMs?: number;
  maxAttempts?: number;
  /** first retry delay; doubles on every attempt up to maxDelayMs */
  baseDelayMs?: number;
  maxDelayMs?: number;
};

type Settings = Required<WorkerOptions>;

function settings(o: WorkerOptions): Settings {
  return {
    transport: o.transport,
    workerId: o.workerId ?? `${os.hostname()}:${process.pid}`,
    batchSize: o.batchSize ?? 200,
    // well above the slowest possible batch (200 messages, 3 connections, 30 s socket timeout each)
    lockTimeoutMs: o.lockTimeoutMs ?? 15 * 60_000,
    maxAttempts: o.maxAttempts ?? 8,
    baseDelayMs: o.baseDelayMs ?? 30_000,
    maxDelayMs: o.maxDelayMs ?? 3_600_000,
  };
}

export function retryDelay(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}

/** Puts messages of a crashed worker back in the queue; they keep their Message-ID. */
export async function reclaimStuck(lockTimeoutMs: number, now = new Date()): Promise<number> {
  const { count } = await db.outboxMessage.updateMany({
    where: { status: "SENDING", lockedAt: { lt: new Date(now.getTime() - lockTimeoutMs) } },
    data: { status: "QUEUED", lockedAt: null, lockedBy: null, nextAttemptAt: now, lastError: "Worker stopped while sending; retried." },
  });
  return count;
}

/**
 * Claims up to `limit` due messages for this worker: they move QUEUED -> SENDING with a fresh lock
 * token in one transaction that takes its lock before it reads. PostgreSQL locks the picked rows
 * with FOR UPDATE SKIP LOCKED, so concurrent workers get disjoint batches without waiting; SQLite
 * holds the database's write lock from BEGIN IMMEDIATE (app/utils/db.server.ts). Nothing claimed
 * means nothing is due.
 */
export async function claimBatch(workerId: string, limit: number, now = new Date()) {
  const lock = `${workerId}#${crypto.randomUUID().slice(0, 8)}`;
  await transaction(async (tx) => {
    const picked =
      dialect() === "postgresql"
        ? await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "OutboxMessage" WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}
            ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`
        : await tx.outboxMessage.findMany({
            where: { status: "QUEUED", nextAttemptAt: { lte: now } },
            orderBy: { nextAttemptAt: "asc" },
            take: limit,
            select: { id: true },
          });
    if (picked.length === 0) return;
    await tx.outboxMessage.updateMany({
      where: { id: { in: picked.map((p) => p.id) }, status: "QUEUED" },
      data: { status: "SENDING", lockedBy: lock, lockedAt: now },
    });
  });
  const claimed = await db.outboxMessage.findMany({
    where: { lockedBy: lock, status: "SENDING" },
    select: {
      id: true, toEmail: true, toName: true, subject: true, html: true, text: true, messageId: true,
      headers: true, icsContent: true, icsMethod: true, essential: true, attempts: true, lockedBy: true, pendingRender: true,
      meeting: { select: { organiserEmail: true } },
    },
  });
  return claimed.map(({ meeting, ...m }) => ({ ...m, replyTo: replyToAddress(meeting?.organiserEmail) }));
}

type Claimed = Awaited<ReturnType<typeof claimBatch>>[number];

/**
 * Renders the claimed messages that were queued unrendered (pending.server.ts) and returns the batch
 * with their content. A message that cannot be rendered is FAILED with the reason, not sent.
 */
async function withContent(batch: Claimed[]): Promise<{ ready: Claimed[]; failed: number }> {
  const pending = batch.filter((m) => m.pendingRender !== null);
  if (pending.length === 0) return { ready: batch, failed: 0 };
  const broken = await renderPending(pending.map((m) => m.id));
  for (const [id, reason] of broken) {
    const m = pending.find((p) => p.id === id)!;
    await db.outboxMessage.updateMany({
      where: { id, lockedBy: m.lockedBy, status: "SENDING" },
      data: { status: "FAILED", lastError: reason, lockedBy: null, lockedAt: null },
    });
  }
  // Read back what was stored: another renderer (the development mailbox) may have been first.
  const rendered = new Map(
    (
      await db.outboxMessage.findMany({
        where: { id: { in: pending.map((m) => m.id) }, pendingRender: null },
        select: { id: true, html: true, text: true, icsContent: true, icsMethod: true },
      })
    ).map((r) => [r.id, r]),
  );
  const ready = batch.flatMap((m) => {
    if (m.pendingRender === null) return [m];
    const r = rendered.get(m.id);
    return r && !broken.has(m.id) ? [{ ...m, ...r, pendingRender: null }] : [];
  });
  return { ready, failed: broken.size };
}

export type BatchResult = { claimed: number; sent: number; retried: number; failed: number; cancelled: number };

/** One pass: reclaim, claim a batch, send it. Returns what happened; claimed 0 means the queue is empty. */
export async function processBatch(options: WorkerOptions): Promise<BatchResult> {
  const s = settings(options);
  const result: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
  await reclaimStuck(s.lockTimeoutMs);
  const claimed = await claimBatch(s.workerId, s.batchSize);
  result.claimed = claimed.length;
  if (claimed.length === 0) return result;
  const { ready: batch, failed } = await withContent(claimed);
  result.failed += failed;

  const nonEssential = batch.filter((m) => !m.essential).map((m) => m.toEmail);
  const suppressed = new Set(
    nonEssential.length
      ? (await db.mailSuppression.findMany({ where: { email: { in: nonEssential } }, select: { email: true } })).map((x) => x.email)
      : [],
  );

  const recorder = sentRecorder(batch.length);
  await Promise.all(
    batch.map(async (m) => {
      // Every update is guarded by our lock: if we were too slow and another worker reclaimed the
      // row, its outcome wins and ours is dropped.
      const mine = { id: m.id, lockedBy: m.lockedBy, status: "SENDING" as const };
      if (!m.essential && suppressed.has(m.toEmail)) {
        recorder.other();
        await db.outboxMessage.updateMany({
          where: mine,
          data: { status: "CANCELLED", lockedBy: null, lockedAt: null, lastError: "The recipient unsubscribed from non-essential mail." },
        });
        result.cancelled++;
        return;
      }
      const outcome = await s.transport.send(m);
      const attempts = m.attempts + 1;
      const now = new Date();
      if (outcome.ok) {
        await recorder.sent(m, outcome.response);
        result.sent++;
      } else if (outcome.temporary && attempts < s.maxAttempts) {
        recorder.other();
        await db.outboxMessage.updateMany({
          where: mine,
          data: {
            status: "QUEUED",
            attempts,
            nextAttemptAt: new Date(now.getTime() + retryDelay(attempts, s.baseDelayMs, s.maxDelayMs)),
            lastError: outcome.response,
            smtpResponse: outcome.response,
            lockedBy: null,
            lockedAt: null,
          },
        });
        result.retried++;
      } else {
        recorder.other();
        await db.outboxMessage.updateMany({
          where: mine,
          data: { status: "FAILED", attempts, lastError: outcome.response, smtpResponse: outcome.response, lockedBy: null, lockedAt: null },
        });
        result.failed++;
      }
    }),
  );
  return result;
}

/** A SENT group is written when it has this many messages ... */
export const SENT_GROUP = 100;
/** ... or when its first message has waited this long for others to join, or when no other answer is to come. */
export const SENT_WAIT_MS = 50;

/**
 * Marks sent messages SENT set-based: answers are collected for up to SENT_WAIT_MS or SENT_GROUP
 * messages, then written with one statement per distinct answer. Each answer arriving alone cost a
 * statement of its own (1,272 statements for 2,000 messages over 3 connections, most of the worker's
 * time in SQLite). Until it is written a message stays SENDING, under our lock: a crash in between
 * re-sends it with the same Message-ID, like a crash during the send itself
 * (docs/decisions/040-outbox-worker.md).
 */
function sentRecorder(messages: number) {
  type Sent = { m: { id: string; lockedBy: string | null }; response: string; done: () => void; failed: (e: unknown) => void };
  let waiting: Sent[] = [];
  let writing = false;
  let full: (() => void) | null = null;
  // Messages of the batch whose outcome is not known yet; at 0 nobody else can join the group.
  let unanswered = messages;
  const ready = () => waiting.length >= SENT_GROUP || unanswered === 0;
  const flush = async () => {
    writing = true;
    for (;;) {
      if (!ready()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, SENT_WAIT_MS);
          full = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        full = null;
      }
      if (waiting.length === 0) break;
      const group = waiting;
      waiting = [];
      const now = new Date();
      const byAnswer = new Map<string, Sent[]>();
      for (const s of group) {
        const key = `${s.m.lockedBy}\n${s.response}`;
        const same = byAnswer.get(key);
        if (same) same.push(s);
        else byAnswer.set(key, [s]);
      }
      for (const sent of byAnswer.values()) {
        try {
          await db.outboxMessage.updateMany({
            where: { id: { in: sent.map((s) => s.m.id) }, lockedBy: sent[0].m.lockedBy, status: "SENDING" },
            data: { status: "SENT", attempts: { increment: 1 }, sentAt: now, smtpResponse: sent[0].response, lastError: null, lockedBy: null, lockedAt: null },
          });
          for (const s of sent) s.done();
        } catch (e) {
          for (const s of sent) s.failed(e);
        }
      }
    }
    writing = false;
  };
  return {
    sent: (m: Sent["m"], response: string) =>
      new Promise<void>((done, failed) => {
        unanswered--;
        waiting.push({ m, response, done, failed });
        if (ready()) full?.();
        if (!writing) void flush();
      }),
    /** A message of the batch that ended otherwise (cancelled, to retry, failed). */
    other: () => {
      unanswered--;
      if (ready()) full?.();
    },
  };
}

/** Sends until nothing is due (used by tests, the bench and the worker loop). */
export async function drainOutbox(options: WorkerOptions): Promise<BatchResult> {
  const total: BatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
  for (;;) {
    const r = await processBatch(options);
    if (r.claimed === 0) return total;
    for (const k of Object.keys(total) as (keyof BatchResult)[]) total[k] += r[k];
  }
}

export type RunningWorker = { stop(): Promise<void> };

/**
 * The poll loop: every `pollMs` it runs the scheduler (reminders, overdue recommendations) at
 * most once a minute, then drains the queue. stop() finishes the batch in flight, then returns.
 */
export function startWorker(options: Partial<WorkerOptions> & { pollMs?: number; log?: (line: string) => void } = {}): RunningWorker {
  const transport = options.transport ?? createTransport();
  const pollMs = options.pollMs ?? 1500;
  const log = options.log ?? ((line: string) => console.info(line));
  let stopped = false;
  let wake: (() => void) | null = null;
  let lastSchedule = 0;
  const loop = (async () => {
    while (!stopped) {
      // The scheduler and the sender fail independently: a scheduling error must not stop delivery.
      if (Date.now() - lastSchedule >= 60_000) {
        lastSchedule = Date.now();
        try {
          const queued = await runScheduler(new Date());
          if (queued.reminders + queued.overdue > 0) log(`mail scheduler: queued ${queued.reminders} reminders, ${queued.overdue} overdue reminders`);
        } catch (error) {
          log(`mail scheduler: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      try {
        const r = await drainOutbox({ ...options, transport });
        if (r.claimed > 0) log(`mail worker: sent ${r.sent}, retry ${r.retried}, failed ${r.failed}, cancelled ${r.cancelled}`);
      } catch (error) {
        log(`mail worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      transport.close();
    },
  };
}

declare global {
  var __conveneMailWorker: RunningWorker | undefined;
}

/** Starts the worker inside the web process once (MAIL_WORKER=inline, never in tests). */
export function startInlineWorker(): void {
  if (env().MAIL_WORKER !== "inline" || env().NODE_ENV === "test" || globalThis.__conveneMailWorker) return;
  globalThis.__conveneMailWorker = startWorker({ workerId: `${os.hostname()}:${process.pid}:inline` });
}
