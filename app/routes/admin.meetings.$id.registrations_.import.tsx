import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/ui";
import { requireRole } from "~/domain/auth/session.server";
import { importCsv, meetingById } from "~/domain/registration/organiser.server";

const MAX_BYTES = 1_000_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["ORGANISER"]);
  const meeting = await meetingById(params.id ?? "");
  return { meeting: { id: meeting.id } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, ["ORGANISER"]);
  const meeting = await meetingById(params.id ?? "");
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a CSV file to import.", report: null };
  if (file.size > MAX_BYTES) return { error: "The file is larger than 1 MB.", report: null };
  const res = await importCsv(meeting.id, await file.text(), actor.id);
  if (!res.ok) return { error: res.error, report: null };
  return { error: null, report: res.report };
}

export default function ImportRegistrations() {
  const { meeting } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const accepted = data?.report?.filter((r) => r.ok).length ?? 0;
  const rejected = data?.report?.filter((r) => !r.ok).length ?? 0;
  return (
    <>
      <h2>Import participants</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>Back to registrations</Link>
      </p>
      <p>
        A CSV file with a header row. Required columns: <code>name</code>, <code>email</code>, <code>agency</code> (name or
        acronym from the agency list). Optional: <code>job title</code>, <code>role</code> (delegate, speaker, observer,
        organiser, rapporteur), <code>dietary</code>, <code>accessibility</code>. Each row is registered like any
        registration (seats, quotas, waiting list) and gets the status mail; rejected rows are not saved.
      </p>
      {data?.error ? <Notice kind="error">{data.error}</Notice> : null}
      <Form method="post" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="file">CSV file</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">Import</button>
      </Form>
      {data?.report ? (
        <section aria-labelledby="report-heading" className="import-report">
          <h3 id="report-heading">
            Import report: {accepted} registered, {rejected} rejected
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Email</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {data.report.map((r) => (
                <tr key={r.row} className={r.ok ? undefined : "rejected"}>
                  <td>{r.row}</td>
                  <td>{r.email}</td>
                  <td>{r.ok ? r.message : `Rejected: ${r.message}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Import participants · Organise · Convene" }];
