import { formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormErrors, InputField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice, PageHeader, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { importRecommendations } from "~/domain/recommendations/import.server";
import { IMPORT_COLUMNS, importSchema } from "~/domain/recommendations/recommendation.schema";
import { THEMES } from "~/domain/recommendations/themes";


export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: importSchema });
  if (submission.status !== "success") return formReply(submission, undefined, { report: null });
  const imported = await importRecommendations(user, await submission.value.file.text());
  if (!imported.ok) return formReply(submission, imported, { report: null });
  return { result: submission.reply({ resetForm: true }), report: imported.report };
}

export default function ImportRecommendations() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, onValidate: ({ formData }) => parseWithZod(formData, { schema: importSchema }) });
  const report = actionData?.report;
  return (
    <>
      <PageHeader title="Import recommendations from CSV">
        <Link to="/recommendations">All recommendations</Link>
      </PageHeader>
      <p>
        The first row names the columns: <code>{IMPORT_COLUMNS.join(",")}</code>. <code>meeting</code> is the meeting&apos;s address name (e.g.
        calais-group-2025-spring), agencies are given by acronym or full name, <code>themes</code> and <code>supporting_agencies</code> are lists
        separated by semicolons, <code>due_date</code> is YYYY-MM-DD and <code>status</code> defaults to PROPOSED. Valid rows are saved; the others
        are listed with the reason, and nothing of them is saved.
      </p>
      <details>
        <summary>Themes you can use</summary>
        <p>{THEMES.map((t) => t.name).join("; ")}</p>
      </details>
      {report ? (
        <section aria-labelledby="report-h">
          <h2 id="report-h">Import report</h2>
          <Notice kind={report.failed.length ? "warning" : "success"}>
            {report.created.length} row{report.created.length === 1 ? "" : "s"} imported, {report.failed.length} row{report.failed.length === 1 ? "" : "s"} with errors.
          </Notice>
          {report.failed.length ? (
            <TableScroll>
            <table>
              <caption>Rows not imported</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Code</th>
                  <th scope="col">Reasons</th>
                </tr>
              </thead>
              <tbody>
                {report.failed.map((f) => (
                  <tr key={f.row}>
                    <td>{f.row}</td>
                    <td>{f.code}</td>
                    <td>
                      <ul>
                        {f.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
          ) : null}
          {report.created.length ? (
            <ul>
              {report.created.map((c) => (
                <li key={c.id}>
                  Row {c.row}: <Link to={`/recommendations/${c.id}`}>{c.code}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} encType="multipart/form-data">
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.file} label="CSV file" type="file" accept=".csv,text/csv" required />
        <SubmitButton>Import</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Import recommendations · Convene" }];
