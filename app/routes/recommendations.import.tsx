import { formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { FormErrors, InputField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { Notice, PageHeader } from "~/components/ui";
import { RejectedRows } from "~/components/import-report";
import { requireCapability } from "~/domain/auth/permissions.server";
import { importRecommendations } from "~/domain/recommendations/import.server";
import { IMPORT_COLUMNS, importSchema } from "~/domain/recommendations/recommendation.schema";
import { THEMES } from "~/domain/recommendations/themes";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const t = await fixedT(request);
  return { title: t("recommendations:import.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: importSchema });
  if (submission.status !== "success") return formReply(submission, undefined, { report: null });
  const imported = await importRecommendations(user, await submission.value.file.text(), await fixedT(request));
  if (!imported.ok) return formReply(submission, imported, { report: null });
  return { result: submission.reply({ resetForm: true }), report: imported.report };
}

export default function ImportRecommendations() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.result, onValidate: ({ formData }) => parseWithZod(formData, { schema: importSchema }) });
  const report = actionData?.report;
  const { t } = useTranslation(["recommendations"]);
  return (
    <>
      <PageHeader title={t("recommendations:import.heading")}>
        <Link to="/recommendations">{t("recommendations:allRecommendations")}</Link>
      </PageHeader>
      <p>
        {t("recommendations:import.columns")} <code>{IMPORT_COLUMNS.join(",")}</code>. {t("recommendations:import.explained")}
      </p>
      <details>
        <summary>{t("recommendations:import.themes")}</summary>
        <p>{THEMES.map((t) => t.name).join("; ")}</p>
      </details>
      {report ? (
        <section aria-labelledby="report-h">
          <h2 id="report-h">{t("recommendations:import.report")}</h2>
          <Notice kind={report.failed.length ? "warning" : "success"}>
            {t("recommendations:import.imported", { count: report.created.length })} {t("recommendations:import.failed", { count: report.failed.length })}
          </Notice>
          <RejectedRows
            caption={t("recommendations:import.notImported")}
            headings={[t("recommendations:import.row"), t("recommendations:column.code"), t("recommendations:import.reasons")]}
            rows={report.failed.map((f) => ({ row: f.row, name: f.code, reasons: f.reasons }))}
          />
          {report.created.length ? (
            <ul>
              {report.created.map((c) => (
                <li key={c.id}>
                  {t("recommendations:import.rowN", { row: c.row })} <Link to={`/recommendations/${c.id}`}>{c.code}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} encType="multipart/form-data">
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.file} label={t("recommendations:import.file")} type="file" accept=".csv,text/csv" required />
        <SubmitButton>{t("recommendations:import.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
