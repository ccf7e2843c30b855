import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProgressEvidence } from "~/components/progress-evidence";
import { ProgressMeter, ReviewUpdateForms } from "~/components/recommendation-ui";
import { RecommendationStatus } from "~/components/recommendation-status";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { acceptProgressUpdate, returnProgressUpdate, reviewQueue } from "~/domain/recommendations/progress.server";
import { reviewDecisionSchema } from "~/domain/recommendations/recommendation.schema";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useContentLang } from "~/components/content";
import { useTranslation } from "~/i18n/react";
import { isKey } from "~/i18n/translate";
import { formatDateTime, zoneLabel } from "~/utils/dates";
import { refusalMessages } from "~/utils/forms.server";
import { safeRedirectPath, readForm } from "~/utils/http.server";

export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const [updates, t] = await Promise.all([reviewQueue(user, await languageOf(request)), fixedT(request)]);
  return { title: t("recommendations:queue.title"), updates };
}

/** Accepting or returning a progress update; the recommendation page posts here too. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const formData = await readForm(request);
  // Back to the page the form was on (the queue or the recommendation), also with an error.
  const to = safeRedirectPath(formData.get("redirectTo"), "/recommendations/queue");
  const t = await fixedT(request);
  const say = (message: string | null | undefined) => (message ? (isKey(message) ? t(message) : message) : t("recommendations:toast.reviewNotSaved"));
  const submission = parseWithZod(formData, { schema: reviewDecisionSchema });
  if (submission.status !== "success") {
    const messages = Object.values(submission.error ?? {}).flat().filter(Boolean);
    return redirectWithToast(request, to, say(messages[0]));
  }
  const v = submission.value;
  const result = v.intent === "accept" ? await acceptProgressUpdate(user, v.updateId, v.reviewNote ?? "") : await returnProgressUpdate(user, v.updateId, v.reviewNote);
  if (!result.ok) return redirectWithToast(request, to, say(refusalMessages(result)[0]));
  return redirectWithToast(request, to, v.intent === "accept" ? t("recommendations:toast.accepted") : t("recommendations:toast.returned"));
}

export default function ReviewQueue() {
  const { updates } = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["recommendations"]);
  const contentLang = useContentLang();
  return (
    <>
      <PageHeader title={t("recommendations:queue.heading")}>
        <Link to="/recommendations">{t("recommendations:allRecommendations")}</Link>
      </PageHeader>
      <p>{t("recommendations:queue.intro")}</p>
      {updates.length ? (
        <ol className="cards">
          {updates.map((u) => (
            <li key={u.id} className="card">
              <h2>
                <Link to={`/recommendations/${u.recommendation.id}`}>
                  {u.recommendation.code}: <span lang={contentLang(u.recommendation.lang.title)}>{u.recommendation.title}</span>
                </Link>
              </h2>
              <p>
                {t("recommendations:now")} <RecommendationStatus status={u.recommendation.status} /> <ProgressMeter value={u.recommendation.progress} />,{" "}
                {t("recommendations:queue.lead", { acronym: u.recommendation.leadAgency.acronym })}
              </p>
              <p>
                {t("recommendations:queue.from", { name: u.authorName })}
                {u.agency ? ` (${u.agency.acronym})` : ""}, {formatDateTime(u.createdAt, "UTC", false, language)} {zoneLabel("UTC", u.createdAt, language)}
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{u.text}</p>
              <p>
                {t("recommendations:proposes", { status: u.newStatus ? t(`common:recommendationStatus.${u.newStatus}`) : t("recommendations:sameStatus") })}
                {u.newProgress !== null ? `, ${u.newProgress} %` : ""}
              </p>
              <ProgressEvidence url={u.evidenceUrl} file={u.evidenceFile} />
              <ReviewUpdateForms updateId={u.id} redirectTo="/recommendations/queue" />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("recommendations:queue.empty")}</p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
