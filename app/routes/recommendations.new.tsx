import { formReply } from "~/utils/forms.server";
import { readForm } from "~/utils/http.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RecommendationForm } from "~/components/recommendation-form";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { draftFromSearch, recommendationSchema } from "~/domain/recommendations/recommendation.schema";
import { createRecommendation, recommendationFormOptions, suggestCode } from "~/domain/recommendations/recommendations.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const params = new URL(request.url).searchParams;
  const draft = draftFromSearch(params);
  const options = await recommendationFormOptions(params.get("meetingId") ?? params.get("meeting"));
  const defaults = options.meetingId
    ? { priority: "MEDIUM", code: await suggestCode(options.meetingId), ...draft, meetingId: options.meetingId }
    : { priority: "MEDIUM", ...draft };
  return { options, defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: recommendationSchema });
  if (submission.status !== "success") return formReply(submission);
  const created = await createRecommendation(user, submission.value);
  if (!created.ok) return formReply(submission, created);
  return redirectWithToast(request, `/recommendations/${created.id}`, `Recommendation ${submission.value.code} recorded.`);
}

export default function NewRecommendation() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Record a recommendation" />
      <p>Choose the meeting first: its agenda items and a suggested reference code follow.</p>
      <RecommendationForm options={options} lastResult={actionData?.result} defaultValue={defaults} submitLabel="Record recommendation" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Record a recommendation · Convene" }];
