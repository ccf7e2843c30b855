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
import { PLACEHOLDERS, SUMMARY_MAX_CHARS, SUMMARY_VISIBILITIES, SUMMARY_VISIBILITY_LABELS, summarySchema } from "~/domain/summary/summary.schema";
import summaryStyles from "~/styles/summary.css?url";
import { formatDateTime, zoneLabel } from "~/utils/dates";
import { fieldRefusal, formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";

// The summary record editor (docs/decisions/078-summary-record.md): Markdown in a plain textarea,
// a server-rendered preview, save, publish (PDF + document version) and unpublish.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "summary:manage");
  return summaryEditor(params.id ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "summary:manage");
  const { meeting } = await summaryEditor(params.id ?? "");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: summarySchema });
  if (submission.status !== "success") return formReply(submission, undefined, { preview: null, drafted: null });
  const v = submission.value;
  if (v.intent === "draft") {
    if (v.body.trim()) {
      return formReply(submission, fieldRefusal("body", "Starting from the records replaces the text: empty the box first, or keep writing."), { preview: null, drafted: null });
    }
    // The reply's values are what the form shows: the draft goes into the textarea, nothing is saved yet.
    form.set("body", await draftFromRecords(meeting.id));
    return { result: parseWithZod(form, { schema: summarySchema }).reply(), preview: null, drafted: Date.now() };
  }
  if (v.intent === "preview") return { result: submission.reply(), preview: await previewSummary(meeting.id, v.body), drafted: null };
  const outcome = await changeSummary(actor, meeting.id, v);
  if (!outcome.ok) return formReply(submission, outcome, { preview: null, drafted: null });
  const message =
    v.intent === "save"
      ? "Draft saved. Only staff see it until it is published."
      : v.intent === "unpublish"
        ? "The summary record is no longer published."
        : `Published: PDF version ${outcome.version} is in the meeting's documents.`;
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
  const zone = meeting.timeZone;
  const when = (d: string | Date) => `${formatDateTime(d, zone)} ${zoneLabel(zone, d)}`;
  const latest = record?.versions[0];
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary record</h2>
      {record?.publishedAt ? (
        <Notice kind="success">
          Published {when(record.publishedAt)} for {SUMMARY_VISIBILITY_LABELS[record.visibility].toLowerCase()}.{" "}
          <Link to={`/meetings/${meeting.slug}/summary`}>Read it as published</Link>
          {latest ? (
            <>
              {" "}
              · <Link to={`/meetings/${meeting.slug}/summary.pdf`} reloadDocument>PDF version {latest.version}</Link> ({formatFileSize(latest.file.size)})
            </>
          ) : null}
          . Changes reach readers when you publish them: each publication adds a PDF version.
        </Notice>
      ) : record ? (
        <p>
          Draft, last saved {when(record.updatedAt)}
          {record.updatedBy ? ` by ${record.updatedBy}` : ""}. Only staff see it until it is published.
        </p>
      ) : (
        <p>No summary record yet. Start from the records, or write it yourself.</p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.updatedAt, { type: "hidden" })} />
        <TextareaField
          field={fields.body}
          label="Text (Markdown)"
          rows={22}
          hint={
            <>
              Markdown: <code># Heading</code>, <code>- list item</code>, <code>**bold**</code>, <code>[text](https://…)</code>. Raw HTML
              shows as text. Put <code>{PLACEHOLDERS.attendance}</code> and <code>{PLACEHOLDERS.recommendations}</code> on lines of their own
              where attendance by agency and the recommendations made and reviewed at this meeting should appear; they are filled from the
              records each time the record is shown, and come after the text when the lines are missing. At most{" "}
              {SUMMARY_MAX_CHARS.toLocaleString("en")} characters.
            </>
          }
        />
        <ChoiceGroup
          field={fields.visibility}
          legend="Who may read it once published"
          type="radio"
          options={SUMMARY_VISIBILITIES.map((v) => ({ value: v, label: SUMMARY_VISIBILITY_LABELS[v] }))}
        />
        <div className="page-actions">
          <SubmitButton name="intent" value="draft" className="secondary">
            Start from the records
          </SubmitButton>
          <SubmitButton name="intent" value="preview" className="secondary">
            Preview
          </SubmitButton>
          {record?.publishedAt ? null : (
            <SubmitButton name="intent" value="save" className="secondary">
              Save draft
            </SubmitButton>
          )}
          <SubmitButton name="intent" value="publish">
            {record?.publishedAt ? "Publish changes" : "Publish"}
          </SubmitButton>
          {record?.publishedAt ? (
            <SubmitButton name="intent" value="unpublish" className="secondary">
              Unpublish
            </SubmitButton>
          ) : null}
        </div>
      </Form>
      {actionData?.preview ? (
        <section aria-labelledby="preview-heading" className="summary-preview">
          <h2 id="preview-heading">Preview</h2>
          <p className="muted">Exactly what readers will see once published (not saved yet).</p>
          <SummaryBody rendered={actionData.preview} />
        </section>
      ) : null}
      {record && record.versions.length > 1 ? (
        <section aria-labelledby="versions-heading">
          <h2 id="versions-heading">Published versions</h2>
          <ul>
            {record.versions.map((v) => (
              <li key={v.version}>
                Version {v.version}, {when(v.createdAt)} ({formatFileSize(v.file.size)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: summaryStyles }];

export const meta: MetaFunction = () => [{ title: "Summary record · Convene" }];
