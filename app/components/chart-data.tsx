import type { ReactNode } from "react";

// A chart's figures one click away: a native <details>, so it opens without JavaScript, is announced
// as a disclosure by screen readers, and prints closed (decision 075).
export function ChartData({ children }: { children: ReactNode }) {
  return (
    <details className="chart-data">
      <summary>Show the data</summary>
      <div className="table-scroll">{children}</div>
    </details>
  );
}
