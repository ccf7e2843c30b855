import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/domain/auth/permissions.server";
import { exportCsv } from "~/domain/registration/listing.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { languageOf } from "~/i18n/i18n.server";
import { csvResponse } from "~/utils/csv.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const csv = await exportCsv(actor, meeting.id, new URL(request.url), await languageOf(request));
  return csvResponse(`${meeting.slug}-registrations.csv`, csv);
}
