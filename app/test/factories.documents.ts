import { strToU8, zipSync } from "fflate";

// Small real files for upload tests: a PDF, a Word document (a ZIP with the parts Word writes), text.

export function pdfBytes(text = "Background paper"): Buffer {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export function docxBytes(): Buffer {
  const zip = zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
    "word/document.xml": strToU8('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  });
  return Buffer.from(zip);
}

/** A File as a multipart form hands it to an action. */
export const upload = (bytes: Buffer | string, name: string, type = "application/octet-stream") => new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });
