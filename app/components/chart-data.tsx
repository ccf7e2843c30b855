import type { ReactNode } from "react";
import { TableScroll } from "~/components/ui";
import { useTranslation } from "~/i18n/react";

// A chart's figures one click away: a native <details>, so it opens without JavaScript, is announced
// as a disclosure by screen readers, and prints closed (decision 075).
export function ChartData({ children }: { children: ReactNode }) {
  const { t } = useTranslation(["recommendations"]);
  return (
    <details className="chart-data">
      <summary>{t("recommendations:chart.showData")}</summary>
      <TableScroll>{children}</TableScroll>
    </details>
  );
}
