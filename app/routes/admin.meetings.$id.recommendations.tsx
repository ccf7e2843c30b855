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
import { PRIORITIES, PRIORITY_LABELS } from "~/domain/recommendations/status";
import { db } from "~/utils/db.server";
import { formReply } from "~/utils/forms.server";
import { badRequest, notFound, readForm } from "~/utils/http.server";

// The Recommendations tab of a meeting: those made here (with a quick add) and those reviewed here,
// with the outcome agreed. It checks access itself: the layout's check does not protect it.

async function meetingOr404(id: string) {
  const m = await db.meeting.findUnique({ where: { id }, select: { id: true, title: true, seriesId: true, timeZone: true } });
  if (!m) notFound("We could not find that meeting.");
  return m;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const meeting = await meetingOr404(params.id ?? "");
  const [{ made, reviews }, agencies, code] = await Promise.all([meetingRecommendations(meeting.id), agencyChoices(), suggestCode(meeting.id)]);
  return { meeting, made, reviews: reviews.map((v) => ({ ...v, statuses: reviewTableStatuses(v.recommendation.status) })), agencies, code };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const meeting = await meetingOr404(params.id ?? "");
  const back = `/admin/meetings/${meeting.id}/recommendations`;
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "quick-add") {
    formData.set("meetingId", meeting.id);
    const submission = parseWithZod(formData, { schema: recommendationSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { intent });
    const r = await createRecommendation(user, submission.value);
    if (!r.ok) return formReply(submission, r, { intent });
    return redirectWithToast(request, back, `Recommendation ${submission.value.code} recorded.`);
  }
  if (intent === "review-table") {
    const submission = parseWithZod(formData, { schema: reviewTableSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { intent });
    const r = await recordSessionReview(user, meeting.id, submission.value.rows);
    if (!r.ok) return formReply(submission, r, { intent });
    const plural = (n: number) => `${n} recommendation${n === 1 ? "" : "s"}`;
    const message = r.changed
      ? `Review saved: ${plural(r.changed)} updated.`
      : r.repeated
        ? "This review was already saved; nothing changed."
        : "Nothing to save: no row was changed.";
    return redirectWithToast(request, back, message);
  }
  if (intent === "add-open") {
    const n = await addOpenRecommendationsOfSeries(user, meeting.id);
    return redirectWithToast(request, back, n === null ? "This meeting is not part of a series." : `${n} open recommendation${n === 1 ? "" : "s"} of the series on the review list.`);
  }
  badRequest("Unknown action.");
}

export default function MeetingRecommendations() {
  const { meeting, made, reviews, agencies, code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
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
      <h2 id="recs-h">Recommendations</h2>
      <p>
        <Link to={`/recommendations/report?meeting=${meeting.id}`}>Printable report</Link> ·{" "}
        <Link to={`/recommendations?meeting=${meeting.id}`}>Open in the list</Link>
      </p>
      <h3>Made at this meeting ({made.length})</h3>
      {made.length ? (
        <RecommendationTable rows={made} />
      ) : (
        <p>None recorded yet.</p>
      )}

      <h3>Quick add</h3>
      <p>
        Themes, supporting agencies and the agenda item can be added on the full form (<Link to={`/recommendations/new?meeting=${meeting.id}`}>record with all fields</Link>).
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.code} label="Reference code" required />
        <InputField field={fields.title} label="Title" required />
        <TextareaField field={fields.text} label="Full text" required />
        <SelectField field={fields.leadAgencyId} label="Lead agency" options={agencies.map((a) => ({ value: a.id, label: a.label }))} placeholder="Choose the lead agency" required />
        <SelectField field={fields.priority} label="Priority" options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} required />
        <InputField field={fields.dueDate} label="Due date" type="date" />
        <SubmitButton name="intent" value="quick-add">
          Add recommendation
        </SubmitButton>
      </Form>

      <h3>Reviewed at this meeting ({reviews.length})</h3>
      {meeting.seriesId ? (
        <Form method="post">
          <SubmitButton name="intent" value="add-open">
            Add all open recommendations of the series
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
        <p>No recommendation is on this meeting&apos;s review list.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Recommendations · Meeting · Convene" }];
