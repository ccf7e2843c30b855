import { Link } from "@remix-run/react";
import type { Status } from "~/domain/recommendations/status";
import type { Language } from "~/i18n/config";
import { useContentLang } from "./content";
import { useTranslation } from "~/i18n/react";
import { TableScroll } from "./ui";

// The summary record's text and its sections filled from the records: one component for the reading
// page, the staff preview and the staff view of an unpublished record, so the preview is what readers get.

/** `lang`: the title's language, the reader's when translated, else the original's. */
type Row = { id: string; code: string; title: string; lang: Language; status: Status };
type Rendered = {
  parts: ({ kind: "html"; html: string } | { kind: "attendance" } | { kind: "recommendations" })[];
  records: {
    attendance: { agency: string | null; confirmed: number; checkedIn: number }[];
    made: Row[];
    reviewed: (Row & { outcome: string })[];
  };
};

export function SummaryBody({ rendered, linkRecommendations = false }: { rendered: Rendered; linkRecommendations?: boolean }) {
  return (
    <div className="summary-record">
      {rendered.parts.map((p, i) =>
        p.kind === "html" ? (
          // Rendered on the server by markdown-it with raw HTML off and links limited to http(s)/mailto.
          <div key={i} className="summary-text" dangerouslySetInnerHTML={{ __html: p.html }} />
        ) : p.kind === "attendance" ? (
          <Attendance key={i} rows={rendered.records.attendance} />
        ) : (
          <Recommendations key={i} records={rendered.records} link={linkRecommendations} />
        ),
      )}
    </div>
  );
}

function Attendance({ rows }: { rows: Rendered["records"]["attendance"] }) {
  const total = (k: "confirmed" | "checkedIn") => rows.reduce((s, r) => s + r[k], 0);
  const { t } = useTranslation(["admin"]);
  return (
    <section aria-labelledby="summary-attendance" className="summary-section">
      <h2 id="summary-attendance">{t("admin:summary.attendance")}</h2>
      {rows.length ? (
        <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin:agenda.agency")}</th>
                <th scope="col">{t("admin:dashboard.column.confirmed")}</th>
                <th scope="col">{t("admin:summary.checkedIn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.agency ?? ""}>
                  <td>{r.agency ?? t("admin:summary.noAgency")}</td>
                  <td>{r.confirmed}</td>
                  <td>{r.checkedIn}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("admin:summary.total")}</th>
                <td>{total("confirmed")}</td>
                <td>{total("checkedIn")}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      ) : (
        <p>{t("admin:summary.noRegistrations")}</p>
      )}
    </section>
  );
}

function Code({ row, link }: { row: Row; link: boolean }) {
  return link ? <Link to={`/recommendations/${row.id}`}>{row.code}</Link> : <>{row.code}</>;
}

function Recommendations({ records, link }: { records: Rendered["records"]; link: boolean }) {
  const { t } = useTranslation(["admin"]);
  const contentLang = useContentLang();
  return (
    <>
      <section aria-labelledby="summary-made" className="summary-section">
        <h2 id="summary-made">{t("admin:summary.made")}</h2>
        {records.made.length ? (
          <TableScroll>
            <table data-testid="summary-made">
              <thead>
                <tr>
                  <th scope="col">{t("admin:summary.code")}</th>
                  <th scope="col">{t("admin:documents.title")}</th>
                  <th scope="col">{t("admin:dashboard.column.status")}</th>
                </tr>
              </thead>
              <tbody>
                {records.made.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Code row={r} link={link} />
                    </td>
                    <td lang={contentLang(r.lang)}>{r.title}</td>
                    <td>{t(`common:recommendationStatus.${r.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t("admin:summary.nothing")}</p>
        )}
      </section>
      <section aria-labelledby="summary-reviewed" className="summary-section">
        <h2 id="summary-reviewed">{t("admin:summary.reviewed")}</h2>
        {records.reviewed.length ? (
          <TableScroll>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin:summary.code")}</th>
                  <th scope="col">{t("admin:documents.title")}</th>
                  <th scope="col">{t("admin:dashboard.column.status")}</th>
                  <th scope="col">{t("admin:summary.outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {records.reviewed.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Code row={r} link={link} />
                    </td>
                    <td lang={contentLang(r.lang)}>{r.title}</td>
                    <td>{t(`common:recommendationStatus.${r.status}`)}</td>
                    <td style={{ whiteSpace: "pre-line" }}>{r.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t("admin:summary.nothing")}</p>
        )}
      </section>
    </>
  );
}
