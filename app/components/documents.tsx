// Documents as the meeting, agenda and registration pages show them: title linked to its download, then
// type, language and size. The list holds only what the viewer may see and its labels are made on the
// server (documents.server.ts meetingPageDocuments), so this module carries no label tables.

import type { PageDocument } from "~/domain/documents/documents.server";
import { useContentLang } from "~/components/content";
import { useTranslation } from "~/i18n/react";

export type ShownDocument = PageDocument;

/** `query` carries the private registration link's token (`?r=…`) for a reader who is not signed in. */
export function DocumentLink({ doc, query = "" }: { doc: ShownDocument; query?: string }) {
  const contentLang = useContentLang();
  return (
    <>
      <a href={`/files/${doc.key}${query}`} lang={contentLang(doc.lang)}>
        {doc.title}
      </a>{" "}
      <span className="muted">({doc.details})</span>
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
  const { t } = useTranslation(["common"]);
  if (!docs.length) return null;
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("common:documents.heading")}</h2>
      {[...new Map([...docs].sort((a, b) => a.typeRank - b.typeRank).map((d) => [d.typeLabel, d.typeLabel])).keys()].map((label) => (
        <div key={label}>
          <h3>{label}</h3>
          <DocumentList docs={docs.filter((d) => d.typeLabel === label)} query={query} />
        </div>
      ))}
      <p>
        <a className="button secondary" href={zipHref} download>
          {t("common:documents.zip")}
        </a>
      </p>
    </section>
  );
}
