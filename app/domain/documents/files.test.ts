import { describe, expect, it } from "vitest";
import { docxBytes, pdfBytes, upload } from "~/test/factories.documents";
import { checkUpload, cleanFilename, fileTypeLabel } from "./files.server";
import { formatFileSize } from "./labels";

// The type of an upload is the one found in its content; the name must agree with it.

describe("checkUpload", () => {
  it("accepts a PDF, a Word document and plain text, with the type found in the content", async () => {
    const pdf = await checkUpload(upload(pdfBytes(), "agenda.pdf", "text/plain"));
    expect(pdf).toMatchObject({ ok: true, file: { filename: "agenda.pdf", mimeType: "application/pdf" } });
    const docx = await checkUpload(upload(docxBytes(), "paper.docx"));
    expect(docx).toMatchObject({ ok: true, file: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } });
    const text = await checkUpload(upload("Liste des participants — réunion de Bruxelles\n", "notes.txt"));
    expect(text).toMatchObject({ ok: true, file: { mimeType: "text/plain; charset=utf-8" } });
  });

  it("refuses a forged extension, an empty file, an oversized file, an unsupported type and a missing file, each with a sentence", async () => {
    const forged = await checkUpload(upload(pdfBytes(), "photo.png", "image/png"));
    expect(forged).toEqual({ ok: false, message: expect.stringContaining("named as a PNG image but its content is a PDF") });
    const exe = await checkUpload(upload(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff, 0x00, 0x00]), "tool.pdf"));
    expect(exe).toEqual({ ok: false, message: expect.stringContaining("is not a type Convene accepts") });
    expect(await checkUpload(upload("", "empty.pdf"))).toEqual({ ok: false, message: "“empty.pdf” is empty." });
    expect(await checkUpload(upload(pdfBytes("x".repeat(3000)), "big.pdf"), 1024)).toEqual({ ok: false, message: expect.stringMatching(/“big\.pdf” is 3 KB; a file may be at most 1 KB\./) });
    expect(await checkUpload(null)).toEqual({ ok: false, message: "Choose a file to upload." });
    expect(await checkUpload(new File([], ""))).toEqual({ ok: false, message: "Choose a file to upload." });
  });

  it("refuses in the reader's language, naming the file, with sizes written the way that language writes them", async () => {
    expect(await checkUpload(upload(pdfBytes("x".repeat(3000)), "gros.pdf"), 1024, "fr")).toEqual({ ok: false, message: "« gros.pdf » fait 3 Ko ; un fichier ne peut dépasser 1 Ko." });
    expect(await checkUpload(upload(pdfBytes(), "photo.png"), undefined, "fr")).toEqual({
      ok: false,
      message: "« photo.png » est nommé comme une image PNG, mais son contenu est un PDF. Envoyez le fichier lui-même, ou nommez-le .pdf.",
    });
    expect(await checkUpload(null, undefined, "fr")).toEqual({ ok: false, message: "Choisissez un fichier à envoyer." });
    const bytes = Math.round(2.4 * 1024 * 1024);
    expect([formatFileSize(bytes), formatFileSize(bytes, "fr"), formatFileSize(312 * 1024, "fr")]).toEqual(["2.4 MB", "2,4 Mo", "312 Ko"]);
    expect([fileTypeLabel("application/pdf"), fileTypeLabel("image/png", "fr"), fileTypeLabel("application/zip", "fr")]).toEqual(["PDF", "Image PNG", "fichier"]);
  });

  it("keeps a clean file name: no path, no quotes or control characters", () => {
    expect(cleanFilename('C:\\Users\\ana\\"Paper"\u0007 v2.pdf')).toBe("Paper v2.pdf");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
  });
});
