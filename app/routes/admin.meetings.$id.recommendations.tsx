import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { ReviewTable } from "~/components/review-table";
import { SubmitButton } from "~/components/submit-button";
import { RecommendationTable } from "~/components/recommendation-ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { recommendationSchema, reviewTableSchema } from "~/domain/recommendations/recommendation.schema";
import { agencyChoices, createRecommendation, suggestCode } from "~/domain/recommendations/recommendations.server";
import { addOpenRecommendationsOfSeries, meetingRecommendations, recordSessionReview, reviewTableStatuses } from "~/domain/recommendations/reviews.server";
import { PRIORITIES } from "~/domain/recommendations/status";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { db } from "~/utils/db.server";
import { formReply } from "~/utils/forms.server";
import { badRequest, notFound, readForm } from "~/utils/http.server";

// The Recommendations tab of a meeting: those made here (with a quick add) and those reviewed here,
// with the outcome agreed. It checks access itself: the layout's check does not protect it.

export const handle = { i18n: ["recommendations"] };

async function meetingOr404(request: Request, id: string) {
  const m = await db.meeting.findUnique({ where: { id }, select: { id: true, title: true, seriesId: true, timeZone: true } });
  const t = await fixedT(request);
  if (!m) notFound(t("recommendations:report.meetingNotFound"));
  return m;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const meeting = await meetingOr404(request, params.id ?? "");
  const [{ made, reviews }, agencies, code, t] = await Promise.all([meetingRecommendations(meeting.id, await languageOf(request)), agencyChoices(), suggestCode(meeting.id), fixedT(request)]);
  return {
    title: t("recommendations:meetingTab.title"),
    meeting, made, reviews: reviews.map((v) => ({ ...v, statuses: reviewTableStatuses(v.recommendation.status) })), agencies, code };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const meeting = await meetingOr404(request, params.id ?? "");
  const t = await fixedT(request);
  const back = `/admin/meetings/${meeting.id}/recommendations`;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "quick-add") {
    formData.set("meetingId", meeting.id);
    const submission = parseWithZod(formData, { schema: recommendationSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { intent });
    const r = await createRecommendation(user, submission.value);
    if (!r.ok) return formReply(submission, r, { intent });
    return redirectWithToast(request, back, t("recommendations:toast.recorded", { code: submission.value.code }));
  }
  if (intent === "review-table") {
    const submission = parseWithZod(formData, { schema: reviewTableSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { intent });
    const r = await recordSessionReview(user, meeting.id, submission.value.rows);
    if (!r.ok) return formReply(submission, r, { intent });
    const message = r.changed
      ? t("recommendations:toast.reviewSaved", { count: r.changed })
      : r.repeated
        ? t("recommendations:toast.reviewRepeated")
        : t("recommendations:toast.reviewNothing");
    return redirectWithToast(request, back, message);
  }
  if (intent === "add-open") {
    const n = await addOpenRecommendationsOfSeries(user, meeting.id);
    return redirectWithToast(request, back, n === null ? t("recommendations:toast.noSeries") : t("recommendations:toast.openAdded", { count: n }));
  }
  badRequest(t("recommendations:error.unknownAction"));
}

export default function MeetingRecommendations() {
  const { meeting, made, reviews, agencies, code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["recommendations"]);
  const review = actionData?.intent === "review-table" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "quick-add",
    lastResult: actionData?.intent === "quick-add" ? actionData.result : undefined,
    defaultValue: { code, priority: "MEDIUM" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationSchema.omit({ meetingId: true }) }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="recs-h">
      <h2 id="recs-h">{t("recommendations:meetingTab.heading")}</h2>
      <p>
        <Link to={`/recommendations/report?meeting=${meeting.id}`}>{t("recommendations:meetingTab.report")}</Link> ·{" "}
        <Link to={`/recommendations?meeting=${meeting.id}`}>{t("recommendations:meetingTab.openList")}</Link>
      </p>
      <h3>{t("recommendations:report.made", { count: made.length })}</h3>
      {made.length ? (
        <RecommendationTable rows={made} />
      ) : (
        <p>{t("recommendations:meetingTab.noneYet")}</p>
      )}

      <h3>{t("recommendations:meetingTab.quickAdd")}</h3>
      <p>
        {t("recommendations:meetingTab.quickAddIntro")} (<Link to={`/recommendations/new?meeting=${meeting.id}`}>{t("recommendations:meetingTab.fullForm")}</Link>).
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.code} label={t("recommendations:form.code")} required />
        <InputField field={fields.title} label={t("recommendations:form.title")} required />
        <TextareaField field={fields.text} label={t("recommendations:form.text")} required />
        <SelectField
          field={fields.leadAgencyId}
          label={t("recommendations:form.leadAgency")}
          options={agencies.map((a) => ({ value: a.id, label: a.label }))}
          placeholder={t("recommendations:form.chooseLeadAgency")}
          required
        />
        <SelectField field={fields.priority} label={t("recommendations:form.priority")} options={PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))} required />
        <InputField field={fields.dueDate} label={t("recommendations:form.dueDate")} type="date" />
        <SubmitButton name="intent" value="quick-add">
          {t("recommendations:meetingTab.add")}
        </SubmitButton>
      </Form>

      <h3>{t("recommendations:report.reviewed", { count: reviews.length })}</h3>
      {meeting.seriesId ? (
        <Form method="post">
          <SubmitButton name="intent" value="add-open">
            {t("recommendations:meetingTab.addOpen")}
          </SubmitButton>
        </Form>
      ) : null}
      {reviews.length ? (
        <ReviewTable
          rows={reviews}
          submitted={review?.initialValue as Parameters<typeof ReviewTable>[0]["submitted"]}
          errors={review?.error ?? undefined}
          formErrors={review ? [...(review.error?.[""] ?? []), ...(review.error?.rows ?? [])] : undefined}
        />
      ) : (
        <p>{t("recommendations:meetingTab.noReviews")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
