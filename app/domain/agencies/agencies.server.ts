import { containsText, db, type Prisma } from "~/utils/db.server";
import { key } from "~/i18n/translate";
import type { FieldErrors, Outcome } from "~/utils/forms.server";
import { audit, diffFields } from "~/domain/audit/audit.server";
import { assertCan } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { writePublic } from "~/domain/meetings/public-cache.server";
import type { AgencyInput } from "./agency.schema";
import { COUNTRY_CODES, countryName } from "./countries";

// Agencies are a controlled list: every form that names an agency picks it from here.

export type AgencyOption = { value: string; label: string };

/** Options for an agency <select>: "Frontex — European Border and Coast Guard Agency". For every form. */
export async function listAgencyOptions(): Promise<AgencyOption[]> {
  const rows = await db.agency.findMany({ select: { id: true, name: true, acronym: true }, orderBy: { acronym: "asc" } });
  return rows.map((a) => ({ value: a.id, label: a.acronym && a.acronym !== a.name ? `${a.acronym} — ${a.name}` : a.name }));
}

/** Agencies whose name or acronym contains the words (any case): the one such search, for every page. */
const named = (words: string): Prisma.AgencyWhereInput[] => [{ name: containsText(words) }, { acronym: containsText(words) }];

/** Admin list: search by name, acronym or country (code or English name). */
export async function searchAgencies(q: string, page: { skip: number; take: number }) {
  const term = q.trim().slice(0, 100);
  const lower = term.toLowerCase();
  const countries = term ? COUNTRY_CODES.filter((c) => c.toLowerCase() === lower || countryName(c).toLowerCase().includes(lower)) : [];
  const where: Prisma.AgencyWhereInput = term ? { OR: [...named(term), ...(countries.length ? [{ country: { in: countries } }] : [])] } : {};
  const [total, rows] = await Promise.all([
    db.agency.count({ where }),
    db.agency.findMany({
      where,
      orderBy: { sortName: "asc" },
      skip: page.skip,
      take: page.take,
      select: { id: true, name: true, acronym: true, kind: true, country: true, parent: { select: { acronym: true } } },
    }),
  ]);
  return { total, rows };
}

/** The ids of the agencies a public search names (part of a name or acronym, or an id): a few hundred at most. */
export async function agencyIdsNamed(words: string): Promise<string[]> {
  const rows = await db.agency.findMany({ where: { OR: [{ id: words }, ...named(words)] }, select: { id: true }, take: 500 });
  return rows.map((a) => a.id);
}

export async function getAgency(id: string) {
  return db.agency.findUnique({ where: { id }, select: { id: true, name: true, acronym: true, kind: true, country: true, parentId: true } });
}

function toData(input: AgencyInput) {
  return { name: input.name, acronym: input.acronym, kind: input.kind, country: input.country ?? null, parentId: input.parentId ?? null };
}

async function checkUnique(input: AgencyInput, exceptId?: string): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  const clash = await db.agency.findFirst({ where: { name: input.name, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) errors.name = [key("admin:agencies.error.nameTaken")];
  if (input.parentId) {
    const parent = await db.agency.findUnique({ where: { id: input.parentId }, select: { id: true } });
    if (!parent || input.parentId === exceptId) errors.parentId = [key("admin:agencies.error.parentOrganisation")];
  }
  return Object.keys(errors).length ? errors : null;
}

export async function createAgency(actor: Actor, input: AgencyInput): Promise<Outcome> {
  assertCan(actor, "agencies:manage");
  const fieldErrors = await checkUnique(input);
  if (fieldErrors) return { ok: false, fieldErrors };
  const data = toData(input);
  const agency = await writePublic(async (tx) => {
    const row = await tx.agency.create({ data, select: { id: true } });
    await audit(tx, { userId: actor.id, entity: "Agency", entityId: row.id, action: "create", after: data });
    return row;
  });
  return { ok: true, id: agency.id };
}

export async function updateAgency(actor: Actor, id: string, input: AgencyInput): Promise<Outcome> {
  assertCan(actor, "agencies:manage");
  const fieldErrors = await checkUnique(input, id);
  if (fieldErrors) return { ok: false, fieldErrors };
  const data = toData(input);
  await writePublic(async (tx) => {
    const before = await tx.agency.findUniqueOrThrow({ where: { id }, select: { name: true, acronym: true, kind: true, country: true, parentId: true } });
    const diff = diffFields(before, data);
    if (!diff.changed) return;
    await tx.agency.update({ where: { id }, data });
    await audit(tx, { userId: actor.id, entity: "Agency", entityId: id, action: "update", before: diff.before, after: diff.after });
  });
  return { ok: true, id };
}
