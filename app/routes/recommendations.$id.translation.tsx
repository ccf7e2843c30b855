import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, LanguageField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { recommendationTranslationSchema } from "~/domain/recommendations/translation.schema";
import { recommendationTranslationEditor, saveRecommendationTranslation } from "~/domain/recommendations/translations.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";

// A recommendation's title and text in its other language (docs/decisions/080-content-translations.md):
// one form, without JavaScript, the original shown beside; a save made meanwhile refuses this one.

export const handle = { i18n: ["recommendations", "content"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const editor = await recommendationTranslationEditor(params.id ?? "");
  const t = await fixedT(request);
  return { ...editor, title: t("recommendations:translation.title", { code: editor.code }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: recommendationTranslationSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveRecommendationTranslation(actor, params.id ?? "", submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, `/recommendations/${params.id}`, saved.changed ? t("recommendations:translation.saved") : t("recommendations:translation.unchanged"));
}

export default function RecommendationTranslationPage() {
  const data = useLoaderData<typeof loader>();
  // A new form after each save: its stamp and values are the saved ones.
  return <TranslationForm key={data.stamp} />;
}

function TranslationForm() {
  const { id, code, language: original, into, stamp, original: text, translated } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["recommendations", "content"]);
  const [form, fields] = useForm({
    id: "recommendation-translation",
    lastResult: actionData?.result,
    defaultValue: { stamp, language: original, into, title: translated.title, text: translated.text },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationTranslationSchema }),
    shouldValidate: "onSubmit",
  });
  const intoName = t(`content:language.${into}`);
  return (
    <>
      <PageHeader title={t("recommendations:translation.heading", { code })}>
        <Link to={`/recommendations/${id}`}>{t("recommendations:edit.back")}</Link>
      </PageHeader>
      <p>{t("recommendations:translation.intro", { into: intoName })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.stamp, { type: "hidden" })} />
        <input {...getInputProps(fields.into, { type: "hidden" })} />
        <LanguageField field={fields.language} label={t("recommendations:translation.originalLabel")} hint={t("recommendations:translation.originalHint")} />
        <p className="muted">
          {t("content:field.originalText")} <span lang={original}>{text.title}</span>
        </p>
        <InputField field={fields.title} label={t(`content:field.title.${into}`)} lang={into} />
        <p className="muted">
          {t("content:field.originalText")}{" "}
          <span lang={original} style={{ whiteSpace: "pre-line" }}>
            {text.text}
          </span>
        </p>
        <TextareaField field={fields.text} label={into === "fr" ? t("recommendations:translation.textFr") : t("recommendations:translation.textEn")} rows={8} />
        <SubmitButton busyLabel={t("content:saving")}>{t("content:save")}</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
