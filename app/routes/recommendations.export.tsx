import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/domain/auth/permissions.server";
import { dashboard, implementationRate } from "~/domain/recommendations/dashboard.server";
import type { Status } from "~/domain/recommendations/status";
import { CSV_HEADER, filtersFrom, recommendationsCsvRows } from "~/domain/recommendations/recommendations.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { csvResponse, toCsv } from "~/utils/csv.server";

// CSV downloads: the filtered list (?view=list, the default) or the dashboard figures (?view=dashboard).
// The list's header and values are the import's columns and codes (a file to edit and import again), the
// same in every language (the content, title, text and theme names, is in the reader's language where
// translated: the import knows a theme by either name); the dashboard figures are for reading, in the
// reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const dashboardView = url.searchParams.get("view") === "dashboard";
  const user = await requireCapability(request, dashboardView ? "recommendations:manage" : "recommendations:view");
  const filters = filtersFrom(url);
  const stamp = new Date().toISOString().slice(0, 10);
  if (dashboardView) {
    const [d, rate, t] = await Promise.all([dashboard(user, filters, { all: true, language: await languageOf(request) }), implementationRate(user, { ...filters, overdue: false }), fixedT(request)]);
    const rows: unknown[][] = [
      ...d.byStatus.map((c) => [t("recommendations:csv.status"), t(`common:recommendationStatus.${c.key as Status}`), c.count]),
      ...d.byAgency.map((c) => [t("recommendations:csv.leadAgency"), c.label, c.count]),
      ...d.byTheme.map((c) => [t("recommendations:csv.theme"), c.label, c.count]),
      ...d.byMeeting.map((c) => [t("recommendations:csv.meeting"), c.label, c.count]),
      ...rate.map((p) => [t("recommendations:csv.rate"), p.period, p.rate]),
      [t("recommendations:csv.overdue"), t("recommendations:csv.all"), d.overdueCount],
    ];
    const header = [t("recommendations:csv.figure"), t("recommendations:csv.group"), t("recommendations:csv.value")];
    return csvResponse(`recommendations-dashboard-${stamp}.csv`, toCsv(header, rows));
  }
  return csvResponse(`recommendations-${stamp}.csv`, toCsv(CSV_HEADER, await recommendationsCsvRows(user, filters, await languageOf(request))));
}
