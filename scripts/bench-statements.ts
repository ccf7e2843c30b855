// `npx tsx scripts/bench-statements.ts <db file>...`: the staff pages of `npm run bench` run in this process,
// loaders only (no HTTP, no rendering), on each SQLite file given (e.g. .tmp/bench-demo.db .tmp/bench-scale3.db),
// with every statement counted and timed. Prints per page: statements per request, the median CPU time of the
// loaders and of the statements inside SQLite, and the slowest statements with their query plans. CPU time
// moves less than wall time on a machine busy with other work; statement counts and plans do not move at all.
// BENCH_PAGES=search,list picks pages by name; BENCH_ALL=1 lists every statement with its arguments.
// BENCH_RUNS (default 15) sets how many requests each figure takes the median of; BENCH_PLANS=0 hides the plans.
import path from "node:path";
import Database from "better-sqlite3";

/** CPU time of this process (user + system), in ms: unlike wall time it barely moves when other work shares the machine. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type Seen = { sql: string; args: unknown[]; ms: number };
let seen: Seen[] | null = null;

// better-sqlite3 statements share one prototype: wrapping its methods times every statement Prisma's adapter runs.
const probe = new Database(":memory:");
const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown> & { source: string };
probe.close();
for (const method of ["run", "all", "get"] as const) {
  const original = statementProto[method];
  statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
    const t0 = cpuMs();
    try {
      return original.apply(this, args);
    } finally {
      seen?.push({ sql: this.source, args, ms: cpuMs() - t0 });
    }
  };
}

const files = process.argv.slice(2);
if (!files.length) throw new Error("usage: tsx scripts/bench-statements.ts <sqlite file>...");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));
const PLANS = process.env.BENCH_PLANS !== "0";
process.env.SESSION_SECRET ??= "bench-secret-bench-secret-bench";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

type LoaderModule = { loader: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown> };

for (const file of files) {
  // The app's modules read DATABASE_URL once; each file gets a process of its own when this one has run.
  if (files.length > 1) {
    const { execFileSync } = await import("node:child_process");
    for (const f of files) execFileSync(process.execPath, [...process.execArgv, process.argv[1], f], { stdio: "inherit", env: process.env });
    break;
  }
  process.env.DATABASE_URL = `file:${path.resolve(file)}`;
  const { db } = await import("~/utils/db.server");
  const { createSessionCookie } = await import("~/domain/auth/session.server");
  const organiser = await db.user.findUniqueOrThrow({ where: { email: "organiser@example.org" }, select: { id: true } });
  const cookie = (await createSessionCookie(organiser.id)).split(";")[0];
  const [big] = await db.registration.groupBy({
    by: ["meetingId"], where: { meeting: { slug: { not: { startsWith: "bench-" } } } }, _count: { _all: true }, orderBy: { _count: { meetingId: "desc" } }, take: 1,
  });
  const sample = await db.registration.findFirstOrThrow({ where: { meetingId: big.meetingId, agency: { country: { not: null } } }, select: { name: true, agency: { select: { country: true } } } });
  const search = sample.name.split(" ").pop()?.toLowerCase() ?? "a";
  // The public pages of the bench's "pages" group, signed in as the organiser (the root loader is not included).
  const series = (await db.series.findFirst({ where: { slug: { startsWith: "scale-" } }, orderBy: { slug: "asc" }, select: { slug: true } })) ?? (await db.series.findFirstOrThrow({ select: { slug: true } }));
  const meeting = (await db.meeting.findFirst({ where: { status: "PUBLISHED", visibility: "PUBLIC", slug: { startsWith: "scale-" }, agendaPublishedAt: { not: null } }, orderBy: { startsAt: "asc" }, select: { slug: true } })) ?? (await db.meeting.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { slug: true } }));
  const reg = `/admin/meetings/${big.meetingId}/registrations`;
  const meetingLayout = "admin.meetings.$id.tsx";
  const pages: [name: string, url: string, modules: string[], params: Record<string, string>][] = [
    ["Registrations", reg, [meetingLayout, "admin.meetings.$id.registrations.tsx"], { id: big.meetingId }],
    ["Registrations, search", `${reg}?q=${encodeURIComponent(search)}`, [meetingLayout, "admin.meetings.$id.registrations.tsx"], { id: big.meetingId }],
    ["Registrations, by agency desc, page 3", `${reg}?sort=agency&dir=desc&page=3`, [meetingLayout, "admin.meetings.$id.registrations.tsx"], { id: big.meetingId }],
    ["Registrations, filtered", `${reg}?status=CONFIRMED&role=DELEGATE&country=${sample.agency?.country}&sort=registered&dir=desc`, [meetingLayout, "admin.meetings.$id.registrations.tsx"], { id: big.meetingId }],
    ["Recommendations list", "/recommendations", ["recommendations._index.tsx"], {}],
    ["Recommendations dashboard", "/recommendations/dashboard", ["recommendations.dashboard.tsx"], {}],
    ["Review queue", "/recommendations/queue", ["recommendations.queue.tsx"], {}],
    ["/admin", "/admin", ["admin._index.tsx"], {}],
    ["Audit log", "/admin/audit", ["admin.audit.tsx"], {}],
    ["Meeting list (public)", "/meetings", ["meetings._index.tsx"], {}],
    ["Series page (public)", `/series/${series.slug}`, ["series.$slug._index.tsx"], { slug: series.slug }],
    ["Meeting page (public)", `/meetings/${meeting.slug}`, ["meetings.$slug._index.tsx"], { slug: meeting.slug }],
  ];
  const plan = new Database(path.resolve(file), { readonly: true });
  console.info(`\n## ${path.basename(file)} (registrations of a meeting with ${big._count._all})`);
  const wanted = process.env.BENCH_PAGES?.split(",");
  for (const [name, url, modules, params] of pages) {
    if (wanted && !wanted.some((w) => name.toLowerCase().includes(w.toLowerCase()))) continue;
    const loaders = await Promise.all(modules.map(async (m) => ((await import(`../app/routes/${m}`)) as LoaderModule).loader));
    const once = async () => {
      const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
      const context = {};
      seen = [];
      const t0 = cpuMs();
      await Promise.all(loaders.map((loader) => loader({ request, params, context })));
      const ms = cpuMs() - t0;
      const statements = seen;
      seen = null;
      return { ms, statements };
    };
    for (let i = 0; i < 10; i++) await once();
    const runs: { ms: number; statements: Seen[] }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once());
    const last = runs[runs.length - 1].statements;
    const sqlMs = median(runs.map((r) => r.statements.reduce((n, s) => n + s.ms, 0)));
    console.info(`${name}: ${last.length} statements, loaders ${median(runs.map((r) => r.ms)).toFixed(1)} ms CPU, in SQLite ${sqlMs.toFixed(1)} ms CPU`);
    const timed = last.map((s, i) => ({ ...s, ms: median(runs.map((r) => r.statements[i]?.ms ?? 0)) }));
    const slowest = process.env.BENCH_ALL === "1" ? timed : [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3);
    for (const s of slowest) {
      if (s.ms < 0.3 && process.env.BENCH_ALL !== "1") break;
      console.info(`   ${s.ms.toFixed(2)} ms  ${s.sql.replace(/\s+/g, " ").slice(0, Number(process.env.BENCH_SQL_CHARS ?? 400))}${process.env.BENCH_ALL === "1" ? `  ${JSON.stringify(s.args, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}` : ""}`);
      if (!PLANS) continue;
      try {
        const rows = plan.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.args.flat() as unknown[])) as { detail: string }[];
        for (const r of rows) console.info(`        ${r.detail}`);
      } catch (e) {
        console.info(`        (no plan: ${(e as Error).message})`);
      }
    }
  }
  plan.close();
  await db.$disconnect();
}
