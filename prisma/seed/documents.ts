import PDFDocument from "pdfkit";
import { checkUpload, storeFile } from "~/domain/documents/files.server";
import type { DocumentType, DocumentVisibility } from "~/generated/prisma/enums.ts";
import { db } from "~/utils/db.server";

// Documents of the Brussels meeting: the annotated agenda (a PDF made here with pdfkit, public), a
// background paper for participants and a presentation on the Schengen session. Small, so seeding stays fast.

function pdf(title: string, paragraphs: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Creator: "Convene seed" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text(title).moveDown();
  doc.fontSize(11);
  for (const p of paragraphs) doc.text(p).moveDown(0.6);
  doc.end();
  return done;
}

type Seed = { title: string; type: DocumentType; visibility: DocumentVisibility; filename: string; bytes: Buffer; agendaItem?: string };

export async function seedDocuments(): Promise<{ documents: number }> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "combating-irregular-migration-eu-2026" }, select: { id: true } });
  const organiser = await db.user.findFirst({ where: { role: "ORGANISER" }, select: { id: true } });
  const schengen = await db.agendaItem.findFirst({ where: { meetingId: meeting.id, title: { startsWith: "Session 1" } }, select: { id: true } });
  const seeds: Seed[] = [
    {
      title: "Annotated agenda",
      type: "AGENDA",
      visibility: "PUBLIC",
      filename: "annotated-agenda.pdf",
      bytes: await pdf("Combating Irregular Migration in the EU: annotated agenda", [
        "Brussels, Résidence Palace, 4 June 2026.",
        "Opening: the state of irregular migration to the EU.",
        "Session 1: Schengen and visa information systems: SIS, VIS, the Entry/Exit System and ETIAS.",
        "Session 2: travel document security and the exchange of specimen documents.",
        "Conclusions and recommendations.",
      ]),
    },
    {
      title: "Background paper: migrant smuggling routes in 2025",
      type: "BACKGROUND_PAPER",
      visibility: "PARTICIPANTS",
      filename: "background-paper-smuggling-routes.pdf",
      bytes: await pdf("Background paper: migrant smuggling routes in 2025", [
        "For the participants of the meeting; not for circulation.",
        "This paper summarises detections at the external borders and the main routes used by smuggling networks.",
      ]),
    },
    {
      title: "SIS and VIS in practice",
      type: "PRESENTATION",
      visibility: "PARTICIPANTS",
      filename: "sis-vis-in-practice.pdf",
      bytes: await pdf("SIS and VIS in practice", ["Slides of the Schengen session: alerts, hits and the follow-up by SIRENE bureaux."]),
      agendaItem: schengen?.id,
    },
  ];
  for (const [position, s] of seeds.entries()) {
    const checked = await checkUpload(new File([new Uint8Array(s.bytes)], s.filename, { type: "application/pdf" }));
    if (!checked.ok) throw new Error(checked.message);
    await db.$transaction(async (tx) => {
      const file = await storeFile(tx, checked.file, organiser?.id ?? null);
      await tx.document.create({
        data: { meetingId: meeting.id, agendaItemId: s.agendaItem ?? null, title: s.title, type: s.type, visibility: s.visibility, language: "en", position, versions: { create: { version: 1, fileId: file.id } } },
      });
    });
  }
  return { documents: seeds.length };
}
