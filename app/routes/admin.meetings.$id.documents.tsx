import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmButton, ConfirmStep, useConfirmTarget } from "~/components/confirm";
import { ErrorList, FormErrors, InputField, SelectField, type Option } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { TableScroll } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { documentMetadataSchema } from "~/domain/documents/documents.schema";
import { agendaItemOptions, createDocument, listMeetingDocuments, removeDocument, replaceDocumentFile, updateDocument } from "~/domain/documents/documents.server";
import { ACCEPTED_DESCRIPTION, ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from "~/domain/documents/files.server";
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, DOCUMENT_VISIBILITIES, DOCUMENT_VISIBILITY_LABELS, formatFileSize } from "~/domain/documents/labels";
import { getMeetingHeader } from "~/domain/meetings/meetings.server";
import { formatDateTime } from "~/utils/dates";
import { formReply } from "~/utils/forms.server";
import { notFound, readForm } from "~/utils/http.server";

// A meeting's documents for organisers and the secretariat: upload (multipart, works without
// JavaScript), edit, replace (a new version; the earlier ones stay) and remove.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "documents:manage");
  const meeting = await getMeetingHeader(params.id ?? "");
  if (!meeting) notFound("We could not find that meeting.");
  const [documents, items, agencies] = await Promise.all([listMeetingDocuments(actor, meeting.id), agendaItemOptions(meeting.id), listAgencyOptions()]);
  const item = new URL(request.url).searchParams.get("item");
  return {
    meeting: { id: meeting.id, timeZone: meeting.timeZone },
    documents,
    items,
    agencies,
    preselectedItem: items.some((i) => i.value === item) ? item : null,
    accept: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(","),
    fileHint: `${ACCEPTED_DESCRIPTION}; at most ${formatFileSize(MAX_FILE_BYTES)}.`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "documents:manage");
  const meeting = await getMeetingHeader(params.id ?? "");
  if (!meeting) notFound("We could not find that meeting.");
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = `/admin/meetings/${meeting.id}/documents`;
  const documentId = String(formData.get("documentId") ?? "").slice(0, 40);
  switch (intent) {
    case "upload": {
      const submission = parseWithZod(formData, { schema: documentMetadataSchema });
      const formId = "new-document";
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await createDocument(actor, meeting.id, submission.value, formData.get("file"));
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, `“${submission.value.title}” uploaded.`);
    }
    case "edit": {
      const submission = parseWithZod(formData, { schema: documentMetadataSchema });
      const formId = `edit-${documentId}`;
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await updateDocument(actor, meeting.id, submission.value);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, `“${submission.value.title}” saved.`);
    }
    case "replace": {
      const submission = parseWithZod(formData, { schema: documentMetadataSchema.pick({ documentId: true }) });
      const formId = `replace-${documentId}`;
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await replaceDocumentFile(actor, meeting.id, documentId, formData.get("file"));
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, `Version ${saved.version} uploaded.`);
    }
    case "remove": {
      const removed = await removeDocument(actor, meeting.id, documentId);
      return redirectWithToast(request, back, removed.ok ? `“${removed.title}” removed.` : "That document had already been removed.");
    }
    default:
      return { formId: "", result: undefined };
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Doc = LoaderData["documents"][number];
type Choices = { items: Option[]; agencies: Option[] };

export default function MeetingDocuments() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (formId: string) => (actionData?.formId === formId ? actionData.result : undefined);
  const removeTarget = useConfirmTarget("remove");
  const removing = data.documents.find((d) => d.id === removeTarget);
  const choices = { items: data.items, agencies: data.agencies };
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      {removing ? (
        <ConfirmStep
          title={`Remove “${removing.title}”?`}
          intent="remove"
          fields={{ documentId: removing.id }}
          confirmLabel="Remove the document and all its versions"
          keepLabel="Keep it"
        >
          <p>Participants will no longer find it on the meeting page. This cannot be undone.</p>
        </ConfirmStep>
      ) : null}
      {data.documents.length ? (
        <TableScroll label="Documents of the meeting">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Language</th>
                <th scope="col">Audience</th>
                <th scope="col">Agenda item</th>
                <th scope="col">Size</th>
                <th scope="col">Versions</th>
              </tr>
            </thead>
            <tbody>
              {data.documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/files/${d.versions[0]?.file.key}`}>{d.title}</a>
                  </td>
                  <td>{DOCUMENT_TYPE_LABELS[d.type]}</td>
                  <td>{d.language}</td>
                  <td>
                    {DOCUMENT_VISIBILITY_LABELS[d.visibility]}
                    {d.agency ? ` (${d.agency.acronym})` : ""}
                  </td>
                  <td>{d.agendaItem?.title ?? "Whole meeting"}</td>
                  <td>{d.versions[0] ? formatFileSize(d.versions[0].file.size) : ""}</td>
                  <td>{d.versions.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>No documents yet. Upload the first one below.</p>
      )}
      {data.documents.map((d) => (
        <DocumentEditor
          key={d.id}
          doc={d}
          choices={choices}
          timeZone={data.meeting.timeZone}
          accept={data.accept}
          fileHint={data.fileHint}
          editResult={resultFor(`edit-${d.id}`)}
          replaceResult={resultFor(`replace-${d.id}`)}
        />
      ))}
      <h3 id="upload-heading">Upload a document</h3>
      <UploadForm
        key={`new-${data.documents.length}`}
        choices={choices}
        accept={data.accept}
        fileHint={data.fileHint}
        preselectedItem={data.preselectedItem}
        lastResult={resultFor("new-document")}
      />
    </section>
  );
}

function MetadataFields({ fields, choices }: { fields: ReturnType<typeof useDocumentForm>[1]; choices: Choices }) {
  return (
    <div className="grid-2">
      <InputField field={fields.title} label="Title" required />
      <SelectField field={fields.type} label="Type" options={DOCUMENT_TYPES.map((t) => ({ value: t, label: DOCUMENT_TYPE_LABELS[t] }))} required />
      <InputField field={fields.language} label="Language" hint="Two-letter code, e.g. en, fr, de." required maxLength={3} />
      <SelectField
        field={fields.visibility}
        label="Who may see it"
        options={DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: DOCUMENT_VISIBILITY_LABELS[v] }))}
        required
      />
      <SelectField field={fields.agencyId} label="Agency (for one agency's delegation)" options={choices.agencies} placeholder="No agency" />
      <SelectField field={fields.agendaItemId} label="Agenda item" options={choices.items} placeholder="The whole meeting" />
    </div>
  );
}

function useDocumentForm(id: string, lastResult: SubmissionResult<string[]> | undefined, defaults: Record<string, string>) {
  return useForm({
    id,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: documentMetadataSchema }),
    shouldRevalidate: "onBlur",
  });
}

/** The file input (Conform does not keep files: after an error the file must be chosen again). */
function FileField({ id, errors, accept, hint, label, chosenAgain }: { id: string; errors?: string[]; accept: string; hint: string; label: string; chosenAgain: boolean }) {
  const describedBy = [`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
        {chosenAgain ? " Choose the file again: browsers do not keep it after a refused form." : ""}
      </p>
      <input id={id} type="file" name="file" accept={accept} required aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} />
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

function UploadForm({
  choices,
  accept,
  fileHint,
  preselectedItem,
  lastResult,
}: {
  choices: Choices;
  accept: string;
  fileHint: string;
  preselectedItem: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useDocumentForm("new-document", lastResult, {
    type: preselectedItem ? "PRESENTATION" : "BACKGROUND_PAPER",
    language: "en",
    visibility: "PARTICIPANTS",
    agendaItemId: preselectedItem ?? "",
  });
  const fileErrors = lastResult?.error?.file ?? undefined;
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="upload-heading">
      <FormErrors id={form.errorId} errors={form.errors} />
      <MetadataFields fields={fields} choices={choices} />
      <FileField id="new-document-file" label="File" accept={accept} hint={fileHint} errors={fileErrors ?? undefined} chosenAgain={!!lastResult} />
      <SubmitButton name="intent" value="upload">
        Upload
      </SubmitButton>
    </Form>
  );
}

function DocumentEditor({
  doc,
  choices,
  timeZone,
  accept,
  fileHint,
  editResult,
  replaceResult,
}: {
  doc: Doc;
  choices: Choices;
  timeZone: string;
  accept: string;
  fileHint: string;
  editResult: SubmissionResult<string[]> | undefined;
  replaceResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useDocumentForm(`edit-${doc.id}`, editResult, {
    documentId: doc.id,
    title: doc.title,
    type: doc.type,
    language: doc.language,
    visibility: doc.visibility,
    agencyId: doc.agencyId ?? "",
    agendaItemId: doc.agendaItemId ?? "",
  });
  const replaceErrors = [...(replaceResult?.error?.file ?? []), ...(replaceResult?.error?.[""] ?? [])];
  return (
    <article className="item-editor" aria-label={doc.title}>
      <h3>{doc.title}</h3>
      <p>Versions (newest first; earlier versions are shown to staff only):</p>
      <ol reversed>
        {doc.versions.map((v) => (
          <li key={v.version}>
            <a href={`/files/${v.file.key}`}>{v.file.filename}</a> <span className="muted">({formatFileSize(v.file.size)}, {formatDateTime(v.createdAt, timeZone, true)}{v.file.uploadedBy ? `, ${v.file.uploadedBy.name}` : ""})</span>
          </li>
        ))}
      </ol>
      <details open={!!editResult || !!replaceResult}>
        <summary>Edit, replace or remove “{doc.title}”</summary>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="documentId" value={doc.id} />
          <MetadataFields fields={fields} choices={choices} />
          <SubmitButton name="intent" value="edit">
            Save changes
          </SubmitButton>
        </Form>
        <Form method="post" encType="multipart/form-data" aria-label={`Replace the file of ${doc.title}`}>
          <input type="hidden" name="documentId" value={doc.id} />
          <FileField id={`replace-${doc.id}-file`} label="New version" accept={accept} hint={fileHint} errors={replaceErrors.length ? replaceErrors : undefined} chosenAgain={!!replaceResult} />
          <SubmitButton name="intent" value="replace">
            Upload new version
          </SubmitButton>
        </Form>
        <ConfirmButton what="remove" id={doc.id} className="danger" label={`Remove ${doc.title}`}>
          Remove
        </ConfirmButton>
      </details>
    </article>
  );
}
