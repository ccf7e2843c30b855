import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, LanguageField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { saveTranslations, translationEditor } from "~/domain/content/translations.server";
import { translationsSchema } from "~/domain/content/translations.schema";
import { getMeetingHeader } from "~/domain/meetings/meetings.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formReply } from "~/utils/forms.server";
import { notFound, readForm } from "~/utils/http.server";

// A meeting's texts in its other language (docs/decisions/080-content-translations.md): one form, without
// JavaScript, for the meeting, every agenda item and every document; the originals are shown beside.

export const handle = { i18n: ["content"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:manage");
  const header = await getMeetingHeader(params.id ?? "");
  const t = await fixedT(request);
  if (!header) notFound(t("common:error.notFound.meeting"));
  return { ...(await translationEditor(header.id)), title: t("content:title", { meeting: header.title }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "meetings:manage");
  const submission = parseWithZod(await readForm(request), { schema: translationsSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveTranslations(actor, params.id ?? "", submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, `/admin/meetings/${params.id}/translations`, saved.changed ? t("content:saved") : t("content:unchanged"));
}

export default function TranslationsPage() {
  const data = useLoaderData<typeof loader>();
  // A new form after each save: its stamp and values are the saved ones.
  return <TranslationsForm key={data.stamp} />;
}

function TranslationsForm() {
  const { language: original, into, stamp, meeting, items, documents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["content"]);
  const [form, fields] = useForm({
    id: "translations",
    lastResult: actionData?.result,
    defaultValue: {
      stamp,
      language: original,
      into,
      title: meeting.translated.title,
      description: meeting.translated.description,
      items: items.map((i) => ({ id: i.id, ...i.translated })),
      documents: documents.map((d) => ({ id: d.id, ...d.translated })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: translationsSchema }),
    shouldValidate: "onSubmit",
  });
  const itemFields = fields.items.getFieldList();
  const documentFields = fields.documents.getFieldList();
  const intoName = t(`content:language.${into}`);
  return (
    <section aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t("content:heading")}</h2>
      <p>{t("content:intro", { into: intoName })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.stamp, { type: "hidden" })} />
        <input {...getInputProps(fields.into, { type: "hidden" })} />
        <LanguageField field={fields.language} label={t("content:original.label")} hint={t("content:original.hint")} />
        <fieldset>
          <legend>{t("content:legend.meeting")}</legend>
          <Original text={meeting.title} lang={original} />
          <InputField field={fields.title} label={t(`content:field.title.${into}`)} lang={into} />
          {meeting.description ? <Original text={meeting.description} lang={original} /> : null}
          <TextareaField field={fields.description} label={t(`content:field.description.${into}`)} rows={5} />
        </fieldset>
        <h3>{t("content:legend.agenda")}</h3>
        {items.length ? null : <p>{t("content:none.agenda")}</p>}
        {items.map((item, i) => {
          // A submission that did not come from this form (fewer items than the meeting has) is shown from the meeting.
          const f = itemFields[i]?.getFieldset();
          if (!f) return null;
          return (
            <fieldset key={item.id}>
              <legend>
                {t("content:legend.item")} <span lang={original}>{item.title}</span>
              </legend>
              <input {...getInputProps(f.id, { type: "hidden" })} />
              <InputField field={f.title} label={t(`content:field.title.${into}`)} lang={into} />
              {item.description ? <Original text={item.description} lang={original} /> : null}
              <TextareaField field={f.description} label={t(`content:field.description.${into}`)} rows={3} />
            </fieldset>
          );
        })}
        <h3>{t("content:legend.documents")}</h3>
        {documents.length ? null : <p>{t("content:none.documents")}</p>}
        {documents.map((doc, i) => {
          const f = documentFields[i]?.getFieldset();
          if (!f) return null;
          return (
            <fieldset key={doc.id}>
              <legend>
                {t("content:legend.document")} <span lang={original}>{doc.title}</span>
              </legend>
              <input {...getInputProps(f.id, { type: "hidden" })} />
              <InputField field={f.title} label={t(`content:field.title.${into}`)} lang={into} />
            </fieldset>
          );
        })}
        <SubmitButton busyLabel={t("content:saving")}>{t("content:save")}</SubmitButton>
      </Form>
    </section>
  );
}

function Original({ text, lang }: { text: string; lang: string }) {
  const { t } = useTranslation(["content"]);
  return (
    <p className="muted">
      {t("content:field.originalText")} <span lang={lang} style={{ whiteSpace: "pre-line" }}>{text}</span>
    </p>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
