import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, formatFileSize } from "~/domain/documents/labels";
import type { DocumentType } from "~/generated/prisma/enums.ts";

// Documents as the meeting and agenda pages show them: title linked to its download, then type,
// language and size. The list holds only what the viewer may see (documents.server.ts decides).

export type ShownDocument = { title: string; type: DocumentType; language: string; size: number; key: string; agendaItemId: string | null };

let languageNames: Intl.DisplayNames | undefined;
function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(["en"], { type: "language" });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** `query` carries the private registration link's token (`?r=…`) for a reader who is not signed in. */
export function DocumentLink({ doc, query = "" }: { doc: ShownDocument; query?: string }) {
  return (
    <>
      <a href={`/files/${doc.key}${query}`}>{doc.title}</a>{" "}
      <span className="muted">
        ({DOCUMENT_TYPE_LABELS[doc.type]}, {languageName(doc.language)}, {formatFileSize(doc.size)})
      </span>
    </>
  );
}

export function DocumentList({ docs, label, query }: { docs: ShownDocument[]; label?: string; query?: string }) {
  if (!docs.length) return null;
  return (
    <ul className="documents" aria-label={label}>
      {docs.map((d) => (
        <li key={d.key}>
          <DocumentLink doc={d} query={query} />
        </li>
      ))}
    </ul>
  );
}

/** The meeting's Documents section: every document the viewer may see, grouped by type, and the ZIP. */
export function DocumentsSection({ docs, zipHref, query }: { docs: ShownDocument[]; zipHref: string; query?: string }) {
  if (!docs.length) return null;
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      {DOCUMENT_TYPES.map((type) => {
        const ofType = docs.filter((d) => d.type === type);
        if (!ofType.length) return null;
        return (
          <div key={type}>
            <h3>{DOCUMENT_TYPE_LABELS[type]}</h3>
            <DocumentList docs={ofType} query={query} />
          </div>
        );
      })}
      <p>
        <a className="button secondary" href={zipHref} download>
          Download all as ZIP
        </a>
      </p>
    </section>
  );
}
