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
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from "~/domain/documents/files.server";
import { DOCUMENT_TYPES, DOCUMENT_VISIBILITIES, formatFileSize } from "~/domain/documents/labels";
import { getMeetingHeader } from "~/domain/meetings/meetings.server";
import { formatDateTime } from "~/utils/dates";
import { formReply } from "~/utils/forms.server";
import { notFound, readForm } from "~/utils/http.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

// A meeting's documents for organisers and the secretariat: upload (multipart, works without
// JavaScript), edit, replace (a new version; the earlier ones stay) and remove.

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "documents:manage");
  const language = await languageOf(request);
  const t = await fixedT(language);
  const meeting = await getMeetingHeader(params.id ?? "");
  if (!meeting) notFound(t("admin:meeting.notFound"));
  const [documents, items, agencies] = await Promise.all([listMeetingDocuments(actor, meeting.id), agendaItemOptions(meeting.id), listAgencyOptions()]);
  const item = new URL(request.url).searchParams.get("item");
  return {
    meeting: { id: meeting.id, timeZone: meeting.timeZone },
    documents,
    items,
    agencies,
    preselectedItem: items.some((i) => i.value === item) ? item : null,
    accept: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(","),
    fileHint: t("admin:documents.fileHint", { max: formatFileSize(MAX_FILE_BYTES, language) }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "documents:manage");
  const language = await languageOf(request);
  const t = await fixedT(language);
  const meeting = await getMeetingHeader(params.id ?? "");
  if (!meeting) notFound(t("admin:meeting.notFound"));
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const back = `/admin/meetings/${meeting.id}/documents`;
  const documentId = String(formData.get("documentId") ?? "").slice(0, 40);
  switch (intent) {
    case "upload": {
      const submission = parseWithZod(formData, { schema: documentMetadataSchema });
      const formId = "new-document";
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await createDocument(actor, meeting.id, submission.value, formData.get("file"), language);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, t("admin:documents.toast.uploaded", { title: submission.value.title }));
    }
    case "edit": {
      const submission = parseWithZod(formData, { schema: documentMetadataSchema });
      const formId = `edit-${documentId}`;
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await updateDocument(actor, meeting.id, submission.value);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, t("admin:documents.toast.saved", { title: submission.value.title }));
    }
    case "replace": {
      const submission = parseWithZod(formData, { schema: documentMetadataSchema.pick({ documentId: true }) });
      const formId = `replace-${documentId}`;
      if (submission.status !== "success") return formReply(submission, undefined, { formId });
      const saved = await replaceDocumentFile(actor, meeting.id, documentId, formData.get("file"), language);
      if (!saved.ok) return formReply(submission, saved, { formId });
      return redirectWithToast(request, back, t("admin:documents.toast.version", { version: saved.version }));
    }
    case "remove": {
      const removed = await removeDocument(actor, meeting.id, documentId);
      return redirectWithToast(request, back, removed.ok ? t("admin:documents.toast.removed", { title: removed.title }) : t("admin:documents.toast.alreadyRemoved"));
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
  const { t, language } = useTranslation(["admin"]);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("admin:tab.documents")}</h2>
      {removing ? (
        <ConfirmStep
          title={t("admin:documents.confirmRemove", { title: removing.title })}
          intent="remove"
          fields={{ documentId: removing.id }}
          confirmLabel={t("admin:documents.confirmRemoveSubmit")}
          keepLabel={t("admin:documents.keep")}
        >
          <p>{t("admin:documents.confirmRemoveText")}</p>
        </ConfirmStep>
      ) : null}
      {data.documents.length ? (
        <TableScroll label={t("admin:documents.tableLabel")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin:documents.title")}</th>
                <th scope="col">{t("admin:documents.type")}</th>
                <th scope="col">{t("admin:documents.language")}</th>
                <th scope="col">{t("admin:documents.audience")}</th>
                <th scope="col">{t("admin:documents.agendaItem")}</th>
                <th scope="col">{t("admin:documents.size")}</th>
                <th scope="col">{t("admin:documents.versions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.documents.map((d) => (
                <tr key={d.id}>
                  <td>
                    <a href={`/files/${d.versions[0]?.file.key}`}>{d.title}</a>
                  </td>
                  <td>{t(`common:documentType.${d.type}`)}</td>
                  <td>{d.language}</td>
                  <td>
                    {t(`admin:documents.visibility.${d.visibility}`)}
                    {d.agency ? ` (${d.agency.acronym})` : ""}
                  </td>
                  <td>{d.agendaItem?.title ?? t("admin:documents.wholeMeeting")}</td>
                  <td>{d.versions[0] ? formatFileSize(d.versions[0].file.size, language) : ""}</td>
                  <td>{d.versions.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("admin:documents.none")}</p>
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
      <h3 id="upload-heading">{t("admin:documents.upload")}</h3>
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
  const { t } = useTranslation(["admin"]);
  return (
    <div className="grid-2">
      <InputField field={fields.title} label={t("admin:documents.title")} required />
      <SelectField field={fields.type} label={t("admin:documents.type")} options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`common:documentType.${type}`) }))} required />
      <InputField field={fields.language} label={t("admin:documents.language")} hint={t("admin:documents.languageHint")} required maxLength={3} />
      <SelectField
        field={fields.visibility}
        label={t("admin:documents.whoMaySee")}
        options={DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: t(`admin:documents.visibility.${v}`) }))}
        required
      />
      <SelectField field={fields.agencyId} label={t("admin:documents.agency")} options={choices.agencies} placeholder={t("admin:agenda.noAgency")} />
      <SelectField field={fields.agendaItemId} label={t("admin:documents.agendaItem")} options={choices.items} placeholder={t("admin:documents.theWholeMeeting")} />
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
  const { t } = useTranslation(["admin"]);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
        {chosenAgain ? ` ${t("admin:documents.chooseAgain")}` : ""}
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
  const { t } = useTranslation(["admin"]);
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} aria-labelledby="upload-heading">
      <FormErrors id={form.errorId} errors={form.errors} />
      <MetadataFields fields={fields} choices={choices} />
      <FileField id="new-document-file" label={t("admin:documents.file")} accept={accept} hint={fileHint} errors={fileErrors ?? undefined} chosenAgain={!!lastResult} />
      <SubmitButton name="intent" value="upload">
        {t("admin:documents.uploadSubmit")}
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
  const { t, language } = useTranslation(["admin"]);
  return (
    <article className="item-editor" aria-label={doc.title}>
      <h3>{doc.title}</h3>
      <p>{t("admin:documents.versionsIntro")}</p>
      <ol reversed>
        {doc.versions.map((v) => (
          <li key={v.version}>
            <a href={`/files/${v.file.key}`}>{v.file.filename}</a> <span className="muted">({formatFileSize(v.file.size, language)}, {formatDateTime(v.createdAt, timeZone, true, language)}{v.file.uploadedBy ? `, ${v.file.uploadedBy.name}` : ""})</span>
          </li>
        ))}
      </ol>
      <details open={!!editResult || !!replaceResult}>
        <summary>{t("admin:documents.editSummary", { title: doc.title })}</summary>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="documentId" value={doc.id} />
          <MetadataFields fields={fields} choices={choices} />
          <SubmitButton name="intent" value="edit">
            {t("admin:documents.save")}
          </SubmitButton>
        </Form>
        <Form method="post" encType="multipart/form-data" aria-label={t("admin:documents.replaceLabel", { title: doc.title })}>
          <input type="hidden" name="documentId" value={doc.id} />
          <FileField id={`replace-${doc.id}-file`} label={t("admin:documents.newVersion")} accept={accept} hint={fileHint} errors={replaceErrors.length ? replaceErrors : undefined} chosenAgain={!!replaceResult} />
          <SubmitButton name="intent" value="replace">
            {t("admin:documents.replaceSubmit")}
          </SubmitButton>
        </Form>
        <ConfirmButton what="remove" id={doc.id} className="danger" label={t("admin:documents.removeLabel", { title: doc.title })}>
          {t("admin:documents.remove")}
        </ConfirmButton>
      </details>
    </article>
  );
}
