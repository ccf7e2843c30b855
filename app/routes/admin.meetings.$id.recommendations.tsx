import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { RecommendationStatus, RecommendationTable } from "~/components/recommendation-ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { recommendationSchema, reviewOutcomeSchema } from "~/domain/recommendations/recommendation.schema";
import { agencyChoices, createRecommendation, suggestCode } from "~/domain/recommendations/recommendations.server";
import { addOpenRecommendationsOfSeries, meetingRecommendations, recordReviewOutcome } from "~/domain/recommendations/reviews.server";
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
  const [lists, agencies, code] = await Promise.all([meetingRecommendations(meeting.id), agencyChoices(), suggestCode(meeting.id)]);
  return { meeting, ...lists, agencies, code };
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
  if (intent === "outcome") {
    const submission = parseWithZod(formData, { schema: reviewOutcomeSchema });
    if (submission.status !== "success") return formReply(submission, undefined, { intent });
    await recordReviewOutcome(user, { reviewId: submission.value.reviewId, meetingId: meeting.id }, submission.value.outcome);
    return redirectWithToast(request, back, "Review outcome recorded.");
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
      <FormErrors id="outcome-errors" errors={actionData?.intent === "outcome" ? Object.values(actionData.result.error ?? {}).flat().filter((e): e is string => !!e) : undefined} />
      {meeting.seriesId ? (
        <Form method="post">
          <SubmitButton name="intent" value="add-open">
            Add all open recommendations of the series
          </SubmitButton>
        </Form>
      ) : null}
      {reviews.length ? (
        <ol className="cards">
          {reviews.map((v) => (
            <li key={v.id} className="card">
              <h4>
                <Link to={`/recommendations/${v.recommendation.id}`}>
                  {v.recommendation.code}: {v.recommendation.title}
                </Link>
              </h4>
              <p>
                Made at {v.recommendation.meeting.title}; lead {v.recommendation.leadAgency.acronym}; <RecommendationStatus status={v.recommendation.status} />{" "}
                {v.recommendation.progress} %{v.agendaItem ? `; agenda item: ${v.agendaItem.title}` : ""}
              </p>
              <Form method="post">
                <input type="hidden" name="reviewId" value={v.id} />
                <div className="field">
                  <label htmlFor={`outcome-${v.id}`}>Outcome at this meeting</label>
                  <textarea id={`outcome-${v.id}`} name="outcome" defaultValue={v.outcome} rows={2} maxLength={2000} required />
                </div>
                <SubmitButton name="intent" value="outcome">
                  Save outcome
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ol>
      ) : (
        <p>No recommendation is on this meeting&apos;s review list.</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Recommendations · Meeting · Convene" }];
