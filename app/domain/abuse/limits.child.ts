import { enforceLimit, type LimitName } from "./limits.server";

// Run by limits.test.ts as a second process on the same database: consumes a limit `count` times and
// prints one status per request (200 or 429), to show that processes share their counts.

const [name, key, count] = process.argv.slice(2);
const statuses: number[] = [];
for (let i = 0; i < Number(count); i++) {
  try {
    await enforceLimit(name as LimitName, key);
    statuses.push(200);
  } catch (e) {
    if (!(e instanceof Response)) throw e;
    statuses.push(e.status);
  }
}
console.info(JSON.stringify(statuses));
process.exit(0);
