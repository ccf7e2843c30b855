// `npm run bench`: every figure of issue 10 (and issue 9 point 6) in one run, as one table with the target and
// PASS/FAIL for each, written to bench/results.md. docs/decisions/014-scale-seed-and-bench.md says why it is
// built this way. Groups (BENCH_ONLY=seed,pages,... runs a subset; BENCH_SECONDS shortens every load run;
// BENCH_RESULTS=<file> writes the table elsewhere):
//   seed       migrate + seed the demo data, `--scale 1` and `--scale 3` into .tmp/bench-*.db, timed
//   pages      a bare node:http server with the meeting page's bytes, then the meeting page, the meeting list and
//              a series page (anonymous from the page cache, rendered anonymous, signed-in organiser and
//              participant) at 20 connections, in one process and with every core in use
//   staff      organisers' pages at one connection on the demo, --scale 1 and --scale 3 data, in rounds (median ratio)
//   storm      500 registrations at once for 50 seats, one process
//   writes     CSV import of 2,000 rows and bulk approval of 500 through their forms; server memory
//   mail       a follow-up to 2,000 people drafted and delivered by the worker (scripts/bench-mail.ts)
//   js         the meeting page's JavaScript, gzip
//   instances  registration storm on two instances (PostgreSQL, SQLite) and page throughput 2 vs 1 (scripts/bench-cluster.ts)
// The app is driven over HTTP only; the database is read only through scripts/bench-db.ts, for checks.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { benchSeveralInstances } from "./bench-cluster.ts";
import {
  SECONDS, addRow, benchDb, buildDir, childPids, cpuMsOf, cpuMsWithChildren, dbFile, groupNotes, loadAverage, measure, measureInTurn, memoryWatch, ms, only2xx, pct, port, postForm, removeDb,
  root, rows, start, startServer, statusText, stop, trouble, tsx, waitFor, type Measured, type Server,
} from "./bench-lib.ts";
import { benchMail } from "./bench-mail.ts";

const GROUPS = ["seed", "pages", "staff", "storm", "writes", "mail", "js", "instances"] as const;
type Group = (typeof GROUPS)[number];
const only = process.env.BENCH_ONLY?.split(",").map((g) => g.trim()).filter(Boolean);
for (const g of only ?? []) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`BENCH_ONLY: unknown group ${g} (groups: ${GROUPS.join(", ")})`);
const runs = (g: Group) => !only || only.includes(g);
const CONNECTIONS = 20;
const STAFF_SECONDS = Math.max(2, Math.round(SECONDS / 2));
/** Rounds of each staff page per data set; each runs STAFF_SECONDS / STAFF_ROUNDS, so the group takes as long as one longer run. */
const STAFF_ROUNDS = Math.max(1, Number(process.env.BENCH_STAFF_ROUNDS ?? 3));
const cores = os.cpus().length;

// ---------------------------------------------------------------- databases

type Data = "demo" | "scale1" | "scale3";
const built = new Map<Data, string>();

/** The database for a data set, built once per run: migrate, seed (demo data, plus --scale N), timed. */
function database(data: Data): string {
  const ready = built.get(data);
  if (ready) return ready;
  const file = dbFile(data);
  const url = `file:${file}`;
  if (process.env.BENCH_REUSE_DB === "1" && fs.existsSync(file)) {
    console.info(`Reusing ${path.relative(root, file)} (BENCH_REUSE_DB=1).`);
  } else {
    removeDb(file);
    console.info(`Building ${path.relative(root, file)} ...`);
    tsx("scripts/db.ts", ["deploy"], url);
    const scale = data === "demo" ? [] : ["--scale", data.slice(5)];
    const started = performance.now();
    const out = tsx("prisma/seed.ts", scale, url);
    const seconds = (performance.now() - started) / 1000;
    if (data !== "demo") {
      const summary = out.split("\n").find((l) => l.startsWith("Scale seed")) ?? "";
      addRow({ group: "seed", what: `\`npm run seed -- --scale ${data.slice(5)}\` on a migrated empty database (demo data + scale)`, value: `${seconds.toFixed(1)} s`, target: "< 60 s", pass: seconds < 60, note: summary.replace(/^Scale seed \(\d+\): /, "") });
    }
  }
  built.set(data, url);
  return url;
}

function cookie(url: string, email: string): string {
  return benchDb<{ cookie: string }>(url, "cookie", email, "bench-secret-bench-secret-bench").cookie;
}

/** Fails loudly when a session cookie does not sign the person in (the bench would measure the sign-in redirect). */
async function checkSignedIn(base: string, path_: string, cookieHeader: string) {
  const res = await fetch(base + path_, { headers: { Cookie: cookieHeader }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${path_} with the bench's session cookie answered ${res.status}, not 200: the session cookie format changed (scripts/bench-db.ts cookie)`);
}

type Targets = { meetingSlug: string; seriesSlug: string; bigMeetingId: string; bigMeetingRegistrations: number; country: string; search: string; agencyPage: number };

// ---------------------------------------------------------------- pages

/** A node:http server, in its own process, answering every request with these bytes and headers. */
async function startBare(body: Buffer, contentType: string) {
  const file = path.join(root, ".tmp/bench-bare.html");
  fs.writeFileSync(file, body);
  const p = await port();
  const code = `const http=require("node:http");const fs=require("node:fs");const body=fs.readFileSync(${JSON.stringify(file)});
http.createServer((req,res)=>{res.writeHead(200,{"Content-Type":${JSON.stringify(contentType)},"Content-Length":body.length});res.end(body);}).listen(${p},"127.0.0.1");`;
  const child = start("bare", "node", ["-e", code], {});
  const base = `http://127.0.0.1:${p}`;
  await waitFor(base, 10_000, child);
  return { base, child };
}

/** Every core in use: node:cluster when the server takes WEB_CONCURRENCY (it then has worker children), else one process per core. */
async function startAllCores(url: string): Promise<{ bases: string[]; servers: Server[]; how: string }> {
  const clustered = await startServer("pages-cluster", url, { WEB_CONCURRENCY: String(cores) });
  await new Promise((r) => setTimeout(r, 500));
  const workers = childPids(clustered.pid).length;
  if (workers >= 2) return { bases: [clustered.base], servers: [clustered], how: `node:cluster, WEB_CONCURRENCY=${cores} (${workers} workers)` };
  await stop(clustered.child);
  const servers = await Promise.all(Array.from({ length: cores }, (_, i) => startServer(`pages-process-${i + 1}`, url)));
  return { bases: servers.map((s) => s.base), servers, how: `${cores} server processes on one database, connections split evenly (the server has no WEB_CONCURRENCY)` };
}

const serverPeaks: { where: string; mb: number }[] = [];

/**
 * A page run at CONNECTIONS: one second to warm up, then SECONDS measured, with the CPU time `cpuMs` (of the
 * server's processes) spent per request meanwhile.
 */
async function warmThenMeasure(urls: string[], headers: Record<string, string>, cpuMs: () => number): Promise<{ m: Measured; cpu: number }> {
  await measure(urls, { connections: CONNECTIONS, seconds: 1, headers });
  const before = cpuMs();
  const m = await measure(urls, { connections: CONNECTIONS, seconds: SECONDS, headers });
  return { m, cpu: (cpuMs() - before) / Math.max(1, m.total) };
}

async function pagesGroup() {
  const url = database("scale1");
  const t = benchDb<Targets>(url, "targets");
  const organiser = cookie(url, "organiser@example.org");
  const participant = cookie(url, "participant@example.org");
  const pages: [string, string][] = [
    ["Meeting page", `/meetings/${t.meetingSlug}`],
    ["Meeting list", "/meetings"],
    ["Series page", `/series/${t.seriesSlug}`],
  ];
  const variants: [string, Record<string, string>][] = [
    ["anonymous, page cache", {}],
    ["rendered anonymous (request with a cookie)", { Cookie: "bench=1" }],
    ["signed-in organiser", { Cookie: organiser }],
    ["signed-in participant", { Cookie: participant }],
  ];

  // The bare server answers with the meeting page exactly as an anonymous visitor gets it.
  const one = await startServer("pages-one", url);
  let bare: Measured;
  try {
    const page = await fetch(`${one.base}${pages[0][1]}`);
    if (page.status !== 200) throw new Error(`the meeting page answered ${page.status}`);
    const body = Buffer.from(await page.arrayBuffer());
    const size = `the meeting page's ${(body.length / 1024).toFixed(0)} KB`;
    const measureBare = async () => {
      const b = await startBare(body, page.headers.get("content-type") ?? "text/html; charset=utf-8");
      try {
        return await warmThenMeasure([b.base], {}, () => cpuMsOf(b.child.pid));
      } finally {
        await stop(b.child);
      }
    };
    const first = await measureBare();
    bare = first.m;
    addRow({ group: "pages", what: `Bare node:http, ${size}, one process`, value: `${bare.rps.toFixed(0)} req/s, p95 ${ms(bare.p95)} ms`, target: "the 100 % every page is compared with", pass: null, note: `CPU ${first.cpu.toFixed(3)} ms/request` });
    await checkSignedIn(one.base, "/admin", organiser);
    await checkSignedIn(one.base, "/me", participant);
    const watch = memoryWatch(one.pid);
    await runPages("one process", [one.base], [one.pid]);
    serverPeaks.push({ where: "one process, after the page runs above", mb: watch.stop() });
    // The shares above are of the first figure. This one says whether the machine was as fast at the end of the rows.
    const again = await measureBare();
    addRow({
      group: "pages", what: `Bare node:http again, after the one-process rows`, value: `${again.m.rps.toFixed(0)} req/s = ${pct((again.m.rps / bare.rps) * 100)} of the first, p95 ${ms(again.m.p95)} ms`,
      target: "", pass: null, note: `CPU ${again.cpu.toFixed(3)} ms/request`,
    });
  } finally {
    await stop(one.child);
  }

  const all = await startAllCores(url);
  addRow({ group: "pages", what: "Every core in use", value: all.how, target: "", pass: null });
  try {
    await runPages(`every core: ${all.how}`, all.bases, all.servers.map((x) => x.pid));
  } finally {
    for (const s of all.servers) await stop(s.child);
  }

  async function runPages(mode: string, bases: string[], pids: number[]) {
    const clustered = mode !== "one process";
    // every server process, with its node:cluster workers: the CPU a page costs, which moves less with a busy machine than req/s
    const serverCpu = () => pids.reduce((sum, pid) => sum + cpuMsWithChildren(pid), 0);
    for (const [pageName, pagePath] of pages) {
      for (const [variant, headers] of variants) {
        const { m, cpu } = await warmThenMeasure(bases.map((b) => b + pagePath), headers, serverCpu);
        const share = (m.rps / bare.rps) * 100;
        const cached = variant.startsWith("anonymous");
        const minShare = cached ? 25 : clustered ? 2 : 1;
        const ok = only2xx(m) && share >= minShare && m.p95 < 50;
        addRow({
          group: "pages",
          what: `${pageName}, ${variant}, ${clustered ? "every core" : "one process"}`,
          value: `${m.rps.toFixed(0)} req/s = ${pct(share)} of bare, p95 ${ms(m.p95)} ms`,
          target: `≥ ${minShare} % of bare, p95 < 50 ms`,
          pass: ok,
          note: `${only2xx(m) ? "" : `${trouble(m)}; `}server CPU ${cpu.toFixed(2)} ms/request`,
        });
      }
    }
  }
}

// ---------------------------------------------------------------- staff pages

/**
 * The staff pages at one connection, each on the demo, `--scale 1` and `--scale 3` data. A ratio of two p95s of
 * 20-50 ms from one run moves by ±0.5× with the machine's load, so each page runs STAFF_ROUNDS times for a third
 * of the time, one request to each data set's server in turn (a burst of load hits all three alike), and the row
 * gives the median of the rounds' ratios. The server's CPU time per request (from /proc) is in each row as well:
 * it moves much less with the load than wall time (decision 090).
 */
async function staffGroup() {
  const datas = ["demo", "scale1", "scale3"] as const;
  type StaffData = (typeof datas)[number];
  const label = (data: StaffData) => (data === "demo" ? "demo seed" : `--scale ${data.slice(5)}`);
  // Each round of a page asks the three servers in turn, so it gets the time the three runs had before.
  const seconds = Math.max(3, (3 * STAFF_SECONDS) / STAFF_ROUNDS);
  const sets = datas.map((data) => {
    const url = database(data);
    const t = benchDb<Targets>(url, "targets");
    const reg = `/admin/meetings/${t.bigMeetingId}/registrations`;
    // Each registrations page shows a full page of rows on every data set (bench-db.ts targets); what the demo
    // seed's 43-person meeting needed instead is said in its row.
    const pages: [key: string, path: string, shape?: string][] = [
      ["Registrations", reg],
      ["Registrations, search", `${reg}?q=${encodeURIComponent(t.search)}`, `“${t.search}”`],
      ["Registrations, sorted by agency (descending), page 3", `${reg}?sort=agency&dir=desc&page=${t.agencyPage}`, t.agencyPage === 3 ? undefined : `page ${t.agencyPage}: the meeting has ${t.bigMeetingRegistrations} people`],
      ["Registrations, filtered (status, role, country), by registration date", `${reg}?status=CONFIRMED&role=DELEGATE${t.country ? `&country=${t.country}` : ""}&sort=registered&dir=desc`, t.country ? undefined : "no country: no country has a page of confirmed delegates"],
      ["Recommendations list", "/recommendations"],
      ["Recommendations dashboard", "/recommendations/dashboard"],
      ["Review queue", "/recommendations/queue"],
      ["/admin", "/admin"],
      ["Audit log", "/admin/audit"],
    ];
    return { data, url, t, pages, organiser: cookie(url, "organiser@example.org"), server: null as Server | null };
  });
  type Run = { p95: number; cpu: number; total: number; bytes: number; failure: string };
  const runs = new Map<string, Run[]>();
  try {
    for (const set of sets) {
      console.info(`Staff pages on ${label(set.data)} (registrations of a meeting with ${set.t.bigMeetingRegistrations}) ...`);
      set.server = await startServer(`staff-${set.data}`, set.url);
      await checkSignedIn(set.server.base, "/admin", set.organiser);
    }
    for (let round = 0; round < STAFF_ROUNDS; round++) {
      const order = datas.map((_, i) => sets[(i + round) % sets.length]);
      for (let page = 0; page < sets[0].pages.length; page++) {
        const key = sets[0].pages[page][0];
        const results = new Map<StaffData, Run>(order.map((set) => [set.data, { p95: NaN, cpu: NaN, total: 0, bytes: 0, failure: "" }]));
        try {
          for (const set of order) {
            if (!set.server) set.server = await startServer(`staff-${set.data}-restart`, set.url);
            for (let i = 0; i < 3; i++) await fetch(set.server.base + set.pages[page][1], { headers: { Cookie: set.organiser }, redirect: "manual" }).then((r) => r.arrayBuffer());
          }
          const live = order.map((set) => ({ set, server: set.server!, cpuBefore: cpuMsOf(set.server!.pid) }));
          const measured = await measureInTurn(live.map(({ set, server }) => ({ url: server.base + set.pages[page][1], headers: { Cookie: set.organiser } })), { seconds, minRequests: 10 });
          live.forEach(({ set, server, cpuBefore }, i) => {
            const m = measured[i];
            Object.assign(results.get(set.data)!, { p95: m.p95, cpu: (cpuMsOf(server.pid) - cpuBefore) / Math.max(1, m.total), total: m.total, bytes: m.bytes, failure: only2xx(m) ? "" : trouble(m) });
          });
        } catch (e) {
          for (const run of results.values()) run.failure ||= `no answer: ${(e as Error).message}`;
        }
        for (const set of order) {
          if (set.server && set.server.child.exitCode !== null) set.server = null;
          const id = `${set.data}|${key}`;
          runs.set(id, [...(runs.get(id) ?? []), results.get(set.data)!]);
        }
      }
    }
  } finally {
    for (const set of sets) if (set.server) await stop(set.server.child);
  }

  const median = (xs: number[]) => {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
  };
  const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
  for (const set of sets) {
    for (const [key, , shape] of set.pages) {
      const mine = runs.get(`${set.data}|${key}`) ?? [];
      const demo = runs.get(`demo|${key}`) ?? [];
      const what = `${key}, ${label(set.data)}`;
      const failure = mine.find((r) => r.failure)?.failure ?? "";
      const p95 = median(mine.map((r) => r.p95));
      const cpu = median(mine.map((r) => r.cpu));
      const total = mine.reduce((n, r) => n + r.total, 0);
      const bytes = median(mine.map((r) => r.bytes));
      const rounds = `${mine.length} rounds`;
      if (failure) {
        addRow({ group: "staff", what, value: Number.isFinite(p95) ? `p95 ${ms(p95)} ms` : "–", target: "200, p95 < 100 ms", pass: false, note: failure });
        continue;
      }
      const size = `${total} requests in ${rounds}, ${(bytes / 1024).toFixed(0)} KB each${shape ? `; ${shape}` : ""}`;
      if (set.data === "demo") {
        addRow({ group: "staff", what, value: `p95 ${ms(p95)} ms, CPU ${ms(cpu)} ms/request (${size})`, target: "200, p95 < 100 ms", pass: p95 < 100 });
        continue;
      }
      // The ratio of each round (this data set and the demo seed measured back to back), then their median.
      const ratios = mine.map((r, i) => r.p95 / (demo[i]?.p95 ?? NaN));
      const ratio = median(ratios);
      const cpuRatio = median(mine.map((r, i) => r.cpu / (demo[i]?.cpu ?? NaN)));
      addRow({
        group: "staff",
        what,
        value: `p95 ${ms(p95)} ms = ${x(ratio)} demo (median of ${rounds}: ${ratios.map((r) => x(r)).join(", ")}); CPU ${ms(cpu)} ms/request = ${x(cpuRatio)} demo (${size})`,
        target: "200, p95 < 100 ms, ≤ 1.5× demo",
        pass: p95 < 100 && Number.isFinite(ratio) && ratio <= 1.5,
      });
    }
  }
}

// ---------------------------------------------------------------- registration storm, one process

async function stormGroup() {
  const url = database("scale1");
  const server = await startServer("storm", url);
  try {
    const { slug, agencyId } = benchDb<{ slug: string; agencyId: string }>(url, "setup", "50");
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    // On a machine shared with other work the rate moves with the load; the server's CPU time per
    // registration barely does, so it is the figure to compare two versions by.
    const cpuBefore = cpuMsOf(server.pid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 500 }, async (_, i) => {
        const body = new URLSearchParams({ name: `Storm Person ${i}`, email: `storm.${i}@bench.example.org`, agencyId, role: "DELEGATE", consent: "on" });
        const t0 = performance.now();
        // One address per person, as if each came from their own machine (the limits count by address).
        const status = await fetch(`${server.base}/meetings/${slug}/register`, { method: "POST", body, redirect: "manual", headers: { "X-Forwarded-For": `10.${10 + (i >> 8)}.${i & 255}.1` } })
          .then(async (r) => (await r.arrayBuffer(), String(r.status)), (e: Error & { cause?: { code?: string } }) => `error ${e.cause?.code ?? e.message}`);
        times.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpuPerPost = (cpuMsOf(server.pid) - cpuBefore) / 500;
    times.sort((a, b) => a - b);
    const p99 = times[Math.ceil(0.99 * times.length) - 1];
    const outcome = benchDb<{ byStatus: Record<string, number>; waitlisted: number; ranksInOrder: boolean }>(url, "check", slug);
    const bad = Object.entries(statuses).filter(([s]) => !/^[1-4]\d\d$/.test(s)).reduce((n, [, c]) => n + c, 0);
    const rate = 500 / seconds;
    const confirmed = outcome.byStatus.CONFIRMED ?? 0;
    addRow({ group: "storm", what: "500 registrations at once for 50 seats, one process: registrations per second", value: `${rate.toFixed(0)}/s (${seconds.toFixed(1)} s in all)`, target: "≥ 200/s", pass: rate >= 200 });
    addRow({ group: "storm", what: "… p99 of one registration", value: `${(p99 / 1000).toFixed(2)} s`, target: "< 3 s", pass: p99 < 3000 });
    addRow({ group: "storm", what: "… confirmed, waiting list", value: `${confirmed} confirmed, ${outcome.waitlisted} waitlisted${outcome.ranksInOrder ? ", ranked 1..n" : ", ranks NOT in order"}`, target: "exactly 50", pass: confirmed === 50 && outcome.ranksInOrder });
    addRow({ group: "storm", what: "… server CPU time per registration (user + system)", value: `${cpuPerPost.toFixed(1)} ms`, target: "", pass: null });
    addRow({ group: "storm", what: "… answers 5xx or no answer", value: `${bad} (${statusText(statuses)})`, target: "0", pass: bad === 0 });
  } finally {
    await stop(server.child);
  }
}

// ---------------------------------------------------------------- bulk writes

async function writesGroup() {
  const url = database("scale1");
  const server = await startServer("writes", url);
  const watch = memoryWatch(server.pid);
  try {
    const organiser = cookie(url, "organiser@example.org");
    await checkSignedIn(server.base, "/admin", organiser);
    const meeting = benchDb<{ id: string; agencies: string[] }>(url, "approval-meeting", "3000");
    const roles = ["delegate", "delegate", "delegate", "observer", "speaker"];
    const csv = ["name,email,agency,job title,role"]
      .concat(Array.from({ length: 2000 }, (_, i) => `Imported Person ${i},imported.${i}@import.bench.example.org,"${meeting.agencies[i % meeting.agencies.length]}",Liaison officer,${roles[i % roles.length]}`))
      .join("\n");
    const form = new FormData();
    form.set("file", new Blob([csv], { type: "text/csv" }), "participants.csv");
    let t0 = performance.now();
    const imported = await postForm(`${server.base}/admin/meetings/${meeting.id}/registrations/import`, form, { Cookie: organiser });
    const importSeconds = (performance.now() - t0) / 1000;
    const afterImport = benchDb<{ byStatus: Record<string, number> }>(url, "counts", meeting.id).byStatus;
    const importedCount = Object.values(afterImport).reduce((a, b) => a + b, 0);
    addRow({
      group: "writes", what: "CSV import of 2,000 rows (registrations import form, approval meeting)", value: `${importSeconds.toFixed(2)} s: HTTP ${imported.status}, ${importedCount} registered`,
      target: "< 5 s, 2,000 registered", pass: imported.status === 200 && importedCount === 2000 && importSeconds < 5,
    });

    const { ids } = benchDb<{ ids: string[] }>(url, "ids", meeting.id, "PENDING", "500");
    const body = new URLSearchParams([["intent", "approve"], ...ids.map((id) => ["ids", id])]);
    t0 = performance.now();
    const approved = await postForm(`${server.base}/admin/meetings/${meeting.id}/registrations`, body, { Cookie: organiser });
    const approveSeconds = (performance.now() - t0) / 1000;
    const confirmed = benchDb<{ byStatus: Record<string, number> }>(url, "counts", meeting.id).byStatus.CONFIRMED ?? 0;
    addRow({
      group: "writes", what: `Bulk approve of ${ids.length} pending registrations (registrations form, intent=approve)`, value: `${approveSeconds.toFixed(2)} s: HTTP ${approved.status}, ${confirmed} confirmed`,
      target: "< 1 s, 500 confirmed", pass: approved.status >= 300 && approved.status < 400 && confirmed === 500 && approveSeconds < 1,
    });
  } finally {
    serverPeaks.push({ where: "one process, during the import and the approval", mb: watch.stop() });
    await stop(server.child);
  }
}

// ---------------------------------------------------------------- public JavaScript

async function jsGroup() {
  const url = database("scale1");
  const server = await startServer("js", url);
  try {
    const { meetingSlug } = benchDb<Targets>(url, "targets");
    const html = await (await fetch(`${server.base}/meetings/${meetingSlug}`)).text();
    const refs = new Set<string>();
    for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]);
    for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="modulepreload"/g)) refs.add(m[1]);
    for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) refs.add(m[1]);
    for (const m of html.matchAll(/import\s*(?:\(\s*)?["']([^"']+\.js)["']/g)) refs.add(m[1]);
    const sizes: { ref: string; gz: number }[] = [];
    for (const ref of refs) {
      const res = await fetch(new URL(ref, server.base));
      if (!res.ok) continue;
      sizes.push({ ref, gz: zlib.gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length });
    }
    const kb = sizes.reduce((n, s) => n + s.gz, 0) / 1024;
    const biggest = sizes.sort((a, b) => b.gz - a.gz).slice(0, 3).map((s) => `${path.basename(s.ref)} ${(s.gz / 1024).toFixed(1)} KB`).join(", ");
    addRow({ group: "js", what: `Public JS of the meeting page (${sizes.length} scripts it loads, gzip -9)`, value: `${kb.toFixed(1)} KB`, target: "< 90 KB", pass: kb < 90, note: `largest: ${biggest}` });
  } finally {
    await stop(server.child);
  }
}

// ---------------------------------------------------------------- report

function report(started: number) {
  const cpus = os.cpus();
  const smoke = SECONDS < 10 || !!only;
  const failed = rows.filter((r) => r.pass === false).length;
  const lines = [
    `# Benchmark results${smoke ? " (SMOKE RUN: not the official figures)" : ""}`,
    "",
    `Run ${new Date().toISOString()} by \`npm run bench\`${only ? ` with BENCH_ONLY=${only.join(",")}` : ""}, BENCH_SECONDS=${SECONDS}, on ${cpus.length} × ${cpus[0]?.model ?? "CPU"}, Node ${process.version}; ${((Date.now() - started) / 60000).toFixed(1)} min in all.`,
    "Load: autocannon in the bench process over loopback against the production build as `npm start` runs it (scripts/server.mjs with its heap cap), SQLite (WAL) unless the row says PostgreSQL; pages at 20 connections, staff pages at one; p95/p99 from every response time.",
    `Pages and storms run on the \`--scale 1\` data (3,000 meetings, 100,000 registrations, 20,000 recommendations); staff pages on the demo data, \`--scale 1\` and \`--scale 3\`, in ${STAFF_ROUNDS} rounds, the three servers asked in turn (the ratio is the median of the rounds' ratios).`,
    smoke ? "A smoke run proves that every part works; the machine was shared with other work (see the load averages), so the figures are not the ones to quote." : "",
    "",
    `${rows.length} figures, ${rows.filter((r) => r.pass).length} pass, ${failed} fail.`,
    "",
    "| Group | What | Value | Target | Result |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.group} | ${r.what} | ${r.value} | ${r.target} | ${r.pass === null ? "–" : r.pass ? "PASS" : "**FAIL**"}${r.note ? ` (${r.note})` : ""} |`),
    "",
    "| Group | Load average before (1, 5, 15 min) | Took | Note |",
    "| --- | --- | ---: | --- |",
    ...groupNotes.map((g) => `| ${g.group} | ${g.load} | ${g.seconds ? `${g.seconds.toFixed(0)} s` : ""} | ${g.error ?? ""} |`),
    "",
  ];
  return lines.filter((l, i) => l !== "" || lines[i - 1] !== "").join("\n");
}

async function main() {
  const started = Date.now();
  if (!fs.existsSync(path.join(root, buildDir, "server/index.js"))) {
    console.info(`Building the production bundle into ${buildDir}/ ...`);
    execFileSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit", env: { ...process.env, REMIX_BUILD_DIR: buildDir } });
  }
  if (!fs.existsSync(path.join(root, buildDir, "worker.js"))) {
    execFileSync("node", ["scripts/build-worker.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, REMIX_BUILD_DIR: buildDir } });
  }
  const groups: [Group, () => Promise<void>][] = [
    ["seed", async () => { database("demo"); database("scale1"); database("scale3"); }],
    ["pages", pagesGroup],
    ["staff", staffGroup],
    ["storm", stormGroup],
    ["writes", writesGroup],
    ["mail", async () => { for (const row of await benchMail(database("demo"))) addRow(row); }],
    ["js", jsGroup],
    ["instances", async () => { for (const row of await benchSeveralInstances(SECONDS)) addRow(row); }],
  ];
  for (const [group, run] of groups) {
    if (!runs(group)) continue;
    const load = loadAverage();
    console.info(`\n== ${group} (load average ${load}) ==`);
    const t0 = performance.now();
    let error: string | undefined;
    try {
      await run();
    } catch (e) {
      error = (e as Error).message.split("\n")[0].slice(0, 300);
      console.error(e);
      addRow({ group, what: `${group}: the group stopped`, value: "–", target: "runs to the end", pass: false, note: error });
    }
    groupNotes.push({ group, load, seconds: (performance.now() - t0) / 1000, error });
  }
  if (serverPeaks.length) {
    const peak = Math.max(...serverPeaks.map((s) => s.mb));
    addRow({ group: "memory", what: "Web server peak memory under load (VmHWM of the one-process server)", value: `${peak.toFixed(0)} MB`, target: "< 250 MB", pass: peak < 250, note: serverPeaks.map((s) => `${s.where}: ${s.mb.toFixed(0)} MB`).join("; ") });
  }
  const text = report(started);
  const out = path.resolve(root, process.env.BENCH_RESULTS ?? "bench/results.md");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.info(`\n${text}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

