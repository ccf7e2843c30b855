import { formReply, refusalMessages } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice } from "~/components/ui";
import { RejectedRows } from "~/components/import-report";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { addParticipant, importCsv, meetingById, summariseImport } from "~/domain/registration/organiser.server";
import { REGISTRATION_ROLES, organiserAddSchema } from "~/domain/registration/registration.schema";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["registrations"] };

const MAX_BYTES = 1_000_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const t = await fixedT(request);
  return { title: t("registrations:title.import"), meeting: { id: meeting.id }, agencies: await listAgencyOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const language = await languageOf(request);
  const t = await fixedT(language);
  if (form.get("intent") === "add") {
    const submission = parseWithZod(form, { schema: organiserAddSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { form: "add" as const });
    const { intent: _intent, ...person } = submission.value;
    const outcome = await addParticipant(actor, meeting.id, person);
    if (!outcome.ok) return formReply(submission, outcome, { form: "add" as const });
    return redirectWithToast(request, `/admin/meetings/${meeting.id}/registrations/${outcome.id}`, t("registrations:import.added", { name: person.name, status: t(`common:registrationStatus.${outcome.status}`).toLowerCase() }));
  }
  // The file input is a plain one (no Conform): its refusal is shown above it, with the status of a refused form.
  const refuseFile = (error: string) => data({ form: "import" as const, error, report: null }, { status: 400 });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuseFile(t("registrations:import.error.noFile"));
  if (file.size > MAX_BYTES) return refuseFile(t("registrations:import.error.tooLarge"));
  const res = await importCsv(actor, meeting.id, await file.text(), language);
  if (!res.ok) return refuseFile(refusalMessages(res).join(" "));
  return { form: "import" as const, error: null, report: summariseImport(res.report) };
}

export default function ImportRegistrations() {
  const { meeting, agencies } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const added = answer?.form === "add" ? answer : null;
  const imported = answer?.form === "import" ? answer : null;
  const report = imported?.report;
  const { t } = useTranslation(["registrations"]);
  return (
    <>
      <h2>{t("registrations:import.heading")}</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>{t("registrations:backToList")}</Link>
      </p>
      <AddOne agencies={agencies} lastResult={added?.result} />
      <h3>{t("registrations:import.csvHeading")}</h3>
      {/* Column names stay as the file must spell them, in every language. */}
      <p>
        {t("registrations:import.csvHelp1")} <code>name</code>, <code>email</code>, <code>agency</code> {t("registrations:import.csvHelp2")}{" "}
        <code>job title</code>, <code>role</code> {t("registrations:import.csvHelp3")} <code>dietary</code>, <code>accessibility</code>
        {t("registrations:import.csvHelp4")}
      </p>
      {imported?.error ? <Notice kind="error">{imported.error}</Notice> : null}
      <Form method="post" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="file">{t("registrations:import.file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <SubmitButton>{t("registrations:import.submit")}</SubmitButton>
      </Form>
      {report ? (
        <section aria-labelledby="report-heading" className="import-report">
          <h3 id="report-heading">{t("registrations:import.report", { accepted: report.accepted, rejected: report.rejected.length })}</h3>
          {report.byStatus.length ? (
            <ul>
              {report.byStatus.map(({ status, count }) => (
                <li key={status}>{t("registrations:import.inStatus", { status: t(`common:registrationStatus.${status}`), count })}</li>
              ))}
            </ul>
          ) : null}
          <RejectedRows
            caption={t("registrations:import.rejectedRows")}
            headings={[t("registrations:import.row"), t("registrations:import.email"), t("registrations:import.result")]}
            rows={report.rejected.map((r) => ({ row: r.row, name: r.email, reasons: [t("registrations:import.rejected", { message: r.message })] }))}
          />
        </section>
      ) : null}
    </>
  );
}

/** One person at a time, e.g. a speaker added after registration closed. */
function AddOne({ agencies, lastResult }: { agencies: { value: string; label: string }[]; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "add-one",
    lastResult,
    defaultValue: { role: "DELEGATE" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organiserAddSchema }),
    shouldRevalidate: "onBlur",
  });
  const { t } = useTranslation(["registrations"]);
  return (
    <Form method="post" {...getFormProps(form)}>
      <h3>{t("registrations:import.addHeading")}</h3>
      <p className="muted">{t("registrations:import.addHelp")}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="add" />
      <InputField field={fields.name} label={t("registrations:import.name")} required />
      <InputField field={fields.email} label={t("registrations:import.emailAddress")} type="email" required />
      <SelectField field={fields.agencyId} label={t("registrations:import.agency")} options={agencies} placeholder={t("registrations:import.chooseAgency")} required />
      <InputField field={fields.jobTitle} label={t("registrations:import.jobTitle")} />
      <SelectField
        field={fields.role}
        label={t("registrations:import.role")}
        options={REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`common:registrationRole.${r}`) }))}
        required
      />
      <TextareaField field={fields.dietary} label={t("registrations:import.dietary")} rows={2} />
      <TextareaField field={fields.accessibility} label={t("registrations:import.accessibility")} rows={2} />
      <SubmitButton>{t("registrations:import.add")}</SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
