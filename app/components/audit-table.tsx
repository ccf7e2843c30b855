import { Link } from "@remix-run/react";
import type { Segment } from "~/domain/audit/describe";
import { useTranslation } from "~/i18n/react";
import { formatDateTime } from "~/utils/dates";
import { TableScroll } from "./ui";

type Entry = {
  id: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  createdAt: string | Date;
  user: { name: string; email: string } | null;
  sentence: Segment[];
};

/** The entry as a sentence; the things it names link to their pages. */
function Sentence({ parts }: { parts: Segment[] }) {
  return (
    <>
      {parts.map((p, i) => (typeof p === "string" ? <span key={i}>{p}</span> : p.href ? <Link key={i} to={p.href}>{p.text}</Link> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** One changed field per line: "title: Old → New". Values are shown as text, never as markup. */
function changes(before: unknown, after: unknown): string[] {
  const fields = (v: unknown): Record<string, unknown> =>
    v === null || v === undefined ? {} : typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  const b = fields(before);
  const a = fields(after);
  const show = (v: unknown) => (v === undefined || v === null || v === "" ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((k) =>
    k in b && k in a ? `${k}: ${show(b[k])} → ${show(a[k])}` : k in a ? `${k}: ${show(a[k])}` : `${k} (was): ${show(b[k])}`,
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
          const lines = changes(e.before, e.after);
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
                        <li key={i}>{line.length > 300 ? `${line.slice(0, 300)}…` : line}</li>
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
