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
import { useContentLang } from "~/components/content";
import { can } from "~/domain/auth/permissions";
import { assertCan, requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { evidenceUploadRules, unsentEvidence } from "~/domain/recommendations/evidence.server";
import { submitProgressUpdate, requestProgress } from "~/domain/recommendations/progress.server";
import { addReviewSchema, progressUpdateSchema, reviewOutcomeSchema, transitionSchema } from "~/domain/recommendations/recommendation.schema";
import { changeStatus, formOptions, getRecommendationDetail, requireVisibleRecommendation } from "~/domain/recommendations/recommendations.server";
import { addReview, recordReviewOutcome } from "~/domain/recommendations/reviews.server";
import { allowedNextStatuses, CLOSED_STATUSES, type Status } from "~/domain/recommendations/status";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, formatRange, formatShortDate } from "~/utils/dates";
import { formReply, refusalMessages } from "~/utils/forms.server";
import { badRequest, readForm } from "~/utils/http.server";

export const handle = { i18n: ["recommendations", "content"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const language = await languageOf(request);
  const rec = await getRecommendationDetail(user, params.id!, language);
  const canManage = can(user, "recommendations:manage");
  const canReport = can(user, "recommendations:progress", { agencyId: rec.leadAgency.id, agencyIds: rec.supporters.map((s) => s.agency.id) });
  const [options, t] = await Promise.all([canManage ? formOptions(language) : null, fixedT(request)]);
  return { title: t("recommendations:detail.title", { code: rec.code }), rec, canManage, canReport, next: allowedNextStatuses(rec.status), options, upload: evidenceUploadRules(language) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const id = params.id!;
  await requireVisibleRecommendation(user, id);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const t = await fixedT(request);
  const done = (message: string) => redirectWithToast(request, `/recommendations/${id}`, message);
  switch (intent) {
    case "progress": {
      const evidence = formData.get("evidenceFile");
      const submission = parseWithZod(formData, { schema: progressUpdateSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent, ...unsentEvidence(evidence) });
      const r = await submitProgressUpdate(user, id, submission.value, await languageOf(request));
      if (!r.ok) return formReply(submission, r, { intent, ...unsentEvidence(evidence) });
      return done(t("recommendations:toast.progressSent"));
    }
    case "transition": {
      assertCan(user, "recommendations:manage");
      const submission = parseWithZod(formData, { schema: transitionSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent });
      const { intent: _i, ...change } = submission.value;
      const r = await changeStatus(user, id, change);
      if (!r.ok) return formReply(submission, r, { intent });
      return done(t("recommendations:toast.statusChanged", { status: t(`common:recommendationStatus.${change.toStatus}`).toLowerCase() }));
    }
    case "request-progress": {
      assertCan(user, "recommendations:manage");
      const r = await requestProgress(user, id);
      // A button without fields: the refusal is shown above it, with the same status as a refused form.
      if (!r.ok) return data({ intent, result: undefined, requestError: refusalMessages(r) }, { status: 400 });
      return done(t("recommendations:toast.progressRequested", { count: r.count }));
    }
    case "add-review": {
      assertCan(user, "recommendations:manage");
      const submission = parseWithZod(formData, { schema: addReviewSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent });
      const r = await addReview(user, id, submission.value);
      if (!r.ok) return formReply(submission, r, { intent });
      return done(t("recommendations:toast.reviewAdded"));
    }
    case "outcome": {
      assertCan(user, "recommendations:manage");
      const submission = parseWithZod(formData, { schema: reviewOutcomeSchema });
      if (submission.status !== "success") return formReply(submission, undefined, { intent });
      await recordReviewOutcome(user, { reviewId: submission.value.reviewId, recommendationId: id }, submission.value.outcome);
      return done(t("recommendations:toast.outcomeRecorded"));
    }
    default:
      badRequest(t("recommendations:error.unknownAction"));
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function RecommendationDetail() {
  const { rec, canManage, canReport, next, options, upload } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useTranslation(["recommendations", "content"]);
  const contentLang = useContentLang();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData.result : undefined);
  const zone = rec.meeting.timeZone;
  const closed = CLOSED_STATUSES.includes(rec.status);
  return (
    <>
      <PageHeader
        title={
          <>
            {rec.code}: <span lang={contentLang(rec.shown.lang.title)}>{rec.shown.title}</span>
          </>
        }
      >
        {canManage ? <Link to={`/recommendations/${rec.id}/edit`}>{t("recommendations:detail.edit")}</Link> : null}
        {canManage ? <Link to={`/recommendations/${rec.id}/translation`}>{t("recommendations:translation.link")}</Link> : null}
        <Link to="/recommendations">{t("recommendations:allRecommendations")}</Link>
      </PageHeader>
      <dl className="facts">
        <dt>{t("recommendations:column.status")}</dt>
        <dd>
          <RecommendationStatus status={rec.status} /> <ProgressMeter value={rec.progress} />
        </dd>
        <dt>{t("recommendations:column.leadAgency")}</dt>
        <dd>{rec.leadAgency.name} ({rec.leadAgency.acronym})</dd>
        <dt>{t("recommendations:form.supportingAgencies")}</dt>
        <dd>{rec.supporters.length ? rec.supporters.map((s) => s.agency.acronym).join(", ") : t("recommendations:detail.none")}</dd>
        <dt>{t("recommendations:form.themes")}</dt>
        <dd>
          {rec.themes.length
            ? rec.themes.map((th, i) => (
                <span key={th.theme.id}>
                  {i ? ", " : null}
                  <span lang={contentLang(th.theme.lang.name)}>{th.theme.name}</span>
                </span>
              ))
            : t("recommendations:detail.none")}
        </dd>
        <dt>{t("recommendations:column.priority")}</dt>
        <dd>{t(`common:priority.${rec.priority}`)}</dd>
        <dt>{t("recommendations:form.dueDate")}</dt>
        <dd>
          {rec.dueDate ? formatShortDate(rec.dueDate, zone, language) : t("recommendations:detail.noDueDate")}
          {rec.overdue ? <strong> — {t("recommendations:detail.overdue")}</strong> : null}
        </dd>
        {rec.closingEvidence ? (
          <>
            <dt>{t("recommendations:detail.closingEvidence")}</dt>
            <dd>{rec.closingEvidence}</dd>
          </>
        ) : null}
        {rec.supersededBy ? (
          <>
            <dt>{t("recommendations:detail.supersededBy")}</dt>
            <dd>
              <Link to={`/recommendations/${rec.supersededBy.id}`}>
                {rec.supersededBy.code}: <span lang={contentLang(rec.supersededBy.lang.title)}>{rec.supersededBy.title}</span>
              </Link>
            </dd>
          </>
        ) : null}
        {rec.supersedes.length ? (
          <>
            <dt>{t("recommendations:detail.supersedes")}</dt>
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
      {canManage && rec.missing.fields.length ? (
        <p className="notice notice-warning">
          {rec.missing.fields.length === 2
            ? t("recommendations:translation.missingBoth", { into: t(`content:language.${rec.missing.into}`) })
            : rec.missing.fields[0] === "title"
              ? t("recommendations:translation.missingTitle", { into: t(`content:language.${rec.missing.into}`) })
              : t("recommendations:translation.missingText", { into: t(`content:language.${rec.missing.into}`) })}{" "}
          <Link to={`/recommendations/${rec.id}/translation`}>{t("recommendations:translation.add")}</Link>
        </p>
      ) : null}
      <h2>{t("recommendations:detail.text")}</h2>
      <p style={{ whiteSpace: "pre-line" }} lang={contentLang(rec.shown.lang.text)}>
        {rec.shown.text}
      </p>
      {rec.rationale ? (
        <>
          <h2>{t("recommendations:form.rationale")}</h2>
          <p style={{ whiteSpace: "pre-line" }}>{rec.rationale}</p>
        </>
      ) : null}

      <h2>{t("recommendations:detail.meetings")}</h2>
      <ol className="timeline">
        {rec.meetings.map((m) => (
          <li key={`${m.kind}-${m.meeting.id}`}>
            <strong>{m.kind === "MADE" ? t("recommendations:detail.madeAt") : t("recommendations:detail.reviewedAt")}</strong> {m.meeting.title}, {m.meeting.city} —{" "}
            {formatRange(m.meeting.startsAt, m.meeting.endsAt, m.meeting.timeZone, language)}
            {m.agendaItem ? <div>{t("recommendations:detail.agendaItem", { title: m.agendaItem })}</div> : null}
            {m.kind === "REVIEWED" ? <div>{t("recommendations:detail.outcome", { outcome: m.outcome || t("recommendations:detail.outcomeMissing") })}</div> : null}
            {m.kind === "REVIEWED" && canManage && m.reviewId ? <OutcomeForm reviewId={m.reviewId} outcome={m.outcome} lastResult={resultFor("outcome")} /> : null}
          </li>
        ))}
      </ol>

      <h2>{t("recommendations:detail.updates")}</h2>
      {rec.updates.length ? (
        <ol className="timeline">
          {rec.updates.map((u) => (
            <li key={u.id}>
              <p>
                <strong>{formatDateTime(u.createdAt, zone, false, language)}</strong> — {u.authorName}
                {u.agency ? ` (${u.agency.acronym})` : ""} <StatusBadge status={u.state} label={t(`recommendations:updateState.${u.state}`)} />
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{u.text}</p>
              {u.newStatus || u.newProgress !== null ? (
                <p>
                  {t("recommendations:proposes", { status: u.newStatus ? t(`common:recommendationStatus.${u.newStatus}`) : t("recommendations:sameStatus") })}
                  {u.newProgress !== null ? `, ${u.newProgress} %` : ""}
                </p>
              ) : null}
              <ProgressEvidence url={u.evidenceUrl} file={u.evidenceFile} />
              {u.reviewedBy ? (
                <p className="muted">
                  {u.state === "ACCEPTED"
                    ? t("recommendations:detail.acceptedBy", { name: u.reviewedBy.name })
                    : t("recommendations:detail.returnedBy", { name: u.reviewedBy.name })}
                  {u.reviewNote ? `${t("recommendations:colon")}${u.reviewNote}` : ""}
                </p>
              ) : null}
              {u.state === "SUBMITTED" && canManage ? <ReviewUpdateForms updateId={u.id} redirectTo={`/recommendations/${rec.id}`} /> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("recommendations:detail.noUpdates")}</p>
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
          <h2>{t("recommendations:detail.requestHeading")}</h2>
          <Form method="post">
            <p>{t("recommendations:detail.requestIntro", { acronym: rec.leadAgency.acronym })}</p>
            <FormErrors id="request-progress-errors" errors={actionData && "requestError" in actionData ? actionData.requestError : undefined} />
            <SubmitButton name="intent" value="request-progress">
              {t("recommendations:detail.requestSubmit")}
            </SubmitButton>
          </Form>
        </>
      ) : null}
      {canManage && next.length ? <TransitionForm next={next} lastResult={resultFor("transition")} progress={rec.progress} /> : null}
      {canManage && options ? <AddReviewForm options={options} lastResult={resultFor("add-review")} /> : null}

      <h2>{t("recommendations:detail.history")}</h2>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("recommendations:history.when")}</th>
            <th scope="col">{t("recommendations:history.from")}</th>
            <th scope="col">{t("recommendations:history.to")}</th>
            <th scope="col">{t("recommendations:column.progress")}</th>
            <th scope="col">{t("recommendations:history.by")}</th>
            <th scope="col">{t("recommendations:history.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rec.statusChanges.map((c) => (
            <tr key={c.id}>
              <td>{formatDateTime(c.createdAt, zone, false, language)}</td>
              <td>{c.fromStatus ? t(`common:recommendationStatus.${c.fromStatus}`) : "—"}</td>
              <td>{t(`common:recommendationStatus.${c.toStatus}`)}</td>
              <td>{c.progress} %</td>
              <td>{c.userName || "—"}</td>
              <td>{c.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <p className="muted">{t("recommendations:detail.timesIn", { zone })}</p>
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
  const { t } = useTranslation(["recommendations"]);
  return (
    <>
      <h2>{t("recommendations:progressForm.heading")}</h2>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField field={fields.text} label={t("recommendations:progressForm.text")} required />
        <SelectField
          field={fields.newStatus}
          label={t("recommendations:progressForm.newStatus")}
          options={next.filter((s) => s !== "SUPERSEDED").map((s) => ({ value: s, label: t(`common:recommendationStatus.${s}`) }))}
          placeholder={t("recommendations:progressForm.keepStatus")}
        />
        <InputField field={fields.newProgress} label={t("recommendations:progressForm.newProgress")} type="number" min={0} max={100} step={1} />
        <InputField field={fields.evidenceUrl} label={t("recommendations:progressForm.evidenceUrl")} type="url" hint={t("recommendations:progressForm.evidenceHint")} />
        <EvidenceFileField field={fields.evidenceFile} rules={upload} unsentFile={unsentFile} />
        <SubmitButton name="intent" value="progress">
          {t("recommendations:progressForm.submit")}
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
  const { t } = useTranslation(["recommendations"]);
  return (
    <>
      <h2>{t("recommendations:transition.heading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.toStatus}
          label={t("recommendations:transition.newStatus")}
          options={next.map((s) => ({ value: s, label: t(`common:recommendationStatus.${s}`) }))}
          placeholder={t("recommendations:transition.choose")}
          required
        />
        <InputField field={fields.progress} label={t("recommendations:transition.progress")} type="number" min={0} max={100} step={1} hint={t("recommendations:transition.progressHint")} />
        <TextareaField field={fields.closingEvidence} label={t("recommendations:detail.closingEvidence")} hint={t("recommendations:transition.evidenceHint")} rows={2} />
        <InputField field={fields.supersededByCode} label={t("recommendations:transition.supersededBy")} hint={t("recommendations:transition.supersededByHint")} />
        <TextareaField field={fields.note} label={t("recommendations:transition.note")} rows={2} />
        <SubmitButton name="intent" value="transition">
          {t("recommendations:transition.submit")}
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
  const { t } = useTranslation(["recommendations"]);
  return (
    <>
      <h2>{t("recommendations:addReview.heading")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.meetingId}
          label={t("recommendations:addReview.meeting")}
          options={options.meetings.map((m) => ({ value: m.id, label: m.label }))}
          placeholder={t("recommendations:form.chooseMeeting")}
          required
        />
        <SelectField
          field={fields.agendaItemId}
          label={t("recommendations:form.agendaItem")}
          options={options.meetings.flatMap((m) => m.agendaItems.map((i) => ({ value: i.id, label: `${m.label}: ${i.title}` })))}
          placeholder={t("recommendations:form.noItem")}
        />
        <TextareaField field={fields.outcome} label={t("recommendations:addReview.outcome")} rows={2} />
        <SubmitButton name="intent" value="add-review">
          {t("recommendations:addReview.submit")}
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
  const { t } = useTranslation(["recommendations"]);
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form">
      <input type="hidden" name="reviewId" value={reviewId} />
      <TextareaField field={fields.outcome} label={t("recommendations:reviewTable.outcome")} rows={2} required />
      <SubmitButton name="intent" value="outcome">
        {t("recommendations:outcomeForm.submit")}
      </SubmitButton>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
