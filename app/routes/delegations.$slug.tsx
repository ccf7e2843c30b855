import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { ConfirmButton, ConfirmStep, useConfirmTarget } from "~/components/confirm";
import { Notice, PageHeader, StatusBadge, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { agencyDelegation, focalPointMayRegister, meetingBySlug, registerDelegates, registrationInScope, setHeadOfDelegation, type DelegateRow } from "~/domain/registration/organiser.server";
import { cancelRegistration, registrationClosedReason } from "~/domain/registration/registration.server";
import { REGISTRATION_ROLES, ROLE_LABELS, STATUS_LABELS, delegateRowSchema, delegationFormSchema } from "~/domain/registration/registration.schema";
import { formatRange } from "~/utils/dates";
import { badRequest, forbidden, readForm } from "~/utils/http.server";
import { formRefusal, formReply, refusalMessages } from "~/utils/forms.server";

// A focal point nominates and registers their agency's delegates for one meeting, within the quota.

const ROWS = 5;

async function context(request: Request, slug: string | undefined) {
  const actor = await requireCapability(request, "delegation:manage");
  const meeting = await meetingBySlug(slug ?? "");
  if (!(await focalPointMayRegister(meeting, actor.agencyId!))) forbidden("Your agency is not invited to this meeting.");
  return { actor, meeting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, meeting } = await context(request, params.slug);
  const d = await agencyDelegation(actor, meeting.id);
  return {
    meeting: { title: meeting.title, slug: meeting.slug, when: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone) },
    closedReason: registrationClosedReason(meeting),
    ...d,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, meeting } = await context(request, params.slug);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "cancel") return redirect(`/delegations/${meeting.slug}?confirm=cancel&id=${encodeURIComponent(String(formData.get("id") ?? ""))}`);
  if (intent === "confirm-cancel") {
    const reg = await registrationInScope(actor, meeting.id, String(formData.get("id") ?? ""));
    if (!reg) forbidden("You can only change your own agency's delegates.");
    const res = await cancelRegistration(reg.id, actor.id, "Cancelled by the agency focal point");
    return redirectWithToast(request, `/delegations/${meeting.slug}`, res.ok ? "Registration cancelled." : refusalMessages(res).join(" "));
  }
  if (intent === "head") {
    if (!(await setHeadOfDelegation(actor, meeting.id, String(formData.get("id") ?? "")))) forbidden("You can only choose a confirmed or pending delegate of your own agency.");
    return redirectWithToast(request, `/delegations/${meeting.slug}`, "Head of delegation saved.");
  }
  if (intent !== "register") badRequest();
  const submission = parseWithZod(formData, { schema: delegationFormSchema });
  if (submission.status !== "success") return formReply(submission);
  const fieldErrors: Record<string, string[]> = {};
  const rows: DelegateRow[] = [];
  submission.value.delegates.forEach((raw, index) => {
    if (!raw.name?.trim() && !raw.email?.trim() && !raw.jobTitle?.trim()) return;
    const parsed = delegateRowSchema.safeParse({ ...raw, role: raw.role || "DELEGATE" });
    if (parsed.success) rows.push({ index, person: parsed.data });
    else for (const issue of parsed.error.issues) (fieldErrors[`delegates[${index}].${issue.path.join(".")}`] ??= []).push(issue.message);
  });
  // Each filled row is checked on its own, so an empty row in the middle is no error.
  if (Object.keys(fieldErrors).length) return formReply(submission, { ok: false, fieldErrors });
  if (!rows.length) return formReply(submission, formRefusal("Enter at least one delegate."));
  const res = await registerDelegates(actor, meeting.id, rows);
  if (!res.ok) return formReply(submission, res);
  return redirectWithToast(request, `/delegations/${meeting.slug}`, `${res.count} delegates registered. Each receives an email with their private link.`);
}

export default function Delegation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { meeting, agency, delegation, people, used, left } = data;
  const confirmId = useConfirmTarget("cancel");
  const confirming = people.find((p) => p.id === confirmId && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status));
  return (
    <>
      <PageHeader title={`${agency.name}: delegation to ${meeting.title}`} />
      <p>{meeting.when}</p>
      <p>
        {used} registered{delegation?.quota != null ? ` of a quota of ${delegation.quota} (${left} left)` : " (no quota)"}
        {delegation?.reservedSeats ? ` · ${delegation.reservedSeats} seats reserved for your agency` : ""}
      </p>
      <h2>Your delegates</h2>
      {confirming ? (
        <ConfirmStep
          title={`Cancel the registration of ${confirming.name}?`}
          intent="confirm-cancel"
          fields={{ id: confirming.id }}
          confirmLabel={`Yes, cancel ${confirming.name}`}
          keepLabel="No, keep this delegate"
        >
          <p>This frees the seat (it counts against your quota no more) and emails {confirming.name} a cancellation. It cannot be undone.</p>
        </ConfirmStep>
      ) : null}
      {people.length === 0 ? (
        <p>Nobody from your agency is registered yet.</p>
      ) : (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  {["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status) ? <Link to={`/delegations/${meeting.slug}/${p.id}`}>{p.name}</Link> : p.name}
                  {delegation?.headRegistrationId === p.id ? " (head of delegation)" : ""}
                </td>
                <td>{p.email}</td>
                <td>{ROLE_LABELS[p.role as keyof typeof ROLE_LABELS] ?? p.role}</td>
                <td>
                  <StatusBadge status={p.status} label={STATUS_LABELS[p.status]} />
                </td>
                <td>
                  {["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status) ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={p.id} />
                      {p.status !== "WAITLISTED" && delegation?.headRegistrationId !== p.id ? (
                        <SubmitButton name="intent" value="head" className="secondary" aria-label={`Make ${p.name} head of delegation`}>
                          Make head
                        </SubmitButton>
                      ) : null}
                    </Form>
                  ) : null}
                  {["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status) ? (
                    <ConfirmButton what="cancel" id={p.id} className="secondary" label={`Cancel ${p.name}`}>
                      Cancel
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <h2>Register delegates</h2>
      {data.closedReason ? <Notice kind="warning">{data.closedReason}</Notice> : <DelegatesForm key={people.length} lastResult={actionData?.result} />}
      <p>
        <Link to={`/meetings/${meeting.slug}`}>Meeting page</Link>
      </p>
    </>
  );
}

function DelegatesForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm<{ delegates: { name: string; email: string; jobTitle: string; role: string }[] }>({
    lastResult,
    defaultValue: { delegates: Array.from({ length: ROWS }, () => ({ name: "", email: "", jobTitle: "", role: "DELEGATE" })) },
    shouldRevalidate: "onBlur",
  });
  const rows = fields.delegates.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <p>Fill in one row per delegate; empty rows are ignored. All rows are registered together or not at all. Each delegate receives an email with a private link to check and complete their details.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="register" />
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Full name</th>
            <th scope="col">Email address</th>
            <th scope="col">Job title</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const f = row.getFieldset();
            return (
              <tr key={row.key}>
                <td>{i + 1}</td>
                {(["name", "email", "jobTitle"] as const).map((k) => (
                  <td key={k}>
                    <input {...getInputProps(f[k], { type: k === "email" ? "email" : "text", ariaAttributes: true })} aria-label={`${{ name: "Full name", email: "Email address", jobTitle: "Job title" }[k]}, delegate ${i + 1}`} aria-describedby={f[k].errors?.length ? f[k].errorId : undefined} />
                    <ErrorList id={f[k].errorId} errors={f[k].errors} />
                  </td>
                ))}
                <td>
                  <select {...getSelectProps(f.role)} aria-label={`Role, delegate ${i + 1}`}>
                    {REGISTRATION_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </TableScroll>
      <SubmitButton>Register these delegates</SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Delegation · ${data?.meeting.title ?? ""} · Convene` }];
