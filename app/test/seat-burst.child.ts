import readline from "node:readline";
import { db } from "~/utils/db.server";
import { runBurst, type Burst } from "./seat-burst";

// The second process of the two-process seat tests: connects to DATABASE_URL, says "ready", runs
// its burst when the test writes "go", prints the result as JSON and exits.
const burst = JSON.parse(process.argv[2]) as Burst;
await db.meeting.findUniqueOrThrow({ where: { id: burst.meetingId }, select: { id: true } });
process.stdout.write("ready\n");
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) if (line === "go") break;
const result = await runBurst(burst);
process.stdout.write(`${JSON.stringify(result)}\n`);
await db.$disconnect();
process.exit(0);
