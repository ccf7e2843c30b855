import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, InputField, SelectField, TextareaField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { EvidenceFileField, ProgressEvidence, type EvidenceUploadRules } from "~/components/progress-evidence";
import { ProgressMeter, ReviewUpdateForms } from "~/components/recommendation-ui";
import { RecommendationStatus } from "~/components/recommendation-status";
import { PageHeader, StatusBadge, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { assertCan, requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { evidenceUploadRules, unsentEvidence } from "~/domain/recommendations/evidence.server";
import { submitProgressUpdate, requestProgress } from "~/domain/recommendations/progress.server";
import { addReviewSchema, progressUpdateSchema, reviewOutcomeSchema, transitionSchema } from "~/domain/recommendations/recommendation.schema";
import { changeStatus, formOptions, getRecommendationDetail, requireVisibleRecommendation } from "~/domain/recommendations/recommendations.server";
import { addReview, recordReviewOutcome } from "~/domain/recommendations/reviews.server";
import { allowedNextStatuses, CLOSED_STATUSES, PRIORITY_LABELS, STATUS_LABELS, statusLabel, type Status } from "~/domain/recommendations/status";
import { formatDateTime, formatRange, formatShortDate } from "~/utils/dates";
import { formReply, refusalMessages } from "~/utils/forms.server";
import { badRequest, readForm } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const rec = await getRecommendationDetail(user, params.id!);
  const canManage = can(user, "recommendations:manage");
  const canReport = can(user, "recommendations:progress", { agencyId: rec.leadAgency.id, agencyIds: rec.supporters.map((s) => s.agency.id) });
  const options = canManage ? await formOptions() : null;
  return { rec, canManage, canReport, next: allowedNextStatuses(rec.status), options, upload: evidenceUploadRules() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const id = params.id!;
  await requireVisibleRecommendation(user, id);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const done = (message: string) => redirectWithToast(request, `/recommendations/${id}`, message);
  switch (intent) {
    case "progress": {
      const evidence = formData.get("evidenceFile");
      const submission = parseWithZod(formData, { schema: progressUpdateSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent, ...unsentEvidence(evidence) });
      const r = await submitProgressUpdate(user, id, submission.value);
      if (!r.ok) return formReply(submission, r, { intent, ...unsentEvidence(evidence) });
      return done("Progress update sent to the secretariat for review.");
    }
    case "transition": {
      assertCan(user, "recommendations:manage");
      const submission = parseWithZod(formData, { schema: transitionSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent });
      const { intent: _i, ...change } = submission.value;
      const r = await changeStatus(user, id, change);
      if (!r.ok) return formReply(submission, r, { intent });
      return done(`Status changed to ${statusLabel(change.toStatus).toLowerCase()}.`);
    }
    case "request-progress": {
      assertCan(user, "recommendations:manage");
      const r = await requestProgress(user, id);
      // A button without fields: the refusal is shown above it, with the same status as a refused form.
      if (!r.ok) return data({ intent, result: undefined, requestError: refusalMessages(r) }, { status: 400 });
      return done(`Progress requested from ${r.count} focal point${r.count === 1 ? "" : "s"} of the lead agency.`);
    }
    case "add-review": {
      assertCan(user, "recommendations:manage");
      const submission = parseWithZod(formData, { schema: addReviewSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent });
      const r = await addReview(user, id, submission.value);
      if (!r.ok) return formReply(submission, r, { intent });
      return done("Added to the review list of that meeting.");
    }
    case "outcome": {
      assertCan(user, "recommendations:manage");
      const submission = parseWithZod(formData, { schema: reviewOutcomeSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent });
      await recordReviewOutcome(user, { reviewId: submission.value.reviewId, recommendationId: id }, submission.value.outcome);
      return done("Review outcome recorded.");
    }
    default:
      badRequest("Unknown action.");
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function RecommendationDetail() {
  const { rec, canManage, canReport, next, options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const zone = rec.meeting.timeZone;
  const closed = CLOSED_STATUSES.includes(rec.status);
  return (
    <>
      <PageHeader title={`${rec.code}: ${rec.title}`}>
        {canManage ? <Link to={`/recommendations/${rec.id}/edit`}>Edit</Link> : null}
        <Link to="/recommendations">All recommendations</Link>
      </PageHeader>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <RecommendationStatus status={rec.status} /> <ProgressMeter value={rec.progress} />
        </dd>
        <dt>Lead agency</dt>
        <dd>{rec.leadAgency.name} ({rec.leadAgency.acronym})</dd>
        <dt>Supporting agencies</dt>
        <dd>{rec.supporters.length ? rec.supporters.map((s) => s.agency.acronym).join(", ") : "None"}</dd>
        <dt>Themes</dt>
        <dd>{rec.themes.length ? rec.themes.map((t) => t.theme.name).join(", ") : "None"}</dd>
        <dt>Priority</dt>
        <dd>{PRIORITY_LABELS[rec.priority]}</dd>
        <dt>Due date</dt>
        <dd>
          {rec.dueDate ? formatShortDate(rec.dueDate, zone) : "None set"}
          {rec.overdue ? <strong> — overdue</strong> : null}
        </dd>
        {rec.closingEvidence ? (
          <>
            <dt>Closing evidence</dt>
            <dd>{rec.closingEvidence}</dd>
          </>
        ) : null}
        {rec.supersededBy ? (
          <>
            <dt>Superseded by</dt>
            <dd>
              <Link to={`/recommendations/${rec.supersededBy.id}`}>
                {rec.supersededBy.code}: {rec.supersededBy.title}
              </Link>
            </dd>
          </>
        ) : null}
        {rec.supersedes.length ? (
          <>
            <dt>Supersedes</dt>
            <dd>
              {rec.supersedes.map((s) => (
                <Link key={s.id} to={`/recommendations/${s.id}`}>
                  {s.code}{" "}
                </Link>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Text</h2>
      <p style={{ whiteSpace: "pre-line" }}>{rec.text}</p>
      {rec.rationale ? (
        <>
          <h2>Rationale</h2>
          <p style={{ whiteSpace: "pre-line" }}>{rec.rationale}</p>
        </>
      ) : null}

      <h2>Meetings</h2>
      <ol className="timeline">
        {rec.meetings.map((m) => (
          <li key={`${m.kind}-${m.meeting.id}`}>
            <strong>{m.kind === "MADE" ? "Made at" : "Reviewed at"}</strong> {m.meeting.title}, {m.meeting.city} — {formatRange(m.meeting.startsAt, m.meeting.endsAt, m.meeting.timeZone)}
            {m.agendaItem ? <div>Agenda item: {m.agendaItem}</div> : null}
            {m.kind === "REVIEWED" ? <div>Outcome: {m.outcome || "not recorded yet"}</div> : null}
            {m.kind === "REVIEWED" && canManage && m.reviewId ? <OutcomeForm reviewId={m.reviewId} outcome={m.outcome} lastResult={resultFor("outcome")} /> : null}
          </li>
        ))}
      </ol>

      <h2>Progress updates</h2>
      {rec.updates.length ? (
        <ol className="timeline">
          {rec.updates.map((u) => (
            <li key={u.id}>
              <p>
                <strong>{formatDateTime(u.createdAt, zone)}</strong> — {u.authorName}
                {u.agency ? ` (${u.agency.acronym})` : ""} <StatusBadge status={u.state} />
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{u.text}</p>
              {u.newStatus || u.newProgress !== null ? (
                <p>
                  Proposes: {u.newStatus ? statusLabel(u.newStatus) : "same status"}
                  {u.newProgress !== null ? `, ${u.newProgress} %` : ""}
                </p>
              ) : null}
              <ProgressEvidence url={u.evidenceUrl} file={u.evidenceFile} />
              {u.reviewedBy ? (
                <p className="muted">
                  {u.state === "ACCEPTED" ? "Accepted" : "Returned"} by {u.reviewedBy.name}
                  {u.reviewNote ? `: ${u.reviewNote}` : ""}
                </p>
              ) : null}
              {u.state === "SUBMITTED" && canManage ? <ReviewUpdateForms updateId={u.id} redirectTo={`/recommendations/${rec.id}`} /> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>No progress reported yet.</p>
      )}
      {canReport && !closed ? (
        <ProgressForm
          next={next}
          upload={upload}
          lastResult={resultFor("progress")}
          unsentFile={actionData?.intent === "progress" && "unsentFile" in actionData ? actionData.unsentFile : null}
        />
      ) : null}

      {canManage && !closed ? (
        <>
          <h2>Ask the lead agency for progress</h2>
          <Form method="post">
            <p>Emails each focal point of {rec.leadAgency.acronym} a link to report progress once, without signing in.</p>
            <FormErrors id="request-progress-errors" errors={actionData && "requestError" in actionData ? actionData.requestError : undefined} />
            <SubmitButton name="intent" value="request-progress">
              Request progress
            </SubmitButton>
          </Form>
        </>
      ) : null}
      {canManage && next.length ? <TransitionForm next={next} lastResult={resultFor("transition")} progress={rec.progress} /> : null}
      {canManage && options ? <AddReviewForm options={options} lastResult={resultFor("add-review")} /> : null}

      <h2>Status history</h2>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Progress</th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {rec.statusChanges.map((c) => (
            <tr key={c.id}>
              <td>{formatDateTime(c.createdAt, zone)}</td>
              <td>{c.fromStatus ? statusLabel(c.fromStatus) : "—"}</td>
              <td>{statusLabel(c.toStatus)}</td>
              <td>{c.progress} %</td>
              <td>{c.userName || "—"}</td>
              <td>{c.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <p className="muted">Times in {zone}.</p>
    </>
  );
}

function ProgressForm({ next, upload, lastResult, unsentFile }: { next: Status[]; upload: EvidenceUploadRules; lastResult?: SubmissionResult<string[]>; unsentFile: string | null }) {
  const [form, fields] = useForm({
    id: "progress",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: progressUpdateSchema }),
    // On input, not on blur: choosing another file clears the refused one's error at once, so the
    // message does not vanish (and move the button) under the pointer as the person clicks Send.
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h2>Report progress</h2>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField field={fields.text} label="What was done" required />
        <SelectField
          field={fields.newStatus}
          label="Proposed new status"
          options={next.filter((s) => s !== "SUPERSEDED").map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          placeholder="Keep the current status"
        />
        <InputField field={fields.newProgress} label="Proposed progress (%)" type="number" min={0} max={100} step={1} />
        <InputField field={fields.evidenceUrl} label="Link to evidence" type="url" hint="A link, a file, or both: needed when you propose to close the recommendation." />
        <EvidenceFileField field={fields.evidenceFile} rules={upload} unsentFile={unsentFile} />
        <SubmitButton name="intent" value="progress">
          Send progress update
        </SubmitButton>
      </Form>
    </>
  );
}

function TransitionForm({ next, lastResult, progress }: { next: Status[]; lastResult?: SubmissionResult<string[]>; progress: number }) {
  const [form, fields] = useForm({
    id: "transition",
    lastResult,
    defaultValue: { progress: String(progress) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transitionSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <h2>Change status</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.toStatus} label="New status" options={next.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} placeholder="Choose" required />
        <InputField field={fields.progress} label="Progress (%)" type="number" min={0} max={100} step={1} hint="Implemented is always 100 %." />
        <TextareaField field={fields.closingEvidence} label="Closing evidence" hint="Needed to close it: a note or a document link." rows={2} />
        <InputField field={fields.supersededByCode} label="Superseded by (code)" hint="Only when it is superseded by another recommendation." />
        <TextareaField field={fields.note} label="Note for the history" rows={2} />
        <SubmitButton name="intent" value="transition">
          Change status
        </SubmitButton>
      </Form>
    </>
  );
}

function AddReviewForm({ options, lastResult }: { options: NonNullable<Data["options"]>; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "add-review",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addReviewSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <h2>Put on the agenda of a later meeting</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField field={fields.meetingId} label="Reviewing meeting" options={options.meetings.map((m) => ({ value: m.id, label: m.label }))} placeholder="Choose a meeting" required />
        <SelectField
          field={fields.agendaItemId}
          label="Agenda item (optional)"
          options={options.meetings.flatMap((m) => m.agendaItems.map((i) => ({ value: i.id, label: `${m.label}: ${i.title}` })))}
          placeholder="No specific item"
        />
        <TextareaField field={fields.outcome} label="Outcome (if already known)" rows={2} />
        <SubmitButton name="intent" value="add-review">
          Add to review list
        </SubmitButton>
      </Form>
    </>
  );
}

function OutcomeForm({ reviewId, outcome, lastResult }: { reviewId: string; outcome: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `outcome-${reviewId}`,
    lastResult: lastResult && (lastResult.initialValue?.reviewId === reviewId) ? lastResult : undefined,
    defaultValue: { outcome, reviewId },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewOutcomeSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form">
      <input type="hidden" name="reviewId" value={reviewId} />
      <TextareaField field={fields.outcome} label="Outcome at this meeting" rows={2} required />
      <SubmitButton name="intent" value="outcome">
        Save outcome
      </SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.rec.code} · Recommendations · Convene` : "Recommendation · Convene" }];
