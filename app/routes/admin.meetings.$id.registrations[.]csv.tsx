import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/domain/auth/session.server";
import { exportCsv, meetingById, registrationScope } from "~/domain/registration/organiser.server";
import { csvResponse } from "~/utils/csv.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireRole(request, ["ORGANISER"]);
  const meeting = await meetingById(params.id ?? "");
  const csv = await exportCsv(registrationScope(actor, meeting.id), new URL(request.url));
  return csvResponse(`${meeting.slug}-registrations.csv`, csv);
}
