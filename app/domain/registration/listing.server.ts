import { Prisma } from "~/generated/prisma/client.ts";
import { containsText, db, dialect } from "~/utils/db.server";
import { toCsv } from "~/utils/csv.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { requireAgencyScope } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { tFor } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import type { T } from "~/i18n/translate";
import { CSV_COLUMNS, DEFAULT_CSV_COLUMNS, REGISTRATION_ROLES, REGISTRATION_STATUSES, type CsvColumn, type RegistrationRole, type RegistrationStatus } from "./registration.schema";

// A meeting's participants table for organisers and focal points: filters, search, sort, the page,
// the counts by status, agency and country, and the CSV export of the same filters. Every query is
// limited to the actor's agency scope from the capability matrix.

/** Organisers reach every registration of the meeting; a focal point only their agency's; anyone else 403. */
function registrationsOf(actor: Actor, meetingId: string): Prisma.RegistrationWhereInput {
  const { agencyId } = requireAgencyScope(actor, "registrations:manage", "delegation:manage");
  return agencyId ? { meetingId, agencyId } : { meetingId };
}

// ---------------------------------------------------------------- participants table

export const SORTS = { name: "name", agency: "agency", status: "status", registered: "createdAt" } as const;
export type SortKey = keyof typeof SORTS;

export type ListFilters = {
  status: RegistrationStatus | "";
  agencyId: string;
  role: RegistrationRole | "";
  country: string;
  q: string;
  sort: SortKey;
  dir: "asc" | "desc";
};

export function filtersFrom(url: URL): ListFilters {
  const get = (k: string, max = 80) => (url.searchParams.get(k) ?? "").trim().slice(0, max);
  const status = get("status");
  const role = get("role");
  const sort = get("sort") as SortKey;
  return {
    status: REGISTRATION_STATUSES.find((s) => s === status) ?? "",
    agencyId: get("agency", 40),
    role: REGISTRATION_ROLES.find((r) => r === role) ?? "",
    country: /^[A-Z]{2}$/.test(get("country")) ? get("country") : "",
    // control characters become spaces: the search text has one line per column, and a search stays within one
    q: get("q", 100).replace(/\p{Cc}/gu, " ").trim(),
    sort: sort in SORTS ? sort : "name",
    dir: url.searchParams.get("dir") === "desc" ? "desc" : "asc",
  };
}

export function whereFor(actor: Actor, meetingId: string, f: Partial<ListFilters>): Prisma.RegistrationWhereInput {
  const and: Prisma.RegistrationWhereInput[] = [registrationsOf(actor, meetingId)];
  if (f.status) and.push({ status: f.status });
  if (f.agencyId) and.push({ agencyId: f.agencyId });
  if (f.role) and.push({ role: f.role });
  if (f.country) and.push({ agency: { country: f.country } });
  // name, email, normalised email and job title, kept in one column by the database (decision 102)
  if (f.q) and.push({ searchText: containsText(f.q) });
  return { AND: and };
}

function orderFor(f: ListFilters): Prisma.RegistrationOrderByWithRelationInput[] {
  if (f.sort === "agency") return [{ agency: { sortName: f.dir } }, { sortName: "asc" }, { id: "asc" }];
  if (f.sort === "status") return [{ status: f.dir }, { waitlistRank: "asc" }, { sortName: "asc" }];
  if (f.sort === "registered") return [{ createdAt: f.dir }];
  return [{ sortName: f.dir }];
}

/**
 * A page of the whole table sorted by agency, without sorting every registration of the meeting: the
 * order is on the agency's name, in another table, so Prisma's order (a left join) sorts all 5,000 rows
 * before taking 50. Here the database walks agencies by name (index) and each agency's registrations
 * of the meeting (index), sorting only within an agency, and stops after the page. The registrations
 * without an agency come where the database's own order puts a missing name, as before: first on
 * SQLite and last on PostgreSQL in ascending order (the reverse descending). Only for the unfiltered
 * table of the whole meeting; filters and a focal point's own agency keep Prisma's order (fewer rows).
 * Null when it does not apply.
 */
function byAgencyName(actor: Actor, meetingId: string, f: ListFilters, skip: number, take: number, counts: Promise<{ agencyId: string | null; _count: { _all: number } }[]>) {
  if (f.sort !== "agency" || f.status || f.agencyId || f.role || f.country || f.q) return null;
  if (requireAgencyScope(actor, "registrations:manage", "delegation:manage").agencyId) return null;
  return (async () => {
    const nullsFirst = (dialect() === "sqlite") === (f.dir === "asc");
    // How many have no agency and how many have one: from the table's own counts by agency (no statement of its own).
    let withoutAgency = 0;
    let withAgency = 0;
    for (const g of await counts) {
      if (g.agencyId) withAgency += g._count._all;
      else withoutAgency += g._count._all;
    }
    // Which part of the page comes from each group, in the order they are shown.
    const first = nullsFirst ? withoutAgency : withAgency;
    const firstPart = { skip, take: Math.max(0, Math.min(take, first - skip)) };
    const secondPart = { skip: Math.max(0, skip - first), take: take - firstPart.take };
    const noAgency = (part: { skip: number; take: number }) =>
      part.take ? db.registration.findMany({ where: { meetingId, agencyId: null }, orderBy: [{ sortName: "asc" }, { id: "asc" }], skip: part.skip, take: part.take, select: { id: true } }) : [];
    const agencies = (part: { skip: number; take: number }) =>
      part.take
        ? db.$queryRaw<{ id: string }[]>`
            SELECT r."id" FROM "Agency" a CROSS JOIN "Registration" r
            WHERE r."agencyId" = a."id" AND r."meetingId" = ${meetingId}
            ORDER BY a."sortName" ${f.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`}, r."sortName" ASC, r."id" ASC
            LIMIT ${part.take} OFFSET ${part.skip}`
        : [];
    const [a, b] = await Promise.all(nullsFirst ? [noAgency(firstPart), agencies(secondPart)] : [agencies(firstPart), noAgency(secondPart)]);
    const ids = [...a, ...b].map((r) => r.id);
    const found = await db.registration.findMany({ where: { id: { in: ids } }, select: TABLE_SELECT });
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  })();
}

/** What a row of the table shows, and no more: no dietary or access needs in the page's data. */
const TABLE_SELECT = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  role: true,
  status: true,
  waitlistRank: true,
  attendance: true,
  createdAt: true,
  agency: { select: { name: true, acronym: true, country: true } },
} as const;

/** A row as the CSV and the registration page read it: the table's, with dietary and access needs and the agency's id. */
export const ROW_SELECT = { ...TABLE_SELECT, dietary: true, accessibility: true, agency: { select: { id: true, ...TABLE_SELECT.agency.select } } } as const;

/** Every registration the table's filters (in the URL) match, across all pages: what "apply to all matching" acts on. */
export async function matchingRegistrationIds(actor: Actor, meetingId: string, url: URL): Promise<string[]> {
  const rows = await db.registration.findMany({ where: whereFor(actor, meetingId, filtersFrom(url)), select: { id: true } });
  return rows.map((r) => r.id);
}

export async function listRegistrations(actor: Actor, meetingId: string, url: URL) {
  const filters = filtersFrom(url);
  const { page, skip, take } = pageFrom(url);
  const where = whereFor(actor, meetingId, filters);
  const scoped = whereFor(actor, meetingId, {});
  // One grouped count of the whole table (the actor's scope) gives the counts by agency, by status and, with
  // no filter, the total: two statements fewer over the meeting's registrations (decision 090).
  const agencyCounts = db.registration.groupBy({ by: ["agencyId", "status"], where: scoped, _count: { _all: true } });
  const filtered = !!(filters.status || filters.agencyId || filters.role || filters.country || filters.q);
  const [rows, filteredTotal, byAgency] = await Promise.all([
    byAgencyName(actor, meetingId, filters, skip, take, agencyCounts) ?? db.registration.findMany({ where, orderBy: orderFor(filters), skip, take, select: TABLE_SELECT }),
    filtered ? db.registration.count({ where }) : null,
    agencyCounts,
  ]);
  const statusCounts: Record<string, number> = {};
  for (const g of byAgency) statusCounts[g.status] = (statusCounts[g.status] ?? 0) + g._count._all;
  const total = filteredTotal ?? Object.values(statusCounts).reduce((n, c) => n + c, 0);
  const totals = new Map<string, Tally>();
  for (const g of byAgency) {
    if (!g.agencyId) continue;
    const t = totals.get(g.agencyId) ?? { confirmed: 0, pending: 0, waitlisted: 0, total: 0 };
    add(t, g.status, g._count._all);
    totals.set(g.agencyId, t);
  }
  const agencies = await db.agency.findMany({ where: { id: { in: [...totals.keys()] } }, select: { id: true, name: true, acronym: true, country: true } });
  const countries = new Map<string, Tally>();
  for (const a of agencies) {
    const key = a.country ?? "International";
    countries.set(key, sum(countries.get(key), totals.get(a.id)!));
  }
  const agencyRows = agencies.map((a) => ({ ...a, ...totals.get(a.id)! }));
  const countryRows = [...countries.entries()].map(([country, t]) => ({ country, ...t }));
  const shownAgencies = largest(agencyRows, (a) => a.name);
  const shownCountries = largest(countryRows, (c) => c.country);
  return {
    rows,
    total,
    page,
    pageCount: pageCount(total),
    filters,
    statusCounts,
    agencyCounts: shownAgencies.shown,
    otherAgencies: shownAgencies.others,
    countryCounts: shownCountries.shown,
    otherCountries: shownCountries.others,
  };
}

/**
 * How many agencies and countries the count tables show: the largest delegations, so the page does
 * not grow with the number of agencies; the others are summed in one row (the CSV has everyone).
 */
export const COUNTS_SHOWN = 20;

type Tally = { confirmed: number; pending: number; waitlisted: number; total: number };

function add(t: Tally, status: string, n: number) {
  if (status === "CONFIRMED") t.confirmed += n;
  if (status === "PENDING") t.pending += n;
  if (status === "WAITLISTED") t.waitlisted += n;
  t.total += n;
}

const sum = (a: Tally | undefined, b: Tally): Tally => ({
  confirmed: (a?.confirmed ?? 0) + b.confirmed,
  pending: (a?.pending ?? 0) + b.pending,
  waitlisted: (a?.waitlisted ?? 0) + b.waitlisted,
  total: (a?.total ?? 0) + b.total,
});

/** The COUNTS_SHOWN largest rows by label, and the rest summed (null when none is left out). */
function largest<T extends Tally>(rows: T[], label: (row: T) => string) {
  const bySize = [...rows].sort((x, y) => y.total - x.total || label(x).localeCompare(label(y)));
  const rest = bySize.slice(COUNTS_SHOWN);
  return {
    shown: bySize.slice(0, COUNTS_SHOWN).sort((x, y) => label(x).localeCompare(label(y))),
    others: rest.length ? { count: rest.length, ...rest.reduce<Tally>((t, r) => sum(t, r), { confirmed: 0, pending: 0, waitlisted: 0, total: 0 }) } : null,
  };
}

/** Filter choices limited to agencies and countries present in the scope. */
export async function filterOptions(actor: Actor, meetingId: string) {
  const agencies = await db.agency.findMany({
    where: { registrations: { some: whereFor(actor, meetingId, {}) } },
    orderBy: { sortName: "asc" },
    select: { id: true, name: true, country: true },
  });
  return {
    agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
    countries: [...new Set(agencies.map((a) => a.country).filter((c): c is string => !!c))].sort(),
  };
}

// ---------------------------------------------------------------- CSV export

type ExportRow = Prisma.RegistrationGetPayload<{ select: typeof ROW_SELECT }>;

// Headers and fixed values (role, status, attendance) in the reader's language; what people typed stays as stored.
const CSV_VALUES: Record<CsvColumn, (r: ExportRow, t: T) => unknown> = {
  name: (r) => r.name,
  email: (r) => r.email,
  agency: (r) => r.agency?.name ?? "",
  country: (r) => r.agency?.country ?? "",
  jobTitle: (r) => r.jobTitle,
  role: (r, t) => t(`common:registrationRole.${r.role as RegistrationRole}`),
  status: (r, t) => t(`common:registrationStatus.${r.status as RegistrationStatus}`),
  waitlistRank: (r) => r.waitlistRank ?? "",
  attendance: (r, t) => (r.attendance === "NONE" ? "" : t(`common:attendance.${r.attendance}`)),
  dietary: (r) => r.dietary,
  accessibility: (r) => r.accessibility,
  registeredAt: (r) => r.createdAt,
};

export async function exportCsv(actor: Actor, meetingId: string, url: URL, language: Language): Promise<string> {
  const t = tFor(language);
  const chosen = url.searchParams.getAll("col").filter((c): c is CsvColumn => (CSV_COLUMNS as readonly string[]).includes(c));
  const columns = chosen.length ? chosen : DEFAULT_CSV_COLUMNS;
  const filters = filtersFrom(url);
  const rows = await db.registration.findMany({ where: whereFor(actor, meetingId, filters), orderBy: orderFor(filters), select: ROW_SELECT });
  return toCsv(
    columns.map((c) => t(`registrations:csv.column.${c}`)),
    rows.map((r) => columns.map((c) => CSV_VALUES[c](r, t))),
  );
}
