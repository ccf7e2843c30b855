import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/ui";
import { RegistrationForm } from "~/components/registration-form";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { getUser, redirectWithToast } from "~/domain/auth/session.server";
import { findInvitation } from "~/domain/registration/organiser.server";
import { register, registrationClosedReason } from "~/domain/registration/registration.server";
import { registrationSchema } from "~/domain/registration/registration.schema";
import { formatDateTime, formatRange } from "~/utils/dates";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { rejectHoneypot } from "~/domain/abuse/honeypot.server";
import { clientIp, notFound, readForm } from "~/utils/http.server";
import { fieldRefusal, formReply } from "~/utils/forms.server";
import { languageOf } from "~/i18n/i18n.server";

// Registration through an invitation link: the only way into an invitation-only meeting.

async function invitationOr404(token: string | undefined) {
  const inv = await findInvitation(token ?? "");
  if (!inv) notFound("This invitation link is not valid or has been withdrawn. Please contact the organisers.");
  if (inv.expired) {
    const m = inv.meeting;
    const ask = m.organiserEmail ? `the organisers (${m.organiserEmail})` : "the organisers";
    notFound(`This invitation link to ${m.title} expired on ${formatDateTime(inv.expiresAt, m.timeZone)}. Please ask ${ask} for a new one.`);
  }
  return inv;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const inv = await invitationOr404(params.token);
  const m = inv.meeting;
  const user = await getUser(request);
  return {
    meeting: { title: m.title, when: formatRange(m.startsAt, m.endsAt, m.timeZone), privacyNoticeVersion: m.privacyNoticeVersion, organiserEmail: m.organiserEmail },
    closedReason: registrationClosedReason(m),
    agency: inv.agency,
    agencies: inv.agency ? [] : await listAgencyOptions(),
    defaults: { name: user?.name, email: inv.email ?? user?.email, agencyId: user?.agencyId ?? undefined },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  await enforceLimit("invitationPerIp", clientIp(context));
  const formData = await readForm(request);
  rejectHoneypot(formData);
  const inv = await invitationOr404(params.token);
  const submission = parseWithZod(formData, { schema: registrationSchema });
  if (submission.status !== "success") return formReply(submission);
  const v = submission.value;
  // An agency invitation is for that agency's people only; a personal one for that address only.
  if (inv.agencyId && v.agencyId !== inv.agencyId) return formReply(submission, fieldRefusal("agencyId", "This invitation is for another agency."));
  if (inv.email && inv.email !== v.email.trim().toLowerCase()) return formReply(submission, fieldRefusal("email", `This invitation is for ${inv.email}.`));
  const user = await getUser(request);
  const outcome = await register({
    meetingId: inv.meeting.id,
    person: v,
    consent: v.consent,
    source: "INVITATION",
    language: await languageOf(request),
    invitationId: inv.id,
    userId: user && user.email === v.email.toLowerCase() ? user.id : null,
    overQuota: "waitlist",
  });
  if (!outcome.ok) return formReply(submission, outcome);
  return redirectWithToast(request, `/registrations/${outcome.token}`, "Thank you: your registration is recorded. A confirmation with your private link is on its way.");
}

export default function InvitationPage() {
  const { meeting, closedReason, agency, agencies, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={`Invitation: ${meeting.title}`} />
      <p>{meeting.when}</p>
      {agency ? <p>This invitation is for the delegation of {agency.name}.</p> : null}
      {closedReason ? (
        <Notice kind="warning">{closedReason}</Notice>
      ) : (
        <RegistrationForm lastResult={actionData?.result} agencies={agencies} lockedAgency={agency} defaultValue={defaults} noticeVersion={meeting.privacyNoticeVersion} organiserEmail={meeting.organiserEmail} />
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invitation · ${data?.meeting.title ?? ""} · Convene` }];
