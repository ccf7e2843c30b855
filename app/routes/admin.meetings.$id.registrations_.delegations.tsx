import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice, TableScroll } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import {
  createInvitation,
  delegationMembers,
  listDelegations,
  listInvitations,
  meetingById,
  revokeInvitation,
  saveDelegation,
} from "~/domain/registration/organiser.server";
import { delegationSettingsSchema, invitationSchema } from "~/domain/registration/registration.schema";
import { formatDateTime, formatShortDate, zoneLabel } from "~/utils/dates";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formReply } from "~/utils/forms.server";
import { badRequest, readForm } from "~/utils/http.server";

export const handle = { i18n: ["registrations"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const [delegations, { invitations, defaultExpiry }, agencies] = await Promise.all([listDelegations(actor, meeting.id), listInvitations(actor, meeting.id), listAgencyOptions()]);
  const members = Object.fromEntries(
    await Promise.all(delegations.map(async (d) => [d.agency.id, await delegationMembers(actor, meeting.id, d.agency.id)] as const)),
  );
  const t = await fixedT(request);
  return { title: t("registrations:title.delegations"), meeting: { id: meeting.id, visibility: meeting.visibility, timeZone: meeting.timeZone }, delegations, invitations, defaultExpiry, agencies, members };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const intent = form.get("intent");
  const t = await fixedT(request);
  const here = `/admin/meetings/${meeting.id}/registrations/delegations`;
  if (intent === "delegation") {
    const submission = parseWithZod(form, { schema: delegationSettingsSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { form: "delegation", inviteUrl: null });
    const res = await saveDelegation(actor, meeting.id, submission.value);
    if (!res.ok) return formReply(submission, res, { form: "delegation", inviteUrl: null });
    return redirectWithToast(request, here, t("registrations:delegations.toast.saved"));
  }
  if (intent === "invite") {
    const submission = parseWithZod(form, { schema: invitationSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { form: "invite", inviteUrl: null });
    const res = await createInvitation(actor, meeting.id, submission.value);
    if (!res.ok) return formReply(submission, res, { form: "invite", inviteUrl: null });
    return { form: "invite", result: submission.reply({ resetForm: true }), inviteUrl: res.url, inviteExpiresAt: res.expiresAt };
  }
  if (intent === "revoke") {
    await revokeInvitation(actor, meeting.id, String(form.get("invitationId") ?? ""));
    return redirectWithToast(request, here, t("registrations:delegations.toast.revoked"));
  }
  badRequest();
}

export default function DelegationsAdmin() {
  const { meeting, delegations, invitations, defaultExpiry, agencies, members } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t, language } = useTranslation(["registrations"]);
  return (
    <>
      <h2>{t("registrations:delegations.heading")}</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>{t("registrations:backToList")}</Link>
      </p>
      <TableScroll>
      <table>
        <caption className="muted">{t("registrations:delegations.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("registrations:delegations.agency")}</th>
            <th scope="col">{t("registrations:delegations.registered")}</th>
            <th scope="col">{t("registrations:delegations.quota")}</th>
            <th scope="col">{t("registrations:delegations.reserved")}</th>
            <th scope="col">{t("registrations:delegations.head")}</th>
          </tr>
        </thead>
        <tbody>
          {delegations.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.agency.name}</th>
              <td>{d.used}</td>
              <td>{d.quota ?? t("registrations:delegations.noQuota")}</td>
              <td>{d.reservedSeats}</td>
              <td>{d.headRegistration?.name ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <DelegationForm agencies={agencies} members={members} lastResult={data?.form === "delegation" ? data.result : undefined} />
      <h3>{t("registrations:delegations.invitations")}</h3>
      {meeting.visibility !== "INVITATION" ? <p className="muted">{t("registrations:delegations.publicMeeting")}</p> : null}
      {data?.inviteUrl ? (
        <Notice kind="success">
          {t("registrations:delegations.inviteLink")} <code>{data.inviteUrl}</code>
          {"inviteExpiresAt" in data && data.inviteExpiresAt
            ? t("registrations:delegations.worksUntil", { when: formatDateTime(data.inviteExpiresAt, meeting.timeZone, false, language) })
            : null}
        </Notice>
      ) : null}
      <InviteForm
        agencies={agencies}
        lastResult={data?.form === "invite" ? data.result : undefined}
        expiryHint={t("registrations:delegations.expiryHint", {
          when: formatDateTime(defaultExpiry, meeting.timeZone, false, language),
          zone: zoneLabel(meeting.timeZone, defaultExpiry, language),
        })}
      />
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("registrations:delegations.for")}</th>
            <th scope="col">{t("registrations:delegations.created")}</th>
            <th scope="col">{t("registrations:delegations.expires")}</th>
            <th scope="col">{t("registrations:delegations.state")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <td>{[i.agency?.name, i.email].filter(Boolean).join(" · ")}</td>
              <td>{formatShortDate(i.createdAt, meeting.timeZone, language)}</td>
              <td>{formatDateTime(i.expiresAt, meeting.timeZone, false, language)}</td>
              <td>
                {i.revokedAt ? (
                  t("registrations:delegations.revoked")
                ) : i.expired ? (
                  t("registrations:delegations.expired")
                ) : (
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <SubmitButton name="intent" value="revoke" className="secondary">
                      {t("registrations:delegations.revoke")}
                    </SubmitButton>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

type Result = SubmissionResult<string[]> | undefined;

function DelegationForm({ agencies, members, lastResult }: { agencies: { value: string; label: string }[]; members: Record<string, { id: string; name: string }[]>; lastResult: Result }) {
  const [form, fields] = useForm({ id: "delegation", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: delegationSettingsSchema }), shouldRevalidate: "onBlur" });
  const heads = Object.values(members).flat();
  const { t } = useTranslation(["registrations"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <h3>{t("registrations:delegations.formHeading")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="delegation" />
      <SelectField field={fields.agencyId} label={t("registrations:delegations.agency")} options={agencies} placeholder={t("registrations:delegations.chooseAgency")} required />
      <InputField field={fields.quota} label={t("registrations:delegations.quota")} type="number" min={0} hint={t("registrations:delegations.quotaHint")} />
      <InputField field={fields.reservedSeats} label={t("registrations:delegations.reserved")} type="number" min={0} />
      <SelectField
        field={fields.headRegistrationId}
        label={t("registrations:delegations.head")}
        options={heads.map((h) => ({ value: h.id, label: h.name }))}
        placeholder={t("registrations:delegations.none")}
        hint={t("registrations:delegations.headHint")}
      />
      <SubmitButton>{t("registrations:delegations.save")}</SubmitButton>
    </Form>
  );
}

function InviteForm({ agencies, lastResult, expiryHint }: { agencies: { value: string; label: string }[]; lastResult: Result; expiryHint: string }) {
  const [form, fields] = useForm({ id: "invite", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }), shouldRevalidate: "onBlur" });
  const { t } = useTranslation(["registrations"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="invite" />
      <SelectField field={fields.agencyId} label={t("registrations:delegations.inviteAgency")} options={agencies} placeholder={t("registrations:delegations.noAgency")} />
      <InputField field={fields.email} label={t("registrations:delegations.inviteEmail")} type="email" hint={t("registrations:delegations.inviteEmailHint")} />
      <InputField field={fields.expiresAt} label={t("registrations:delegations.inviteUntil")} type="datetime-local" hint={expiryHint} />
      <SubmitButton>{t("registrations:delegations.create")}</SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
