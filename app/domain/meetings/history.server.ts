import { describeEntries } from "~/domain/audit/subjects.server";
import { db, type Prisma } from "~/utils/db.server";
import type { Language } from "~/i18n/config";
import type { T } from "~/i18n/translate";

// Reading the audit log: a meeting's history (meeting, agenda, registrations ... everything tagged with
// its id) and the organisation-wide log for staff.

const entrySelect = {
  id: true, entity: true, entityId: true, meetingId: true, action: true, before: true, after: true, createdAt: true,
  user: { select: { name: true, email: true } },
} satisfies Prisma.AuditLogSelect;

/** The entries with their sentences in the reader's language (`t`, and `language` for the names that have translations). */
export async function listAuditEntries(params: { meetingId?: string; entity?: string | null; entityId?: string; page: { skip: number; take: number } }, t: T, language: Language) {
  const where: Prisma.AuditLogWhereInput = {
    ...(params.entityId ? { entityId: params.entityId } : {}),
    ...(params.meetingId ? { meetingId: params.meetingId } : {}),
    ...(params.entity ? { entity: params.entity } : {}),
  };
  const [total, rows] = await Promise.all([
    // Unfiltered (the audit log's first view), a bare COUNT(*): SQLite counts the table from its pages,
    // where Prisma's count() wraps a subquery that steps through every entry.
    Object.keys(where).length ? db.auditLog.count({ where }) : db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "AuditLog"`.then(([r]) => Number(r.n)),
    db.auditLog.findMany({ where, select: entrySelect, orderBy: { createdAt: "desc" }, skip: params.page.skip, take: params.page.take }),
  ]);
  return { total, rows: await describeEntries(rows, t, language) };
}
