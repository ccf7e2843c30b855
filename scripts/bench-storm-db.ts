// Helper of `npm run bench` (scripts/bench-cluster.ts), run once per database with its DATABASE_URL:
//   tsx scripts/bench-storm-db.ts setup <seats>   a published meeting open for registration; prints its slug
//   tsx scripts/bench-storm-db.ts check <slug>    prints the outcome of the registration storm as JSON
import { db } from "~/utils/db.server";

const [command, arg] = process.argv.slice(2);
const DAY = 86_400_000;

if (command === "setup") {
  const slug = `bench-storm-${Date.now().toString(36)}`;
  const now = Date.now();
  await db.meeting.create({
    data: {
      slug, title: "Registration storm (bench)", timeZone: "Europe/Brussels", city: "Brussels",
      startsAt: new Date(now + 60 * DAY), endsAt: new Date(now + 61 * DAY), capacity: Number(arg),
      status: "PUBLISHED", visibility: "PUBLIC", approvalMode: "AUTOMATIC",
      registrationOpensAt: new Date(now - DAY), registrationClosesAt: new Date(now + 30 * DAY),
    },
  });
  const agency = await db.agency.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
  console.info(JSON.stringify({ slug, agencyId: agency.id }));
} else if (command === "check") {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: arg }, select: { id: true } });
  const rows = await db.registration.findMany({ where: { meetingId: meeting.id }, select: { status: true, waitlistRank: true } });
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  // In order: the waiting list is ranked 1..n, each rank once (no gap, no repeat).
  const ranks = rows.filter((r) => r.status === "WAITLISTED").map((r) => r.waitlistRank ?? -1).sort((a, b) => a - b);
  const inOrder = ranks.every((rank, i) => rank === i + 1);
  console.info(JSON.stringify({ byStatus, waitlisted: ranks.length, ranksInOrder: inOrder }));
} else {
  throw new Error("usage: bench-storm-db.ts setup <seats> | check <slug>");
}
await db.$disconnect();
