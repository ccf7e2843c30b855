import { Fragment } from "react";
import { Link } from "@remix-run/react";
import type { Segment } from "~/domain/audit/describe";
import { useTranslation } from "~/i18n/react";
import { formatDateTime } from "~/utils/dates";
import { useContentLang } from "./content";
import { TableScroll } from "./ui";

type Entry = { id: string; createdAt: string | Date; sentence: Segment[]; changes: string[] };

/** The entry as a sentence; the things it names link to their pages, a name in another language marked with its `lang`. */
function Sentence({ parts }: { parts: Segment[] }) {
  const contentLang = useContentLang();
  return (
    <>
      {parts.map((p, i) => {
        if (typeof p === "string") return <Fragment key={i}>{p}</Fragment>;
        const lang = contentLang(p.lang);
        if (p.href) return <Link key={i} to={p.href} lang={lang}>{p.text}</Link>;
        return lang ? <span key={i} lang={lang}>{p.text}</span> : <Fragment key={i}>{p.text}</Fragment>;
      })}
    </>
  );
}

export function AuditTable({ entries, caption }: { entries: Entry[]; caption: string }) {
  const { t, language } = useTranslation(["admin"]);
  if (!entries.length) return <p>{t("admin:audit.none")}</p>;
  return (
    <TableScroll>
    <table>
      <caption className="muted">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("admin:audit.when")}</th>
          <th scope="col">{t("admin:audit.what")}</th>
          <th scope="col">{t("admin:audit.details")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const lines = e.changes;
          return (
            <tr key={e.id}>
              <td>{formatDateTime(e.createdAt, "UTC", false, language)}</td>
              <td>
                <Sentence parts={e.sentence} />
              </td>
              <td>
                {lines.length ? (
                  <details>
                    <summary>{t("admin:audit.values", { count: lines.length })}</summary>
                    <ul className="plain">
                      {lines.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </TableScroll>
  );
}
