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
import { formReply } from "~/utils/forms.server";
import { badRequest, readForm } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const [delegations, { invitations, defaultExpiry }, agencies] = await Promise.all([listDelegations(actor, meeting.id), listInvitations(actor, meeting.id), listAgencyOptions()]);
  const members = Object.fromEntries(
    await Promise.all(delegations.map(async (d) => [d.agency.id, await delegationMembers(actor, meeting.id, d.agency.id)] as const)),
  );
  return { meeting: { id: meeting.id, visibility: meeting.visibility, timeZone: meeting.timeZone }, delegations, invitations, defaultExpiry, agencies, members };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const intent = form.get("intent");
  const here = `/admin/meetings/${meeting.id}/registrations/delegations`;
  if (intent === "delegation") {
    const submission = parseWithZod(form, { schema: delegationSettingsSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { form: "delegation", inviteUrl: null });
    const res = await saveDelegation(actor, meeting.id, submission.value);
    if (!res.ok) return formReply(submission, res, { form: "delegation", inviteUrl: null });
    return redirectWithToast(request, here, "Delegation saved.");
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
    return redirectWithToast(request, here, "Invitation revoked: its link no longer works.");
  }
  badRequest();
}

export default function DelegationsAdmin() {
  const { meeting, delegations, invitations, defaultExpiry, agencies, members } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <h2>Delegations and invitations</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>Back to registrations</Link>
      </p>
      <TableScroll>
      <table>
        <caption className="muted">Quota: most confirmed and pending delegates of the agency. Reserved seats: held back from general registration for that agency.</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Registered</th>
            <th scope="col">Quota</th>
            <th scope="col">Reserved seats</th>
            <th scope="col">Head of delegation</th>
          </tr>
        </thead>
        <tbody>
          {delegations.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.agency.name}</th>
              <td>{d.used}</td>
              <td>{d.quota ?? "No quota"}</td>
              <td>{d.reservedSeats}</td>
              <td>{d.headRegistration?.name ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <DelegationForm agencies={agencies} members={members} lastResult={data?.form === "delegation" ? data.result : undefined} />
      <h3>Invitations</h3>
      {meeting.visibility !== "INVITATION" ? <p className="muted">This meeting is public; invitation links also work here, for example for a person's own link.</p> : null}
      {data?.inviteUrl ? (
        <Notice kind="success">
          Invitation link (shown once, copy it now): <code>{data.inviteUrl}</code>
          {"inviteExpiresAt" in data && data.inviteExpiresAt ? ` It works until ${formatDateTime(data.inviteExpiresAt, meeting.timeZone)}.` : null}
        </Notice>
      ) : null}
      <InviteForm
        agencies={agencies}
        lastResult={data?.form === "invite" ? data.result : undefined}
        expiryHint={`Empty: ${formatDateTime(defaultExpiry, meeting.timeZone)} (when registration closes, or the meeting's end). In the meeting's time zone, ${zoneLabel(meeting.timeZone, defaultExpiry)}.`}
      />
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">For</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <td>{[i.agency?.name, i.email].filter(Boolean).join(" · ")}</td>
              <td>{formatShortDate(i.createdAt, meeting.timeZone)}</td>
              <td>{formatDateTime(i.expiresAt, meeting.timeZone)}</td>
              <td>
                {i.revokedAt ? (
                  "Revoked"
                ) : i.expired ? (
                  "Expired"
                ) : (
                  <Form method="post">
                    <input type="hidden" name="invitationId" value={i.id} />
                    <SubmitButton name="intent" value="revoke" className="secondary">
                      Revoke
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
  return (
    <Form method="post" {...getFormProps(form)}>
      <h3>Add or change a delegation</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="delegation" />
      <SelectField field={fields.agencyId} label="Agency" options={agencies} placeholder="Choose an agency" required />
      <InputField field={fields.quota} label="Quota" type="number" min={0} hint="Leave empty for no quota." />
      <InputField field={fields.reservedSeats} label="Reserved seats" type="number" min={0} />
      <SelectField field={fields.headRegistrationId} label="Head of delegation" options={heads.map((h) => ({ value: h.id, label: h.name }))} placeholder="None" hint="A confirmed or pending member of that agency." />
      <SubmitButton>Save delegation</SubmitButton>
    </Form>
  );
}

function InviteForm({ agencies, lastResult, expiryHint }: { agencies: { value: string; label: string }[]; lastResult: Result; expiryHint: string }) {
  const [form, fields] = useForm({ id: "invite", lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }), shouldRevalidate: "onBlur" });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="invite" />
      <SelectField field={fields.agencyId} label="Invite an agency" options={agencies} placeholder="No agency (a person)" />
      <InputField field={fields.email} label="Email address to send the link to" type="email" hint="Optional for an agency invitation; the link is shown here once either way." />
      <InputField field={fields.expiresAt} label="Link works until" type="datetime-local" hint={expiryHint} />
      <SubmitButton>Create invitation</SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Delegations · Organise · Convene" }];
