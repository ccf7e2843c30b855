import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup } from "~/components/choice-group";
import { FormErrors, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { SummaryBody } from "~/components/summary";
import { Notice } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { formatFileSize } from "~/domain/documents/labels";
import { changeSummary, draftFromRecords, previewSummary, summaryEditor } from "~/domain/summary/summary.server";
import { PLACEHOLDERS, SUMMARY_MAX_CHARS, SUMMARY_VISIBILITIES, summarySchema } from "~/domain/summary/summary.schema";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatNumber } from "~/i18n/translate";
import summaryStyles from "~/styles/summary.css?url";
import { formatDateTime, zoneLabel } from "~/utils/dates";
import { fieldRefusal, formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";

// The summary record editor (docs/decisions/078-summary-record.md): Markdown in a plain textarea,
// a server-rendered preview, save, publish (PDF + document version) and unpublish.

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "summary:manage");
  const t = await fixedT(request);
  return { ...(await summaryEditor(params.id ?? "")), title: t("admin:summary.title") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "summary:manage");
  const t = await fixedT(request);
  const { meeting } = await summaryEditor(params.id ?? "");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: summarySchema });
  if (submission.status !== "success") return formReply(submission, undefined, { preview: null, drafted: null });
  const v = submission.value;
  if (v.intent === "draft") {
    if (v.body.trim()) {
      return formReply(submission, fieldRefusal("body", t("admin:summary.error.notEmpty")), { preview: null, drafted: null });
    }
    // The reply's values are what the form shows: the draft goes into the textarea, nothing is saved yet.
    form.set("body", await draftFromRecords(meeting.id, await languageOf(request)));
    return { result: parseWithZod(form, { schema: summarySchema }).reply(), preview: null, drafted: Date.now() };
  }
  if (v.intent === "preview") return { result: submission.reply(), preview: await previewSummary(meeting.id, v.body, await languageOf(request)), drafted: null };
  const outcome = await changeSummary(actor, meeting.id, v, new Date(), await languageOf(request));
  if (!outcome.ok) return formReply(submission, outcome, { preview: null, drafted: null });
  const message =
    v.intent === "save"
      ? t("admin:summary.toast.saved")
      : v.intent === "unpublish"
        ? t("admin:summary.toast.unpublished")
        : t("admin:summary.toast.published", { version: outcome.version });
  return redirectWithToast(request, `/admin/meetings/${meeting.id}/summary`, message);
}

export default function SummaryEditorPage() {
  const { record } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A new form (and its values) after each successful save, and when "Start from the records" filled the text.
  const key = actionData ? `answer-${actionData.drafted ?? ""}` : (record?.updatedAt ?? "new");
  return <Editor key={key} />;
}

function Editor() {
  const { meeting, record } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "summary-record",
    lastResult: actionData?.result,
    defaultValue: { body: record?.body ?? "", visibility: record?.visibility ?? "PARTICIPANTS", updatedAt: record?.updatedAt ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: summarySchema }),
    shouldValidate: "onSubmit",
  });
  const { t, language } = useTranslation(["admin"]);
  const zone = meeting.timeZone;
  const when = (d: string | Date) => `${formatDateTime(d, zone, false, language)} ${zoneLabel(zone, d, language)}`;
  const latest = record?.versions[0];
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t("admin:tab.summary")}</h2>
      {record?.publishedAt ? (
        <Notice kind="success">
          {t(`admin:summary.publishedFor.${record.visibility}`, { at: when(record.publishedAt) })}{" "}
          <Link to={`/meetings/${meeting.slug}/summary`}>{t("admin:summary.readPublished")}</Link>
          {latest ? (
            <>
              {" "}
              · <Link to={`/meetings/${meeting.slug}/summary.pdf`} reloadDocument>{t("admin:summary.pdfVersion", { version: latest.version })}</Link> ({formatFileSize(latest.file.size, language)})
            </>
          ) : null}
          . {t("admin:summary.changesReach")}
        </Notice>
      ) : record ? (
        <p>
          {record.updatedBy ? t("admin:summary.draftBy", { at: when(record.updatedAt), name: record.updatedBy }) : t("admin:summary.draft", { at: when(record.updatedAt) })}
        </p>
      ) : (
        <p>{t("admin:summary.none")}</p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.updatedAt, { type: "hidden" })} />
        <TextareaField
          field={fields.body}
          label={t("admin:summary.text")}
          rows={22}
          hint={
            <>
              {t("admin:summary.hint.markdown")} <code>{t("admin:summary.hint.heading")}</code>, <code>{t("admin:summary.hint.listItem")}</code>,{" "}
              <code>{t("admin:summary.hint.bold")}</code>, <code>{t("admin:summary.hint.link")}</code>. {t("admin:summary.hint.rawHtml")}{" "}
              {t("admin:summary.hint.put")} <code>{PLACEHOLDERS.attendance}</code> {t("admin:summary.hint.and")} <code>{PLACEHOLDERS.recommendations}</code>{" "}
              {t("admin:summary.hint.placeholders")} {t("admin:summary.hint.max", { max: formatNumber(language, SUMMARY_MAX_CHARS) })}
            </>
          }
        />
        <ChoiceGroup
          field={fields.visibility}
          legend={t("admin:summary.whoMayRead")}
          type="radio"
          options={SUMMARY_VISIBILITIES.map((v) => ({ value: v, label: t(`admin:summary.visibility.${v}`) }))}
        />
        <div className="page-actions">
          <SubmitButton name="intent" value="draft" className="secondary">
            {t("admin:summary.startFromRecords")}
          </SubmitButton>
          <SubmitButton name="intent" value="preview" className="secondary">
            {t("admin:summary.preview")}
          </SubmitButton>
          {record?.publishedAt ? null : (
            <SubmitButton name="intent" value="save" className="secondary">
              {t("admin:summary.saveDraft")}
            </SubmitButton>
          )}
          <SubmitButton name="intent" value="publish">
            {record?.publishedAt ? t("admin:summary.publishChanges") : t("admin:summary.publish")}
          </SubmitButton>
          {record?.publishedAt ? (
            <SubmitButton name="intent" value="unpublish" className="secondary">
              {t("admin:summary.unpublish")}
            </SubmitButton>
          ) : null}
        </div>
      </Form>
      {actionData?.preview ? (
        <section aria-labelledby="preview-heading" className="summary-preview">
          <h2 id="preview-heading">{t("admin:summary.preview")}</h2>
          <p className="muted">{t("admin:summary.previewHint")}</p>
          <SummaryBody rendered={actionData.preview} />
        </section>
      ) : null}
      {record && record.versions.length > 1 ? (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">{t("admin:summary.versions")}</h2>
          <ul>
            {record.versions.map((v) => (
              <li key={v.version}>
                {t("admin:summary.versionLine", { version: v.version, at: when(v.createdAt), size: formatFileSize(v.file.size, language) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: summaryStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Summary record · Convene" }];
