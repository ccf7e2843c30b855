import { Fragment } from "react";
import { Link } from "@remix-run/react";
import type { Segment } from "~/domain/audit/describe";
import { useTranslation } from "~/i18n/react";
import { formatDateTime } from "~/utils/dates";
import { TableScroll } from "./ui";

type Entry = { id: string; createdAt: string | Date; sentence: Segment[]; changes: string[] };

/** The entry as a sentence; the things it names link to their pages. */
function Sentence({ parts }: { parts: Segment[] }) {
  return (
    <>
      {parts.map((p, i) => (typeof p === "string" ? <Fragment key={i}>{p}</Fragment> : p.href ? <Link key={i} to={p.href}>{p.text}</Link> : <Fragment key={i}>{p.text}</Fragment>))}
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
