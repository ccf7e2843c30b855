import type { ReactNode } from "react";
import { TableScroll } from "~/components/ui";

// A chart's figures one click away: a native <details>, so it opens without JavaScript, is announced
// as a disclosure by screen readers, and prints closed (decision 075).
export function ChartData({ children }: { children: ReactNode }) {
  return (
    <details className="chart-data">
      <summary>Show the data</summary>
      <TableScroll>{children}</TableScroll>
    </details>
  );
}
