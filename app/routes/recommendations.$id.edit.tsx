import { formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RecommendationForm } from "~/components/recommendation-form";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { draftFromSearch, recommendationSchema } from "~/domain/recommendations/recommendation.schema";
import { getRecommendationDetail, recommendationFormOptions, updateRecommendation } from "~/domain/recommendations/recommendations.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { toDateInput } from "~/utils/dates";

export const handle = { i18n: ["recommendations"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const language = await languageOf(request);
  const rec = await getRecommendationDetail(user, params.id!, language);
  const draft = draftFromSearch(new URL(request.url).searchParams);
  const t = await fixedT(request);
  return {
    title: t("recommendations:edit.title"),
    id: rec.id,
    code: rec.code,
    options: await recommendationFormOptions(typeof draft.meetingId === "string" ? draft.meetingId : rec.meetingId, language),
    defaults: {
      code: rec.code,
      title: rec.title,
      text: rec.text,
      rationale: rec.rationale,
      meetingId: rec.meetingId,
      agendaItemId: rec.agendaItemId ?? "",
      leadAgencyId: rec.leadAgencyId,
      supportingAgencyIds: rec.supporters.map((s) => s.agency.id),
      themeIds: rec.themes.map((t) => t.theme.id),
      priority: rec.priority,
      dueDate: toDateInput(rec.dueDate, rec.meeting.timeZone),
      ...draft,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: recommendationSchema });
  if (submission.status !== "success") return formReply(submission);
  const r = await updateRecommendation(user, params.id!, submission.value);
  if (!r.ok) return formReply(submission, r);
  const t = await fixedT(request);
  return redirectWithToast(request, `/recommendations/${r.id}`, t("recommendations:toast.saved"));
}

export default function EditRecommendation() {
  const { id, code, options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["recommendations"]);
  return (
    <>
      <PageHeader title={t("recommendations:edit.heading", { code })}>
        <Link to={`/recommendations/${id}`}>{t("recommendations:edit.back")}</Link>
      </PageHeader>
      <p>{t("recommendations:edit.intro")}</p>
      <RecommendationForm options={options} lastResult={actionData?.result} defaultValue={defaults} submitLabel={t("recommendations:edit.submit")} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
