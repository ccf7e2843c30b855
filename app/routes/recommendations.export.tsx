import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/domain/auth/permissions.server";
import { dashboard, implementationRate } from "~/domain/recommendations/dashboard.server";
import { CSV_HEADER, filtersFrom, recommendationsCsvRows } from "~/domain/recommendations/recommendations.server";
import { csvResponse, toCsv } from "~/utils/csv.server";

// CSV downloads: the filtered list (?view=list, the default) or the dashboard figures (?view=dashboard).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const dashboardView = url.searchParams.get("view") === "dashboard";
  const user = await requireCapability(request, dashboardView ? "recommendations:manage" : "recommendations:view");
  const filters = filtersFrom(url);
  const stamp = new Date().toISOString().slice(0, 10);
  if (dashboardView) {
    const [d, rate] = await Promise.all([dashboard(user, filters, { all: true }), implementationRate(user, { ...filters, overdue: false })]);
    const rows: unknown[][] = [
      ...d.byStatus.map((c) => ["status", c.label, c.count]),
      ...d.byAgency.map((c) => ["lead agency", c.label, c.count]),
      ...d.byTheme.map((c) => ["theme", c.label, c.count]),
      ...d.byMeeting.map((c) => ["meeting", c.label, c.count]),
      ...rate.map((p) => ["implementation rate %", p.period, p.rate]),
      ["overdue", "all", d.overdueCount],
    ];
    return csvResponse(`recommendations-dashboard-${stamp}.csv`, toCsv(["figure", "group", "value"], rows));
  }
  return csvResponse(`recommendations-${stamp}.csv`, toCsv(CSV_HEADER, await recommendationsCsvRows(user, filters)));
}
