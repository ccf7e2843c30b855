import { tFor } from "~/i18n/i18n.server";
import { db, type Tx } from "~/utils/db.server";
import { key, type T } from "~/i18n/translate";
import type { FieldErrors, Outcome } from "~/utils/forms.server";
import { audit, diffFields } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { queueMeetingUpdate } from "~/domain/mail/meeting-updates.server";
import { writePublic } from "~/domain/meetings/public-cache.server";
import { ANNOUNCED_STATUSES, type MeetingStatus } from "~/domain/meetings/status";
import { fromLocalInput } from "~/utils/dates";
import { localize, translationsIn } from "~/domain/content/localized";
import type { Language } from "~/i18n/config";
import type { AgendaItemInput, AgendaPersonInput } from "./agenda.schema";
import { agendaWarnings } from "./warnings";

// The agenda of a meeting: timed items, nested one level or more, each with its speakers and
// moderator. Items are ordered by time. Every change is an AuditLog row with entity AgendaItem (the
// agenda change log). The agenda is public once published; later changes are announced to confirmed
// participants when the organiser publishes them (see docs/decisions/012-agenda-publication.md).

const itemSelect = {
  id: true, parentId: true, kind: true, title: true, description: true, room: true, startsAt: true, endsAt: true, position: true, updatedAt: true,
  people: { select: { id: true, name: true, role: true, agency: { select: { id: true, acronym: true, name: true } } }, orderBy: [{ role: "desc" as const }, { sortName: "asc" as const }] },
};

type Row = Awaited<ReturnType<typeof loadItems>>[number];
export type AgendaNode = Row & { children: AgendaNode[] };

async function loadItems(meetingId: string) {
  return db.agendaItem.findMany({ where: { meetingId }, select: itemSelect, orderBy: [{ startsAt: "asc" }, { position: "asc" }, { endsAt: "asc" }] });
}

function toTree(rows: Row[]): AgendaNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as AgendaNode[] }]));
  const roots: AgendaNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

type PublicPerson = { name: string; role: "MODERATOR" | "SPEAKER"; agency: { acronym: string } | null };
export type PublicAgendaNode = {
  id: string; kind: string; title: string; description: string; room: string; startsAt: Date; endsAt: Date;
  people: PublicPerson[]; children: PublicAgendaNode[];
  /** the language of the title and description (decision 080); absent when no reader language was given */
  lang?: Record<"title" | "description", Language>;
};

/**
 * The agenda of a public page as a tree ordered by time (children under their parent), with only what the
 * page shows. Two statements: the items, and their people with their agency's acronym in one join (Prisma's
 * nested read would be two more).
 */
export async function loadAgendaTree(meetingId: string, reader?: { language: Language; original: string }): Promise<PublicAgendaNode[]> {
  const [rows, people] = await Promise.all([
    db.agendaItem.findMany({
      where: { meetingId },
      select: {
        id: true, parentId: true, kind: true, title: true, description: true, room: true, startsAt: true, endsAt: true,
        ...(reader ? { translations: translationsIn(reader.language, { title: true, description: true }) } : {}),
      },
      orderBy: [{ startsAt: "asc" }, { position: "asc" }, { endsAt: "asc" }],
    }),
    db.$queryRaw<{ agendaItemId: string; name: string; role: PublicPerson["role"]; acronym: string | null }[]>`
      SELECT p."agendaItemId", p."name", p."role", a."acronym" FROM "AgendaPerson" p
      JOIN "AgendaItem" i ON i."id" = p."agendaItemId" LEFT JOIN "Agency" a ON a."id" = p."agencyId"
      WHERE i."meetingId" = ${meetingId} ORDER BY p."role" DESC, p."sortName" ASC`,
  ]);
  // Titles and descriptions in the reader's language, when given (decision 080).
  const items = reader ? rows.map((r) => localize(r, ["title", "description"], reader.language, reader.original)) : rows;
  const nodes = new Map<string, PublicAgendaNode>();
  for (const { parentId: _parent, ...item } of items) nodes.set(item.id, { ...item, people: [], children: [] });
  for (const p of people) nodes.get(p.agendaItemId)?.people.push({ name: p.name, role: p.role, agency: p.acronym === null ? null : { acronym: p.acronym } });
  const roots: PublicAgendaNode[] = [];
  for (const item of items) {
    const parent = item.parentId ? nodes.get(item.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(item.id)!);
  }
  return roots;
}

/** Everything the agenda editor shows: the flat list (for the parent picker), the tree and the warnings. */
export async function agendaEditorData(meetingId: string, t: T) {
  const rows = await loadItems(meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { startsAt: true, endsAt: true, timeZone: true, agendaPublishedAt: true, status: true },
  });
  const changedSincePublication = meeting.agendaPublishedAt
    ? await db.auditLog.count({ where: { meetingId, entity: "AgendaItem", createdAt: { gt: meeting.agendaPublishedAt } } })
    : 0;
  return {
    rows,
    tree: toTree(rows),
    warnings: agendaWarnings(meeting, rows.map((r) => ({ ...r, people: r.people })), t),
    changedSincePublication,
  };
}

type AgendaResult = Outcome<object>;

async function readTimes(meetingId: string, input: AgendaItemInput): Promise<{ startsAt: Date; endsAt: Date; parentId: string | null } | FieldErrors> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { timeZone: true } });
  const errors: FieldErrors = {};
  const startsAt = fromLocalInput(input.startsAt, meeting.timeZone);
  const endsAt = fromLocalInput(input.endsAt, meeting.timeZone);
  if (!startsAt) errors.startsAt = [key("admin:agenda.error.realStart")];
  if (!endsAt) errors.endsAt = [key("admin:agenda.error.realEnd")];
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = [key("admin:error.endAfterStart")];
  let parentId: string | null = input.parentId ?? null;
  if (parentId) {
    const parent = await db.agendaItem.findFirst({ where: { id: parentId, meetingId }, select: { id: true, parentId: true } });
    if (!parent || parentId === input.itemId) errors.parentId = [key("admin:agenda.error.parent")];
    // Walk up so an item never becomes its own ancestor.
    let cursor = parent?.parentId ?? null;
    for (let depth = 0; cursor && depth < 20; depth++) {
      if (cursor === input.itemId) errors.parentId = [key("admin:agenda.error.cycle")];
      cursor = (await db.agendaItem.findUnique({ where: { id: cursor }, select: { parentId: true } }))?.parentId ?? null;
    }
  } else parentId = null;
  if (Object.keys(errors).length) return errors;
  return { startsAt: startsAt!, endsAt: endsAt!, parentId };
}

export async function saveAgendaItem(actor: Actor, meetingId: string, input: AgendaItemInput): Promise<AgendaResult> {
  assertCan(actor, "meetings:manage");
  const times = await readTimes(meetingId, input);
  if (!("startsAt" in times && times.startsAt instanceof Date)) return { ok: false, fieldErrors: times as FieldErrors };
  const data = {
    kind: input.kind,
    title: input.title,
    description: input.description ?? "",
    room: input.room ?? "",
    startsAt: times.startsAt,
    endsAt: times.endsAt as Date,
    parentId: times.parentId as string | null,
  };
  if (input.itemId) {
    const existing = await db.agendaItem.findFirst({ where: { id: input.itemId, meetingId }, select: { id: true } });
    if (!existing) return { ok: false, fieldErrors: { title: [key("admin:agenda.error.gone")] } };
  }
  await writePublic(async (tx) => {
    if (!input.itemId) {
      const row = await tx.agendaItem.create({ data: { ...data, meetingId }, select: { id: true } });
      await audit(tx, { userId: actor.id, entity: "AgendaItem", entityId: row.id, meetingId, action: "create", after: data });
      return;
    }
    const before = await tx.agendaItem.findUniqueOrThrow({ where: { id: input.itemId }, select: { kind: true, title: true, description: true, room: true, startsAt: true, endsAt: true, parentId: true } });
    const diff = diffFields(before, data);
    if (!diff.changed) return;
    await tx.agendaItem.update({ where: { id: input.itemId }, data });
    await audit(tx, { userId: actor.id, entity: "AgendaItem", entityId: input.itemId, meetingId, action: "update", before: diff.before, after: diff.after });
  });
  return { ok: true };
}

export async function deleteAgendaItem(actor: Actor, meetingId: string, itemId: string): Promise<boolean> {
  assertCan(actor, "meetings:manage");
  const deleted = await writePublic(async (tx) => {
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { id: true, title: true, startsAt: true, endsAt: true, kind: true } });
    if (!item) return false;
    await tx.agendaItem.delete({ where: { id: itemId } });
    await audit(tx, { userId: actor.id, entity: "AgendaItem", entityId: itemId, meetingId, action: "delete", before: item });
    return true;
  });
  return deleted;
}

export async function addAgendaPerson(actor: Actor, meetingId: string, input: AgendaPersonInput): Promise<AgendaResult> {
  assertCan(actor, "meetings:manage");
  const item = await db.agendaItem.findFirst({ where: { id: input.itemId, meetingId }, select: { id: true } });
  if (!item) return { ok: false, fieldErrors: { name: [key("admin:agenda.error.gone")] } };
  if (input.agencyId && !(await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } })))
    return { ok: false, fieldErrors: { agencyId: [key("admin:error.agency")] } };
  await writePublic(async (tx) => {
    const data = { agendaItemId: input.itemId, name: input.name, agencyId: input.agencyId ?? null, role: input.role };
    await tx.agendaPerson.create({ data });
    await audit(tx, { userId: actor.id, entity: "AgendaItem", entityId: input.itemId, meetingId, action: "add-person", after: data });
  });
  return { ok: true };
}

export async function removeAgendaPerson(actor: Actor, meetingId: string, personId: string): Promise<boolean> {
  assertCan(actor, "meetings:manage");
  const removed = await writePublic(async (tx) => {
    const person = await tx.agendaPerson.findFirst({ where: { id: personId, agendaItem: { meetingId } }, select: { id: true, name: true, role: true, agencyId: true, agendaItemId: true } });
    if (!person) return false;
    await tx.agendaPerson.delete({ where: { id: personId } });
    await audit(tx, { userId: actor.id, entity: "AgendaItem", entityId: person.agendaItemId, meetingId, action: "remove-person", before: person });
    return true;
  });
  return removed;
}

async function announceAgenda(tx: Tx, meetingId: string, status: MeetingStatus, wasPublished: boolean) {
  if (!wasPublished || !ANNOUNCED_STATUSES.includes(status)) return false;
  await tx.meeting.update({ where: { id: meetingId }, data: { icsSequence: { increment: 1 } } });
  await queueMeetingUpdate(tx, { meetingId, summary: (language) => {
    const t = tFor(language);
    return t("mail:update.agenda");
  } });
  return true;
}

/**
 * Publishes the agenda (or its latest changes). Republishing a published agenda of an announced meeting
 * tells confirmed participants, with a new calendar SEQUENCE. Returns whether participants were told.
 */
export async function publishAgenda(actor: Actor, meetingId: string, now = new Date()): Promise<{ announced: boolean }> {
  assertCan(actor, "meetings:manage");
  const result = await writePublic(async (tx) => {
    const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, agendaPublishedAt: true } });
    const changes = m.agendaPublishedAt
      ? await tx.auditLog.count({ where: { meetingId, entity: "AgendaItem", createdAt: { gt: m.agendaPublishedAt } } })
      : 1;
    await tx.meeting.update({ where: { id: meetingId }, data: { agendaPublishedAt: now } });
    await audit(tx, { userId: actor.id, entity: "Agenda", entityId: meetingId, meetingId, action: "publish", before: { agendaPublishedAt: m.agendaPublishedAt }, after: { agendaPublishedAt: now } });
    const announced = changes > 0 ? await announceAgenda(tx, meetingId, m.status, !!m.agendaPublishedAt) : false;
    return { announced };
  });
  return result;
}

export async function unpublishAgenda(actor: Actor, meetingId: string): Promise<void> {
  assertCan(actor, "meetings:manage");
  await writePublic(async (tx) => {
    const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { agendaPublishedAt: true } });
    if (!m.agendaPublishedAt) return;
    await tx.meeting.update({ where: { id: meetingId }, data: { agendaPublishedAt: null } });
    await audit(tx, { userId: actor.id, entity: "Agenda", entityId: meetingId, meetingId, action: "unpublish", before: { agendaPublishedAt: m.agendaPublishedAt }, after: { agendaPublishedAt: null } });
  });
}
