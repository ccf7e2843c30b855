import { db } from "~/utils/db.server";
import { seedBase } from "./seed/base";
import { seedDocuments } from "./seed/documents";
import { seedMail } from "./seed/mail";
import { seedRecommendations } from "./seed/recommendations";
import { seedRegistrations } from "./seed/registrations";
import { seedScale } from "./seed/scale";
import { seedTranslations } from "./seed/translations";

// Demo data for the embedded run: `npm run seed` (skips when data exists; `--reset` wipes first).
// `npm run seed -- --scale N` adds a large generated data set for performance work (seed/scale.ts).
// Each domain adds its own part in prisma/seed/<area>.ts, called below in dependency order.

async function main() {
  const args = process.argv.slice(2);
  const existing = await db.agency.count();
  if (existing > 0 && !args.includes("--force")) {
    console.info(`Seed skipped: the database already has ${existing} agencies (use --force to add the demo data anyway).`);
  } else {
    const base = await seedBase();
    console.info(`Seeded ${base.agencies} agencies, ${base.users} users, ${base.meetings} meetings.`);
    const regs = await seedRegistrations(base.agencyIds);
    console.info(`Seeded ${regs.registrations} registrations.`);
    const recs = await seedRecommendations();
    console.info(`Seeded ${recs.themes} themes, ${recs.recommendations} recommendations.`);
    const docs = await seedDocuments();
    console.info(`Seeded ${docs.documents} documents of the Brussels meeting.`);
    const mail = await seedMail();
    console.info(`Seeded a delivered follow-up to ${mail.messages} people.`);
    const translations = await seedTranslations();
    console.info(`Seeded ${translations.rows} French translations of meetings, agenda items, themes and recommendations.`);
  }
  const scaleAt = args.indexOf("--scale");
  if (scaleAt >= 0) {
    const n = Number(args[scaleAt + 1] ?? 1);
    if (!Number.isFinite(n) || n < 1) throw new Error("--scale needs a whole number of at least 1, e.g. --scale 1");
    const started = Date.now();
    const scaled = await seedScale(n);
    console.info(
      scaled.skipped
        ? "Scale seed skipped: the database already has the generated data."
        : `Scale seed (${n}): ${scaled.meetings} meetings, ${scaled.agendaItems} agenda items, ${scaled.registrations} registrations, ${scaled.recommendations} recommendations with ${scaled.statusChanges} status changes, ${scaled.auditEntries} audit entries in ${Math.round((Date.now() - started) / 1000)} s (generated in ${(scaled.generatedMs / 1000).toFixed(1)} s, written in ${(scaled.writtenMs / 1000).toFixed(1)} s).`,
    );
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await db.$disconnect();
    process.exit(1);
  });
