import { parseWithZod, unstable_coerceFormValue as coerceFormValue } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/ui";
import { RegistrationForm } from "~/components/registration-form";
import { getUser, redirectWithToast } from "~/domain/auth/session.server";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { meetingBySlug } from "~/domain/registration/organiser.server";
import { meetingIdBySlug, register, registrationClosedReason } from "~/domain/registration/registration.server";
import { registrationSchema } from "~/domain/registration/registration.schema";
import { formatRange } from "~/utils/dates";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { rejectHoneypot } from "~/domain/abuse/honeypot.server";
import { clientIp, notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import type { TKey } from "~/i18n/translate";

export const handle = { i18n: ["registration"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const meeting = await meetingBySlug(params.slug ?? "");
  const language = await languageOf(request);
  const t = await fixedT(language);
  if (meeting.status === "DRAFT") notFound(t("meetings:notFound"));
  const user = await getUser(request);
  const closedReason: TKey<"registration"> | null = meeting.visibility === "INVITATION" ? "registration:error.invitationOnly" : registrationClosedReason(meeting);
  return {
    title: t("registration:register.title", { meeting: meeting.title }),
    meeting: {
      title: meeting.title,
      slug: meeting.slug,
      when: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language),
      privacyNoticeVersion: meeting.privacyNoticeVersion,
      organiserEmail: meeting.organiserEmail,
    },
    closedReason,
    agencies: await listAgencyOptions(),
    defaults: user ? { name: user.name, email: user.email, agencyId: user.agencyId ?? undefined } : undefined,
  };
}

// parseWithZod rebuilds the form-coerced schema on every call (about 1 ms of CPU): built once here (issue 10);
// PURE lets the client build drop it with the action.
const registrationForm = /* @__PURE__ */ coerceFormValue(registrationSchema);

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceLimit("registrationPerIp", clientIp(context));
  const formData = await readForm(request);
  rejectHoneypot(formData);
  const meetingId = await meetingIdBySlug(params.slug ?? "");
  const submission = parseWithZod(formData, { schema: registrationForm, disableAutoCoercion: true });
  if (submission.status !== "success") return formReply(submission);
  const user = await getUser(request);
  const v = submission.value;
  const outcome = await register({
    meetingId,
    person: v,
    consent: v.consent,
    source: "SELF",
    language: await languageOf(request),
    userId: user && user.email === v.email.toLowerCase() ? user.id : null,
    overQuota: "waitlist",
  });
  if (!outcome.ok) return formReply(submission, outcome);
  const t = await fixedT(request);
  const message = t(`registration:register.done.${outcome.status as "CONFIRMED" | "PENDING" | "WAITLISTED"}`);
  return redirectWithToast(request, `/registrations/${outcome.token}`, message);
}

export default function RegisterPage() {
  const { meeting, closedReason, agencies, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["registration"]);
  return (
    <>
      <PageHeader title={t("registration:register.heading", { meeting: meeting.title })} />
      <p>{meeting.when}</p>
      <p>
        <Link to={`/meetings/${meeting.slug}`}>{t("registration:register.back")}</Link>
      </p>
      {closedReason ? (
        <Notice kind="warning">{t(closedReason)}</Notice>
      ) : (
        <RegistrationForm lastResult={actionData?.result} agencies={agencies} defaultValue={defaults} noticeVersion={meeting.privacyNoticeVersion} organiserEmail={meeting.organiserEmail} />
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
