// The V8 settings of every Convene process: the web server (scripts/server.mjs, its cluster workers too) and
// the mail worker (scripts/worker.ts, bundled into build/worker.js). Imported first by both, before anything
// compiles the query compiler's WebAssembly or grows the heap; these flags are read when they are used, so
// no command-line option is needed (docs/decisions/063-read-path.md, memory). The heap's size limits are
// fixed when V8 starts, before any of this runs: they are command-line options of package.json's `start`
// and `worker` scripts (docs/decisions/091-heap-limits.md).
import v8 from "node:v8";

// Under fast allocation V8 lets the old generation grow to several times what survives a full collection
// (a growing factor of up to 4): the server's peak was mostly garbage, 611 MB for about 60 MB live. 1.6
// collects sooner at little CPU cost (1.3 cost about 15 % of the throughput for no lower peak). The mail
// worker keeps 1.6; the web server sets serverHeapGrowing's when it starts.
v8.setFlagsFromString("--heap-growing-percent=60");

/**
 * The web server's growing factor, 2.5 (docs/decisions/095-live-heap.md). About 37 MB survive a full
 * collection since the query compiler's text, the query graph's holey arrays and pdfkit left the heap; at
 * 1.6 the old generation was collected every 0.4-0.6 s under load, and the requests caught by the marking
 * made the rendered pages' p95. The peak stays bounded by the cap in `npm start` (160 MB, decision 091).
 */
export function serverHeapGrowing() {
  v8.setFlagsFromString("--heap-growing-percent=150");
}

// Prisma's query compiler is a 3 MB WebAssembly module; V8's optimising tier recompiles it in the
// background into about 65 MB of resident code per process (idle mail worker 184 -> 117 MB, web server
// under load 250-269 -> 186-194 MB). The baseline tier is enough: a query shape is compiled once, then
// its plan comes from Prisma's plan cache.
v8.setFlagsFromString("--liftoff-only");
