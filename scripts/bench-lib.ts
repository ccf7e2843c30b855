// Shared parts of `npm run bench` (scripts/bench.ts): ports, processes, databases, load generation, memory
// readings and the result rows. The bench drives the app only over HTTP and reads the database only through
// scripts/bench-db.ts, so it keeps working while the app's internals change.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "./free-port.ts";

export const root = path.resolve(import.meta.dirname, "..");
export const tmp = path.join(root, ".tmp");
export const buildDir = process.env.REMIX_BUILD_DIR ?? "build";
export const SECRET = "bench-secret-bench-secret-bench";
/** Seconds per load measurement (BENCH_SECONDS, default 10). */
export const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10));

// ---------------------------------------------------------------- result rows

export type Row = { group: string; what: string; value: string; target: string; pass: boolean | null; note?: string };
export const rows: Row[] = [];
export const groupNotes: { group: string; load: string; seconds: number; error?: string }[] = [];

export function addRow(row: Row) {
  rows.push(row);
  const mark = row.pass === null ? "info" : row.pass ? "PASS" : "FAIL";
  console.info(`  [${mark}] ${row.what}: ${row.value}${row.target ? ` (target ${row.target})` : ""}${row.note ? ` — ${row.note}` : ""}`);
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");
export const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : "–");
export const pct = (n: number) => (Number.isFinite(n) ? `${n < 1 ? n.toFixed(2) : n.toFixed(1)} %` : "–");

// ---------------------------------------------------------------- ports and processes

const handedOut = new Set<number>();

/** A free loopback port; inside BENCH_PORTS (e.g. 45000-45999) when set, so parallel work on one machine does not collide. */
export async function port(): Promise<number> {
  const range = process.env.BENCH_PORTS?.match(/^(\d+)-(\d+)$/);
  if (!range) return freePort();
  const [from, to] = [Number(range[1]), Number(range[2])];
  for (let p = from; p <= to; p++) {
    if (handedOut.has(p)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(p, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) {
      handedOut.add(p);
      return p;
    }
  }
  throw new Error(`no free port in BENCH_PORTS=${process.env.BENCH_PORTS}`);
}

const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) if (child.pid && child.exitCode === null) try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/** Starts a detached process group whose output goes to .tmp/bench-logs/<name>.log; killed when the bench exits. */
export function start(name: string, command: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
  const logs = path.join(tmp, "bench-logs");
  fs.mkdirSync(logs, { recursive: true });
  const log = fs.openSync(path.join(logs, `${name}.log`), "a");
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export async function stop(child: ChildProcess) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const killed = setTimeout(() => { try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ } }, 10_000);
  await exited;
  clearTimeout(killed);
}

export async function waitFor(url: string, ms = 90_000, child?: ChildProcess) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`the process for ${url} exited (${child.exitCode}); see .tmp/bench-logs/`);
    if (await fetch(url, { redirect: "manual" }).then((r) => r.status < 500, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** Memory of a process from /proc: VmHWM (its peak) and VmRSS (now), in MB; 0 when it is gone. */
export function memory(pid: number): { peakMb: number; rssMb: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, "m"))?.[1] ?? 0);
    return { peakMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
  } catch {
    return { peakMb: 0, rssMb: 0 };
  }
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (10 ms ticks); NaN once it is gone. */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const [utime, stime] = stat.slice(stat.lastIndexOf(")") + 2).split(" ").slice(11, 13).map(Number);
    return ((utime + stime) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** CPU time of a server and its node:cluster workers, in ms (a worker that exits takes its time with it). */
export const cpuMsWithChildren = (pid: number) => childPids(pid).reduce((sum, child) => sum + cpuMsOf(child), cpuMsOf(pid));

/** Child processes of pid (node:cluster workers, or the node process behind a wrapper). */
export function childPids(pid: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

/** Samples the peak RSS of a process tree every 200 ms until stopped (VmHWM covers the time between samples). */
export function memoryWatch(pid: number) {
  let peak = 0;
  const sample = () => {
    const tree = [pid, ...childPids(pid)];
    const each = tree.map((p) => memory(p).peakMb);
    peak = Math.max(peak, ...each);
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}

// ---------------------------------------------------------------- databases

export const dbFile = (name: string) => path.join(tmp, `bench-${name}.db`);

export function removeDb(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

export function tsx(script: string, args: string[], databaseUrl: string, extraEnv: Record<string, string> = {}): string {
  return execFileSync("npx", ["tsx", script, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Runs scripts/bench-db.ts with a command and returns its JSON answer. */
export function benchDb<T>(databaseUrl: string, ...args: string[]): T {
  const lines = tsx("scripts/bench-db.ts", args, databaseUrl).trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as T;
}

// ---------------------------------------------------------------- app servers

export const serverEnv = (databaseUrl: string, listenPort: number, extra: Record<string, string> = {}) => ({
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  PORT: String(listenPort),
  HOST: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${listenPort}`,
  REMIX_BUILD_DIR: buildDir,
  // The web process sends no mail in the bench; the mail part runs its own worker against a local SMTP server.
  MAIL_WORKER: "off",
  SMTP_URL: "",
  DEV_MAILBOX: "on",
  SESSION_SECRET: SECRET,
  // Registration storms come from one machine: each request names its own client address.
  TRUST_PROXY: "loopback",
  ...extra,
});

export type Server = { base: string; child: ChildProcess; pid: number };

/**
 * A process as deployed: package.json's script `name` (`start`, `worker`; their node flags are written only
 * there), run by sh as npm runs it but without npm in between: `exec env` makes node this child, so the
 * figures taken from its pid are node's.
 */
export function startScript(label: string, name: "start" | "worker", env: Record<string, string | undefined>): ChildProcess {
  const script: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts[name];
  return start(label, "sh", ["-c", `exec env ${script}`], env);
}

export async function startServer(name: string, databaseUrl: string, extra: Record<string, string> = {}): Promise<Server> {
  const p = await port();
  const child = startScript(name, "start", serverEnv(databaseUrl, p, { CONVENE_INSTANCE: name, ...extra }));
  const base = `http://127.0.0.1:${p}`;
  await waitFor(`${base}/login`, 90_000, child);
  return { base, child, pid: child.pid! };
}

/**
 * A form POST on a connection of its own. fetch would reuse an idle keep-alive connection, and when the server
 * has just closed it (after its 5 s keep-alive timeout, e.g. while the bench checked the database) a POST is
 * not retried: "other side closed".
 */
export async function postForm(url: string, form: URLSearchParams | FormData, headers: Record<string, string> = {}): Promise<{ status: number; location: string | null; body: string }> {
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: "POST", agent: false,
        headers: { ...headers, "Content-Type": encoded.headers.get("content-type") ?? "application/x-www-form-urlencoded", "Content-Length": body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------- load

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type Measured = { seconds: number; rps: number; total: number; p50: number; p95: number; p99: number; statuses: Record<string, number>; errors: number; bytes: number };

/**
 * autocannon against one or several URLs (the connections split evenly over them, one generator each), for
 * `seconds`. p95/p99 come from every response time (autocannon's summary stops at p97.5).
 */
export async function measure(urls: string | string[], opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<Measured> {
  const list = Array.isArray(urls) ? urls : [urls];
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const results = await Promise.all(
    list.map((url, i) => {
      const connections = Math.max(1, Math.floor(opts.connections / list.length) + (i < opts.connections % list.length ? 1 : 0));
      const instance = autocannon({ url, connections, duration: opts.seconds, timeout: 30, headers: opts.headers ?? {} });
      instance.on("response", (_c, status, resBytes, responseTime) => {
        times.push(responseTime);
        statuses[status] = (statuses[status] ?? 0) + 1;
        bytes += resBytes;
      });
      return instance;
    }),
  );
  // autocannon drops the requests still in flight when its time is up, but the server keeps working on them:
  // one more request per URL waits behind that backlog, so the next figure starts on an idle server.
  await Promise.all(list.map((url) => fetch(url, { headers: opts.headers, redirect: "manual", signal: AbortSignal.timeout(180_000) }).then((r) => r.arrayBuffer(), () => null)));
  times.sort((a, b) => a - b);
  const total = times.length;
  return {
    seconds: opts.seconds,
    rps: total / opts.seconds,
    total,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    statuses,
    errors: results.reduce((n, r) => n + r.errors + r.timeouts, 0),
    bytes: total ? bytes / total : 0,
  };
}

/**
 * One connection to several URLs, one request to each in turn (a, b, c, a, b, c ...) for `seconds` and at least
 * `minRequests` each (a page that takes longer than the run still gets its figure), at most 5 minutes: load from
 * other work on the machine falls on all of them alike, so their ratios hold better than those of runs one after
 * the other.
 */
export async function measureInTurn(targets: { url: string; headers?: Record<string, string> }[], opts: { seconds: number; minRequests: number }): Promise<Measured[]> {
  const runs = targets.map(() => ({ times: [] as number[], statuses: {} as Record<string, number>, bytes: 0, errors: 0 }));
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  while ((elapsed() < opts.seconds || runs.some((r) => r.times.length + r.errors < opts.minRequests)) && elapsed() < 300) {
    for (const [i, target] of targets.entries()) {
      const run = runs[i];
      const t0 = performance.now();
      try {
        const res = await fetch(target.url, { headers: target.headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
        run.bytes += (await res.arrayBuffer()).byteLength;
        run.times.push(performance.now() - t0);
        run.statuses[res.status] = (run.statuses[res.status] ?? 0) + 1;
      } catch {
        run.errors++;
      }
    }
  }
  const seconds = elapsed();
  return runs.map(({ times, statuses, bytes, errors }) => {
    times.sort((a, b) => a - b);
    return {
      seconds, rps: times.length / seconds, total: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99),
      statuses, errors, bytes: times.length ? bytes / times.length : 0,
    };
  });
}

/** "1234 × 200, 3 × 500" */
export const statusText = (statuses: Record<string, number>) =>
  Object.entries(statuses).sort().map(([s, n]) => `${n} × ${s}`).join(", ") || "no answer";

export const only2xx = (m: Pick<Measured, "statuses" | "errors" | "total">) => m.total > 0 && m.errors === 0 && Object.keys(m.statuses).every((s) => /^2\d\d$/.test(s));

/** Why a measurement is not clean, for the note of its row. */
export const trouble = (m: Measured) =>
  m.total === 0
    ? `no response completed within ${m.seconds} s: the server answers more slowly than that at this load`
    : `answers: ${statusText(m.statuses)}${m.errors ? `, ${m.errors} errors or timeouts` : ""}`;
