import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/domain/auth/permissions.server";
import { BADGE_LAYOUTS, badgesPdf, participantsByDelegation, pdfResponse, type BadgeLayout } from "~/domain/registration/badges.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { languageOf, tFor } from "~/i18n/i18n.server";
import { badRequest, notFound } from "~/utils/http.server";

// Badges of the confirmed participants as a PDF (docs/decisions/074-badges.md). Optional query:
// layout=sheet|single, agency=<id> (one delegation), registration=<id> (one person).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const query = new URL(request.url).searchParams;
  const language = await languageOf(request);
  const t = tFor(language);
  const layout = query.get("layout") ?? "sheet";
  if (!(layout in BADGE_LAYOUTS)) badRequest(t("registrations:badges.badLayout"));
  const groups = await participantsByDelegation(actor, meeting.id, {
    agencyId: query.get("agency")?.slice(0, 64) || undefined,
    registrationId: query.get("registration")?.slice(0, 64) || undefined,
  });
  if (!groups.length) notFound(t("registrations:badges.none"));
  const pdf = await badgesPdf(meeting, groups, layout as BadgeLayout, language);
  return pdfResponse(`${meeting.slug}-badges.pdf`, pdf);
}
