import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/domain/auth/session.server";
import { icsResponse, meetingCalendar } from "~/domain/meetings/ics.server";
import { meetingCalendarData } from "~/domain/meetings/meetings.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = await languageOf(request);
  const meeting = await meetingCalendarData(params.slug ?? "", await getUser(request, context), language);
  const t = await fixedT(language);
  if (!meeting) notFound(t("common:error.notFound.meeting"));
  return icsResponse(`${meeting.slug}.ics`, meetingCalendar(meeting, language));
}
