import { Link } from "@remix-run/react";
import { filterQuery } from "~/components/recommendation-ui";
import { TableScroll } from "~/components/ui";
import type { MatrixRow } from "~/domain/recommendations/dashboard.server";
import { STATUSES, STATUS_LABELS } from "~/domain/recommendations/status";

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
  const columns = STATUSES.filter((s) => rows.some((r) => r.byStatus[s] > 0));
  const totals = Object.fromEntries(
    columns.map((s) => [s, rows.reduce((n, r) => n + r.byStatus[s], 0)])
  );
  return (
    <div className="table-scroll">
      <TableScroll>
        <table className="matrix numeric">
          <caption>Recommendations by lead agency and status</caption>
          <thead>
            <tr>
              <th scope="col">Lead agency</th>
              {columns.map((s) => (
                <th scope="col" key={s}>
                  {STATUS_LABELS[s]}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
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
                          {STATUS_LABELS[s].toLowerCase()}, led by {r.label}
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
              <th scope="row">All</th>
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
