import { clientIp, readForm } from "~/utils/http.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { useContentLang } from "~/components/content";
import { HoneypotField } from "~/components/honeypot";
import { EvidenceFileField } from "~/components/progress-evidence";
import { ProgressMeter } from "~/components/recommendation-ui";
import { RecommendationStatus } from "~/components/recommendation-status";
import { Notice, PageHeader } from "~/components/ui";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { rejectHoneypot } from "~/domain/abuse/honeypot.server";
import { evidenceUploadRules, unsentEvidence } from "~/domain/recommendations/evidence.server";
import { readProgressLink, submitViaProgressLink } from "~/domain/recommendations/progress.server";
import { progressUpdateSchema } from "~/domain/recommendations/recommendation.schema";
import { allowedNextStatuses, type Status } from "~/domain/recommendations/status";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { isKey } from "~/i18n/translate";
import { formatShortDate } from "~/utils/dates";
import { formReply } from "~/utils/forms.server";

// The single-purpose link a focal point gets by email: report progress on one recommendation,
// once, without signing in. The token in the address is the only credential (only its hash is stored).

export const handle = { i18n: ["recommendations"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const language = await languageOf(request);
  const [state, t] = await Promise.all([readProgressLink(params.token ?? "", language), fixedT(language)]);
  const title = t("recommendations:progressLink.title");
  if (!state.ok) return { title, state, next: [] as Status[], upload: evidenceUploadRules(language) };
  return { title, state, next: allowedNextStatuses(state.recommendation.status).filter((s) => s !== "SUPERSEDED"), upload: evidenceUploadRules(language) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const formData = await readForm(request);
  rejectHoneypot(formData);
  const evidence = formData.get("evidenceFile");
  const submission = parseWithZod(formData, { schema: progressUpdateSchema });
  if (submission.status !== "success") return formReply(submission, undefined, { done: false, reason: null, ...unsentEvidence(evidence) });
  const r = await submitViaProgressLink(params.token ?? "", submission.value, await languageOf(request));
  if ("reason" in r) return { result: submission.reply(), done: false, reason: r.reason, unsentFile: null };
  if (!r.ok) return formReply(submission, r, { done: false, reason: null, ...unsentEvidence(evidence) });
  return { result: submission.reply({ resetForm: true }), done: true, reason: null, unsentFile: null };
}

export default function ProgressByLink() {
  const { state, next, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: progressUpdateSchema }),
    // On input, not on blur: choosing another file clears the refused one's error at once, so the
    // message does not vanish (and move the button) under the pointer as the person clicks Send.
    shouldRevalidate: "onInput",
  });
  const { t, language } = useTranslation(["recommendations"]);
  const contentLang = useContentLang();
  if (actionData?.done) {
    return (
      <>
        <PageHeader title={t("recommendations:progressLink.thanks")} />
        <Notice kind="success">{t("recommendations:progressLink.sent")}</Notice>
      </>
    );
  }
  if (!state.ok || actionData?.reason) {
    const reason = actionData?.reason ?? (!state.ok ? state.reason : "");
    return (
      <>
        <PageHeader title={t("recommendations:progressLink.heading")} />
        <Notice kind="warning">{isKey(reason) ? t(reason) : reason}</Notice>
      </>
    );
  }
  const r = state.recommendation;
  return (
    <>
      <PageHeader title={t("recommendations:progressLink.headingFor", { code: r.code })} />
      <p>{t("recommendations:progressLink.intro", { acronym: state.agency.acronym, email: state.email })}</p>
      <h2 lang={contentLang(r.lang.title)}>{r.title}</h2>
      <p style={{ whiteSpace: "pre-line" }} lang={contentLang(r.lang.text)}>
        {r.text}
      </p>
      <p>
        {t("recommendations:now")} <RecommendationStatus status={r.status} /> <ProgressMeter value={r.progress} />
        {r.dueDate ? `, ${t("recommendations:progressLink.due", { date: formatShortDate(r.dueDate, r.timeZone, language) })}` : ""}
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField field={fields.text} label={t("recommendations:progressForm.text")} required />
        <SelectField
          field={fields.newStatus}
          label={t("recommendations:progressForm.newStatus")}
          options={next.map((s) => ({ value: s, label: t(`common:recommendationStatus.${s}`) }))}
          placeholder={t("recommendations:progressForm.keepStatus")}
        />
        <InputField field={fields.newProgress} label={t("recommendations:progressForm.newProgress")} type="number" min={0} max={100} step={1} />
        <InputField field={fields.evidenceUrl} label={t("recommendations:progressForm.evidenceUrl")} type="url" hint={t("recommendations:progressForm.evidenceHint")} />
        <EvidenceFileField field={fields.evidenceFile} rules={upload} unsentFile={actionData?.unsentFile} />
        <HoneypotField />
        <SubmitButton>{t("recommendations:progressLink.submit")}</SubmitButton>
      </Form>
    </>
  );
}

// The token stays on this site through the server's Referrer-Policy (same-origin); a page-level no-referrer
// would make the browser send `Origin: null` with the form, which readForm refuses as cross-site.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }, { name: "robots", content: "noindex" }];
