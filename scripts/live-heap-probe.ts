// What stays alive in a process that has loaded the app's database client, run a query, and loaded the modules
// that make PDFs (docs/decisions/095-live-heap.md). Run under `node --expose-gc --import tsx`; prints JSON:
// the largest string left after a full collection, the bytes of objects' element stores (the query graph's
// edges were once 11.7 MB of them) and the loaded scripts whose path names pdfkit or fontkit.
// scripts/live-heap.test.ts runs it against the test database.
import v8 from "node:v8";

const { db } = await import("~/utils/db.server");
await db.meeting.findFirst({ select: { id: true } });
await import("~/domain/registration/badges.server");
await import("~/domain/summary/render.server");
if (!global.gc) throw new Error("run with node --expose-gc");
global.gc();

let text = "";
for await (const chunk of v8.getHeapSnapshot()) text += chunk;
const snapshot = JSON.parse(text) as {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};
const { node_fields: fields, node_types: [types], edge_fields: edgeFields } = snapshot.snapshot.meta;
const [TYPE, NAME, SIZE, EDGES] = ["type", "name", "self_size", "edge_count"].map((f) => fields.indexOf(f));
const EDGE_NAME = edgeFields.indexOf("name_or_index");
const { nodes, edges, strings } = snapshot;

let largestString = { bytes: 0, start: "" };
let elementStores = 0;
const pdfScripts: string[] = [];
for (let i = 0, edge = 0; i < nodes.length; i += fields.length) {
  const type = types[nodes[i + TYPE]];
  const name = strings[nodes[i + NAME]];
  const size = nodes[i + SIZE];
  if (type === "string" && size > largestString.bytes) largestString = { bytes: size, start: name.slice(0, 60) };
  if (type === "array" && name === "(object elements)") elementStores += size;
  if (type === "code" && /\/(pdfkit|fontkit)\//.test(name)) {
    // A script: name its file once, whatever functions of it were compiled.
    const hasSource = Array.from({ length: nodes[i + EDGES] }, (_, k) => strings[edges[edge + k * edgeFields.length + EDGE_NAME]]).includes("source");
    if (hasSource) pdfScripts.push(name);
  }
  edge += nodes[i + EDGES] * edgeFields.length;
}
console.info(JSON.stringify({ largestString, elementStores, pdfScripts }));
await db.$disconnect();
