import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { themeTranslationsSchema } from "~/domain/recommendations/translation.schema";
import { saveThemeTranslations, themeTranslationEditor } from "~/domain/recommendations/translations.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";

// The themes' names in their other language (decision 080): the list of themes is fixed (the seed writes
// it), so this page only translates it. One form, without JavaScript; a save made meanwhile refuses this one.

export const handle = { i18n: ["recommendations", "content"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const [editor, t] = await Promise.all([themeTranslationEditor(), fixedT(request)]);
  return { ...editor, title: t("recommendations:themes.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: themeTranslationsSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveThemeTranslations(actor, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, "/recommendations/themes", saved.changed ? t("recommendations:themes.saved") : t("recommendations:translation.unchanged"));
}

export default function ThemesPage() {
  const data = useLoaderData<typeof loader>();
  return <ThemesForm key={data.stamp} />;
}

function ThemesForm() {
  const { stamp, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["recommendations", "content"]);
  const [form, fields] = useForm({
    id: "theme-translations",
    lastResult: actionData?.result,
    defaultValue: { stamp, themes: themes.map((th) => ({ id: th.id, name: th.translated })) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: themeTranslationsSchema }),
    shouldValidate: "onSubmit",
  });
  const list = fields.themes.getFieldList();
  return (
    <>
      <PageHeader title={t("recommendations:themes.heading")}>
        <Link to="/recommendations">{t("recommendations:allRecommendations")}</Link>
      </PageHeader>
      <p>{t("recommendations:themes.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input {...getInputProps(fields.stamp, { type: "hidden" })} />
        {themes.length ? null : <p>{t("recommendations:themes.none")}</p>}
        {themes.map((th, i) => {
          // A submission that did not come from this form (fewer themes) is shown from the themes.
          const f = list[i]?.getFieldset();
          if (!f) return null;
          return (
            <fieldset key={th.id}>
              <legend>
                {t("recommendations:themes.legend")} <span lang={th.language}>{th.name}</span>
              </legend>
              <input {...getInputProps(f.id, { type: "hidden" })} />
              <InputField field={f.name} label={th.into === "fr" ? t("recommendations:themes.nameFr") : t("recommendations:themes.nameEn")} lang={th.into} />
            </fieldset>
          );
        })}
        <SubmitButton busyLabel={t("content:saving")}>{t("content:save")}</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
