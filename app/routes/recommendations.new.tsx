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
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { createRecommendation, recommendationFormOptions, suggestCode } from "~/domain/recommendations/recommendations.server";

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "recommendations:manage");
  const params = new URL(request.url).searchParams;
  const draft = draftFromSearch(params);
  const options = await recommendationFormOptions(params.get("meetingId") ?? params.get("meeting"), await languageOf(request));
  const defaults = options.meetingId
    ? { priority: "MEDIUM", code: await suggestCode(options.meetingId), ...draft, meetingId: options.meetingId }
    : { priority: "MEDIUM", ...draft };
  const t = await fixedT(request);
  return { title: t("recommendations:new.title"), options, defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const submission = parseWithZod(await readForm(request), { schema: recommendationSchema });
  if (submission.status !== "success") return formReply(submission);
  const created = await createRecommendation(user, submission.value);
  if (!created.ok) return formReply(submission, created);
  const t = await fixedT(request);
  return redirectWithToast(request, `/recommendations/${created.id}`, t("recommendations:toast.recorded", { code: submission.value.code }));
}

export default function NewRecommendation() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["recommendations"]);
  return (
    <>
      <PageHeader title={t("recommendations:new.heading")} />
      <p>{t("recommendations:new.intro")}</p>
      <RecommendationForm options={options} lastResult={actionData?.result} defaultValue={defaults} submitLabel={t("recommendations:new.submit")} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
