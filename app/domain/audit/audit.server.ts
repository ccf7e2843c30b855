import crypto from "node:crypto";
import type { Prisma, Tx } from "~/utils/db.server";
import { insertMany, type ColumnKind } from "~/utils/insert-many.server";

// Audit log of every change on meetings, agendas, agencies, series, recommendations and theme names:
// who, what, when, before/after. Written in the same transaction as the change.

/**
 * Every kind of record the log holds: the audit log page filters by them without asking the
 * database for its distinct values (a scan of the whole log).
 */
export const AUDITED_ENTITIES = [
  "Agency",
  "Agenda",
  "AgendaItem",
  "Delegation",
  "Document",
  "FollowUp",
  "Invitation",
  "Meeting",
  "OutboxMessage",
  "ProgressUpdate",
  "Recommendation",
  "RecommendationReview",
  "Registration",
  "Series",
  "SummaryRecord",
  "Theme",
  "User",
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/**
 * Entries per page of the audit log. Each is a sentence with links and its changed values, so a page
 * costs its rows: 25 keeps the page near the size of a young installation's whole log (issue 10).
 */
export const AUDIT_PAGE_SIZE = 25;

export type AuditEntry = {
  userId: string | null;
  entity: AuditedEntity;
  entityId: string;
  meetingId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
};

/** The snapshot as JSON stores it (dates become ISO strings); undefined leaves the column NULL. */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Keeps only the fields that differ, so the log shows what changed. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    const x = before[key];
    const y = after[key];
    const same = x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : JSON.stringify(x) === JSON.stringify(y);
    if (!same) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

const row = (entry: AuditEntry) => ({
  userId: entry.userId,
  entity: entry.entity,
  entityId: entry.entityId,
  meetingId: entry.meetingId ?? null,
  action: entry.action,
  before: snapshot(entry.before),
  after: snapshot(entry.after),
});

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: row(entry) });
}

const TEXT: ColumnKind = "value";
const AUDIT_COLUMNS = { id: TEXT, userId: TEXT, entity: TEXT, entityId: TEXT, meetingId: TEXT, action: TEXT, before: "json", after: "json", createdAt: "date" } satisfies Record<string, ColumnKind>;

/** Several entries with multi-row INSERTs (bulk actions on hundreds of rows; insertMany, not createMany). */
export async function auditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  const createdAt = new Date();
  await insertMany(tx, "AuditLog", AUDIT_COLUMNS, entries.map((entry) => ({ ...row(entry), id: crypto.randomUUID(), createdAt })));
}
