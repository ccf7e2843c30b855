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
import { toDateInput } from "~/utils/dates";


export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const rec = await getRecommendationDetail(user, params.id!);
  const draft = draftFromSearch(new URL(request.url).searchParams);
  return {
    id: rec.id,
    code: rec.code,
    options: await recommendationFormOptions(typeof draft.meetingId === "string" ? draft.meetingId : rec.meetingId),
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
  return redirectWithToast(request, `/recommendations/${r.id}`, "Recommendation saved.");
}

export default function EditRecommendation() {
  const { id, code, options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={`Edit ${code}`}>
        <Link to={`/recommendations/${id}`}>Back to the recommendation</Link>
      </PageHeader>
      <p>The status changes on the recommendation page, where the workflow and its history are kept.</p>
      <RecommendationForm options={options} lastResult={actionData?.result} defaultValue={defaults} submitLabel="Save changes" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Edit recommendation · Convene" }];
