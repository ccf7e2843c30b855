import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/domain/auth/permissions.server";
import { participantListPdf, participantsByDelegation, pdfResponse } from "~/domain/registration/badges.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { languageOf } from "~/i18n/i18n.server";

/** The participant list by delegation (the printable attendance sheet) as a PDF. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const pdf = await participantListPdf(meeting, await participantsByDelegation(actor, meeting.id), await languageOf(request));
  return pdfResponse(`${meeting.slug}-participants.pdf`, pdf);
}
