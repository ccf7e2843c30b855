import { TableScroll } from "~/components/ui";

/**
 * The rows of an imported CSV file that were not saved, each with its reasons: the one table both imports
 * (participants, recommendations) show under their counts.
 */
export function RejectedRows({
  caption,
  headings,
  rows,
}: {
  caption: string;
  /** Column headings: the row number, what names the row (an email, a code), the reasons. */
  headings: [row: string, name: string, reasons: string];
  rows: { row: number; name: string; reasons: string[] }[];
}) {
  if (!rows.length) return null;
  return (
    <TableScroll>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className="rejected">
              <td>{r.row}</td>
              <td>{r.name}</td>
              <td>
                {r.reasons.length === 1 ? (
                  r.reasons[0]
                ) : (
                  <ul>
                    {r.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
