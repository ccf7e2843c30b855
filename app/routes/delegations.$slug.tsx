import { key } from "~/i18n/translate";
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
import { REGISTRATION_ROLES, delegateRowSchema, delegationFormSchema, type RegistrationRole } from "~/domain/registration/registration.schema";
import { formatRange } from "~/utils/dates";
import { badRequest, forbidden, readForm } from "~/utils/http.server";
import { formRefusal, formReply, refusalMessages } from "~/utils/forms.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["registration"] };

// A focal point nominates and registers their agency's delegates for one meeting, within the quota.

const ROWS = 5;

async function context(request: Request, slug: string | undefined) {
  const actor = await requireCapability(request, "delegation:manage");
  const meeting = await meetingBySlug(slug ?? "");
  const language = await languageOf(request);
  const t = await fixedT(language);
  if (!(await focalPointMayRegister(meeting, actor.agencyId!))) forbidden(t("registration:delegation.notInvited"));
  return { actor, meeting, language, t };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, meeting, language, t } = await context(request, params.slug);
  const d = await agencyDelegation(actor, meeting.id);
  return {
    title: t("registration:delegation.title", { meeting: meeting.title }),
    meeting: { title: meeting.title, slug: meeting.slug, when: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language) },
    closedReason: registrationClosedReason(meeting),
    ...d,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, meeting, t } = await context(request, params.slug);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "cancel") return redirect(`/delegations/${meeting.slug}?confirm=cancel&id=${encodeURIComponent(String(formData.get("id") ?? ""))}`);
  if (intent === "confirm-cancel") {
    const reg = await registrationInScope(actor, meeting.id, String(formData.get("id") ?? ""));
    if (!reg) forbidden(t("registration:delegation.notYours"));
    const res = await cancelRegistration(reg.id, actor.id, key("registrations:reason.cancelledByFocalPoint"));
    return redirectWithToast(request, `/delegations/${meeting.slug}`, res.ok ? t("registration:delegation.cancelled") : refusalMessages(res).join(" "));
  }
  if (intent === "head") {
    if (!(await setHeadOfDelegation(actor, meeting.id, String(formData.get("id") ?? "")))) forbidden(t("registration:delegation.headNotAllowed"));
    return redirectWithToast(request, `/delegations/${meeting.slug}`, t("registration:delegation.headSaved"));
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
  if (!rows.length) return formReply(submission, formRefusal(t("registration:delegation.atLeastOne")));
  const res = await registerDelegates(actor, meeting.id, rows);
  if (!res.ok) return formReply(submission, res);
  return redirectWithToast(request, `/delegations/${meeting.slug}`, t("registration:delegation.done", { count: res.count }));
}

export default function Delegation() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { meeting, agency, delegation, people, used, left } = data;
  const { t } = useTranslation(["registration"]);
  const confirmId = useConfirmTarget("cancel");
  const confirming = people.find((p) => p.id === confirmId && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status));
  return (
    <>
      <PageHeader title={t("registration:delegation.heading", { agency: agency.name, meeting: meeting.title })} />
      <p>{meeting.when}</p>
      <p>
        {t("registration:delegation.registered", { used })}
        {delegation?.quota != null ? t("registration:delegation.ofQuota", { quota: delegation.quota, left }) : t("registration:delegation.noQuota")}
        {delegation?.reservedSeats ? t("registration:delegation.reserved", { count: delegation.reservedSeats }) : ""}
      </p>
      <h2>{t("registration:delegation.delegates")}</h2>
      {confirming ? (
        <ConfirmStep
          title={t("registration:delegation.confirmTitle", { name: confirming.name })}
          intent="confirm-cancel"
          fields={{ id: confirming.id }}
          confirmLabel={t("registration:delegation.confirm", { name: confirming.name })}
          keepLabel={t("registration:delegation.keep")}
        >
          <p>{t("registration:delegation.confirmText", { name: confirming.name })}</p>
        </ConfirmStep>
      ) : null}
      {people.length === 0 ? (
        <p>{t("registration:delegation.nobody")}</p>
      ) : (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("registration:delegation.name")}</th>
              <th scope="col">{t("registration:delegation.email")}</th>
              <th scope="col">{t("registration:delegation.role")}</th>
              <th scope="col">{t("registration:delegation.status")}</th>
              <th scope="col">{t("registration:delegation.action")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>
                  {["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status) ? <Link to={`/delegations/${meeting.slug}/${p.id}`}>{p.name}</Link> : p.name}
                  {delegation?.headRegistrationId === p.id ? t("registration:delegation.head") : ""}
                </td>
                <td>{p.email}</td>
                <td>{t(`common:registrationRole.${p.role as RegistrationRole}`)}</td>
                <td>
                  <StatusBadge status={p.status} label={t(`common:registrationStatus.${p.status}`)} />
                </td>
                <td>
                  {["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status) ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={p.id} />
                      {p.status !== "WAITLISTED" && delegation?.headRegistrationId !== p.id ? (
                        <SubmitButton name="intent" value="head" className="secondary" aria-label={t("registration:delegation.makeHeadLabel", { name: p.name })}>
                          {t("registration:delegation.makeHead")}
                        </SubmitButton>
                      ) : null}
                    </Form>
                  ) : null}
                  {["CONFIRMED", "PENDING", "WAITLISTED"].includes(p.status) ? (
                    <ConfirmButton what="cancel" id={p.id} className="secondary" label={t("registration:delegation.cancelLabel", { name: p.name })}>
                      {t("registration:delegation.cancel")}
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <h2>{t("registration:delegation.registerHeading")}</h2>
      {data.closedReason ? <Notice kind="warning">{t(data.closedReason)}</Notice> : <DelegatesForm key={people.length} lastResult={actionData?.result} />}
      <p>
        <Link to={`/meetings/${meeting.slug}`}>{t("registration:delegation.meetingPage")}</Link>
      </p>
    </>
  );
}

function DelegatesForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation(["registration"]);
  const columns = { name: t("registration:delegation.fullName"), email: t("registration:delegation.emailAddress"), jobTitle: t("registration:delegation.jobTitle") };
  const [form, fields] = useForm<{ delegates: { name: string; email: string; jobTitle: string; role: string }[] }>({
    lastResult,
    defaultValue: { delegates: Array.from({ length: ROWS }, () => ({ name: "", email: "", jobTitle: "", role: "DELEGATE" })) },
    shouldRevalidate: "onBlur",
  });
  const rows = fields.delegates.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)}>
      <p>{t("registration:delegation.formIntro")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="register" />
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.email}</th>
            <th scope="col">{columns.jobTitle}</th>
            <th scope="col">{t("registration:delegation.role")}</th>
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
                    <input {...getInputProps(f[k], { type: k === "email" ? "email" : "text", ariaAttributes: true })} aria-label={t("registration:delegation.cellLabel", { column: columns[k], number: i + 1 })} aria-describedby={f[k].errors?.length ? f[k].errorId : undefined} />
                    <ErrorList id={f[k].errorId} errors={f[k].errors} />
                  </td>
                ))}
                <td>
                  <select {...getSelectProps(f.role)} aria-label={t("registration:delegation.cellLabel", { column: t("registration:delegation.role"), number: i + 1 })}>
                    {REGISTRATION_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`common:registrationRole.${r}`)}
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
      <SubmitButton>{t("registration:delegation.submit")}</SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
