import type { LoaderFunctionArgs } from "@remix-run/node";
import { icsResponse, seriesCalendar } from "~/domain/meetings/ics.server";
import { seriesCalendarData } from "~/domain/series/series.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = await languageOf(request);
  const series = await seriesCalendarData(params.slug ?? "", language);
  if (!series) {
    const t = await fixedT(language);
    notFound(t("common:error.notFound.series"));
  }
  return icsResponse(`${params.slug}.ics`, seriesCalendar(series.name, series.meetings, language));
}
