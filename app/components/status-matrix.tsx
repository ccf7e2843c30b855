import { Link } from "@remix-run/react";
import { filterQuery } from "~/components/recommendation-ui";
import { TableScroll } from "~/components/ui";
import type { MatrixRow } from "~/domain/recommendations/dashboard.server";
import { STATUSES } from "~/domain/recommendations/status";
import { useTranslation } from "~/i18n/react";

// Status x lead agency: agencies as rows (the largest first, the rest in one row), statuses as
// columns; each count opens the list filtered to that agency and status.

export function StatusMatrix({
  rows,
  filters,
  links = true,
}: {
  rows: MatrixRow[];
  filters: Record<string, string | boolean | undefined>;
  links?: boolean;
}) {
  const { t } = useTranslation(["recommendations"]);
  const label = (r: MatrixRow) => (r.key === "others" ? t("recommendations:dashboard.otherAgencies", { count: r.others ?? 0 }) : r.label);
  const columns = STATUSES.filter((s) => rows.some((r) => r.byStatus[s] > 0));
  // Each status's name once, not once per cell.
  const statusName = Object.fromEntries(columns.map((s) => [s, t(`common:recommendationStatus.${s}`)]));
  const totals = Object.fromEntries(
    columns.map((s) => [s, rows.reduce((n, r) => n + r.byStatus[s], 0)])
  );
  return (
    <div className="table-scroll">
      <TableScroll>
        <table className="matrix numeric">
          <caption>{t("recommendations:matrix.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("recommendations:column.leadAgency")}</th>
              {columns.map((s) => (
                <th scope="col" key={s}>
                  {statusName[s]}
                </th>
              ))}
              <th scope="col">{t("recommendations:matrix.total")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(r)}</th>
                {columns.map((s) => (
                  <td key={s}>
                    {r.byStatus[s] && links && r.key !== "others" ? (
                      <Link
                        to={`/recommendations${filterQuery({
                          ...filters,
                          agency: r.key,
                          status: s,
                          overdue: undefined,
                        })}`}
                      >
                        {r.byStatus[s]}
                        <span className="visually-hidden">
                          {" "}
                          {t("recommendations:matrix.cellLabel", { status: statusName[s].toLowerCase(), agency: label(r) })}
                        </span>
                      </Link>
                    ) : (
                      r.byStatus[s] || "·"
                    )}
                  </td>
                ))}
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("recommendations:matrix.all")}</th>
              {columns.map((s) => (
                <td key={s}>{totals[s]}</td>
              ))}
              <td>{rows.reduce((n, r) => n + r.count, 0)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}
