import type { Prisma } from "~/generated/prisma/client.ts";
import { containsText, db } from "~/utils/db.server";
import { toCsv } from "~/utils/csv.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { requireAgencyScope } from "~/domain/auth/permissions.server";
import type { Actor } from "~/domain/auth/roles";
import { CSV_COLUMN_LABELS, DEFAULT_CSV_COLUMNS, REGISTRATION_ROLES, REGISTRATION_STATUSES, ROLE_LABELS, STATUS_LABELS, type CsvColumn, type RegistrationRole, type RegistrationStatus } from "./registration.schema";

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
    q: get("q", 100),
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
  if (f.q) and.push({ OR: [{ name: containsText(f.q) }, { email: containsText(f.q) }, { emailNormalised: containsText(f.q) }, { jobTitle: containsText(f.q) }] });
  return { AND: and };
}

function orderFor(f: ListFilters): Prisma.RegistrationOrderByWithRelationInput[] {
  if (f.sort === "agency") return [{ agency: { sortName: f.dir } }, { sortName: "asc" }];
  if (f.sort === "status") return [{ status: f.dir }, { waitlistRank: "asc" }, { sortName: "asc" }];
  if (f.sort === "registered") return [{ createdAt: f.dir }];
  return [{ sortName: f.dir }];
}

export const ROW_SELECT = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  role: true,
  status: true,
  waitlistRank: true,
  attendance: true,
  dietary: true,
  accessibility: true,
  createdAt: true,
  agency: { select: { id: true, name: true, acronym: true, country: true } },
} as const;

export async function listRegistrations(actor: Actor, meetingId: string, url: URL) {
  const filters = filtersFrom(url);
  const { page, skip, take } = pageFrom(url);
  const where = whereFor(actor, meetingId, filters);
  const scoped = whereFor(actor, meetingId, {});
  const [rows, total, byStatus, byAgency] = await Promise.all([
    db.registration.findMany({ where, orderBy: orderFor(filters), skip, take, select: ROW_SELECT }),
    db.registration.count({ where }),
    db.registration.groupBy({ by: ["status"], where: scoped, _count: { _all: true } }),
    db.registration.groupBy({ by: ["agencyId", "status"], where: scoped, _count: { _all: true } }),
  ]);
  const agencyIds = [...new Set(byAgency.map((g) => g.agencyId).filter((x): x is string => !!x))];
  const agencies = await db.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, name: true, acronym: true, country: true } });
  const agencyCounts = agencies
    .map((a) => {
      const mine = byAgency.filter((g) => g.agencyId === a.id);
      const n = (s: string) => mine.find((g) => g.status === s)?._count._all ?? 0;
      return { ...a, confirmed: n("CONFIRMED"), pending: n("PENDING"), waitlisted: n("WAITLISTED"), total: mine.reduce((s, g) => s + g._count._all, 0) };
    })
    .sort((x, y) => x.name.localeCompare(y.name));
  const countryMap = new Map<string, { country: string; confirmed: number; total: number }>();
  for (const a of agencyCounts) {
    const key = a.country ?? "International";
    const c = countryMap.get(key) ?? { country: key, confirmed: 0, total: 0 };
    c.confirmed += a.confirmed;
    c.total += a.total;
    countryMap.set(key, c);
  }
  return {
    rows,
    total,
    page,
    pageCount: pageCount(total),
    filters,
    statusCounts: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Record<string, number>,
    agencyCounts,
    countryCounts: [...countryMap.values()].sort((a, b) => a.country.localeCompare(b.country)),
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

const CSV_VALUES: Record<CsvColumn, (r: ExportRow) => unknown> = {
  name: (r) => r.name,
  email: (r) => r.email,
  agency: (r) => r.agency?.name ?? "",
  country: (r) => r.agency?.country ?? "",
  jobTitle: (r) => r.jobTitle,
  role: (r) => ROLE_LABELS[r.role as RegistrationRole] ?? r.role,
  status: (r) => STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status,
  waitlistRank: (r) => r.waitlistRank ?? "",
  attendance: (r) => r.attendance,
  dietary: (r) => r.dietary,
  accessibility: (r) => r.accessibility,
  registeredAt: (r) => r.createdAt,
};

export async function exportCsv(actor: Actor, meetingId: string, url: URL): Promise<string> {
  const chosen = url.searchParams.getAll("col").filter((c): c is CsvColumn => c in CSV_COLUMN_LABELS);
  const columns = chosen.length ? chosen : DEFAULT_CSV_COLUMNS;
  const filters = filtersFrom(url);
  const rows = await db.registration.findMany({ where: whereFor(actor, meetingId, filters), orderBy: orderFor(filters), select: ROW_SELECT });
  return toCsv(
    columns.map((c) => CSV_COLUMN_LABELS[c]),
    rows.map((r) => columns.map((c) => CSV_VALUES[c](r))),
  );
}
