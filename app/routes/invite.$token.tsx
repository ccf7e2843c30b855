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
import { fixedT, languageOf } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";

// Registration through an invitation link: the only way into an invitation-only meeting.

export const handle = { i18n: ["registration"] };

async function invitationOr404(token: string | undefined, language: Language) {
  const inv = await findInvitation(token ?? "");
  const t = await fixedT(language);
  if (!inv) notFound(t("registration:invite.notFound"));
  if (inv.expired) {
    const m = inv.meeting;
    const contact = m.organiserEmail ? t("registration:invite.theOrganisersAt", { email: m.organiserEmail }) : t("registration:form.theOrganisers");
    notFound(t("registration:invite.expired", { meeting: m.title, date: formatDateTime(inv.expiresAt, m.timeZone, false, language), contact }));
  }
  return inv;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const language = await languageOf(request);
  const inv = await invitationOr404(params.token, language);
  const m = inv.meeting;
  const user = await getUser(request);
  const t = await fixedT(language);
  return {
    title: t("registration:invite.title", { meeting: m.title }),
    meeting: {
      title: m.title,
      when: formatRange(m.startsAt, m.endsAt, m.timeZone, language),
      privacyNoticeVersion: m.privacyNoticeVersion,
      organiserEmail: m.organiserEmail,
    },
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
  const language = await languageOf(request);
  const t = await fixedT(language);
  const inv = await invitationOr404(params.token, language);
  const submission = parseWithZod(formData, { schema: registrationSchema });
  if (submission.status !== "success") return formReply(submission);
  const v = submission.value;
  // An agency invitation is for that agency's people only; a personal one for that address only.
  if (inv.agencyId && v.agencyId !== inv.agencyId) return formReply(submission, fieldRefusal("agencyId", t("registration:invite.otherAgency")));
  if (inv.email && inv.email !== v.email.trim().toLowerCase()) return formReply(submission, fieldRefusal("email", t("registration:invite.otherEmail", { email: inv.email })));
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
  return redirectWithToast(request, `/registrations/${outcome.token}`, t("registration:invite.done"));
}

export default function InvitationPage() {
  const { meeting, closedReason, agency, agencies, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["registration"]);
  return (
    <>
      <PageHeader title={t("registration:invite.heading", { meeting: meeting.title })} />
      <p>{meeting.when}</p>
      {agency ? <p>{t("registration:invite.forAgency", { agency: agency.name })}</p> : null}
      {closedReason ? (
        <Notice kind="warning">{t(closedReason)}</Notice>
      ) : (
        <RegistrationForm lastResult={actionData?.result} agencies={agencies} lockedAgency={agency} defaultValue={defaults} noticeVersion={meeting.privacyNoticeVersion} organiserEmail={meeting.organiserEmail} />
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
