import { formReply, refusalMessages } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice, TableScroll } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { addParticipant, importCsv, meetingById } from "~/domain/registration/organiser.server";
import { REGISTRATION_ROLES, ROLE_LABELS, STATUS_LABELS, organiserAddSchema } from "~/domain/registration/registration.schema";

const MAX_BYTES = 1_000_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  return { meeting: { id: meeting.id }, agencies: await listAgencyOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  if (form.get("intent") === "add") {
    const submission = parseWithZod(form, { schema: organiserAddSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { form: "add" as const });
    const { intent: _intent, ...person } = submission.value;
    const outcome = await addParticipant(actor, meeting.id, person);
    if (!outcome.ok) return formReply(submission, outcome, { form: "add" as const });
    return redirectWithToast(request, `/admin/meetings/${meeting.id}/registrations/${outcome.id}`, `${person.name} is registered (${STATUS_LABELS[outcome.status].toLowerCase()}) and has been emailed.`);
  }
  // The file input is a plain one (no Conform): its refusal is shown above it, with the status of a refused form.
  const refuseFile = (error: string) => data({ form: "import" as const, error, report: null }, { status: 400 });
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuseFile("Choose a CSV file to import.");
  if (file.size > MAX_BYTES) return refuseFile("The file is larger than 1 MB.");
  const res = await importCsv(actor, meeting.id, await file.text());
  if (!res.ok) return refuseFile(refusalMessages(res).join(" "));
  return { form: "import" as const, error: null, report: res.report };
}

export default function ImportRegistrations() {
  const { meeting, agencies } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const added = answer?.form === "add" ? answer : null;
  const imported = answer?.form === "import" ? answer : null;
  const accepted = imported?.report?.filter((r) => r.ok).length ?? 0;
  const rejected = imported?.report?.filter((r) => !r.ok).length ?? 0;
  return (
    <>
      <h2>Add participants</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>Back to registrations</Link>
      </p>
      <AddOne agencies={agencies} lastResult={added?.result} />
      <h3>Import a CSV file</h3>
      <p>
        A CSV file with a header row. Required columns: <code>name</code>, <code>email</code>, <code>agency</code> (name or
        acronym from the agency list). Optional: <code>job title</code>, <code>role</code> (delegate, speaker, observer,
        organiser, rapporteur), <code>dietary</code>, <code>accessibility</code>. Each row is registered like any
        registration (seats, quotas, waiting list) and gets the status mail; rejected rows are not saved.
      </p>
      {imported?.error ? <Notice kind="error">{imported.error}</Notice> : null}
      <Form method="post" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="file">CSV file</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <SubmitButton>Import</SubmitButton>
      </Form>
      {imported?.report ? (
        <section aria-labelledby="report-heading" className="import-report">
          <h3 id="report-heading">
            Import report: {accepted} registered, {rejected} rejected
          </h3>
          <TableScroll>
          <table>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Email</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {imported.report.map((r) => (
                <tr key={r.row} className={r.ok ? undefined : "rejected"}>
                  <td>{r.row}</td>
                  <td>{r.email}</td>
                  <td>{r.ok ? r.message : `Rejected: ${r.message}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
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
  return (
    <Form method="post" {...getFormProps(form)}>
      <h3>Add one person</h3>
      <p className="muted">Seats, quotas and the waiting list apply as for any registration; the registration window does not. The person is emailed their private link.</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="add" />
      <InputField field={fields.name} label="Full name" required />
      <InputField field={fields.email} label="Email address" type="email" required />
      <SelectField field={fields.agencyId} label="Agency" options={agencies} placeholder="Choose an agency" required />
      <InputField field={fields.jobTitle} label="Job title" />
      <SelectField field={fields.role} label="Role at the meeting" options={REGISTRATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} required />
      <TextareaField field={fields.dietary} label="Dietary requirements" rows={2} />
      <TextareaField field={fields.accessibility} label="Accessibility needs" rows={2} />
      <SubmitButton>Add this person</SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Add participants · Organise · Convene" }];
