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
import { statusLabel } from "~/domain/recommendations/status";
import { formatDateTime, zoneLabel } from "~/utils/dates";
import { refusalMessages } from "~/utils/forms.server";
import { safeRedirectPath, readForm } from "~/utils/http.server";


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  return { updates: await reviewQueue(user) };
}

/** Accepting or returning a progress update; the recommendation page posts here too. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "recommendations:manage");
  const formData = await readForm(request);
  // Back to the page the form was on (the queue or the recommendation), also with an error.
  const to = safeRedirectPath(formData.get("redirectTo"), "/recommendations/queue");
  const submission = parseWithZod(formData, { schema: reviewDecisionSchema });
  if (submission.status !== "success") {
    const messages = Object.values(submission.error ?? {}).flat().filter(Boolean);
    return redirectWithToast(request, to, messages[0] ?? "The review could not be saved.");
  }
  const v = submission.value;
  const result = v.intent === "accept" ? await acceptProgressUpdate(user, v.updateId, v.reviewNote ?? "") : await returnProgressUpdate(user, v.updateId, v.reviewNote);
  if (!result.ok) return redirectWithToast(request, to, refusalMessages(result)[0] ?? "The review could not be saved.");
  return redirectWithToast(request, to, v.intent === "accept" ? "Progress update accepted." : "Progress update returned to its author.");
}

export default function ReviewQueue() {
  const { updates } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Progress updates to review">
        <Link to="/recommendations">All recommendations</Link>
      </PageHeader>
      <p>Accepting an update applies its status and progress to the recommendation; returning it sends it back with your note.</p>
      {updates.length ? (
        <ol className="cards">
          {updates.map((u) => (
            <li key={u.id} className="card">
              <h2>
                <Link to={`/recommendations/${u.recommendation.id}`}>
                  {u.recommendation.code}: {u.recommendation.title}
                </Link>
              </h2>
              <p>
                Now <RecommendationStatus status={u.recommendation.status} /> <ProgressMeter value={u.recommendation.progress} />, lead{" "}
                {u.recommendation.leadAgency.acronym}
              </p>
              <p>
                From {u.authorName}
                {u.agency ? ` (${u.agency.acronym})` : ""}, {formatDateTime(u.createdAt, "UTC")} {zoneLabel("UTC", u.createdAt)}
              </p>
              <p style={{ whiteSpace: "pre-line" }}>{u.text}</p>
              <p>
                Proposes: {u.newStatus ? statusLabel(u.newStatus) : "same status"}
                {u.newProgress !== null ? `, ${u.newProgress} %` : ""}
              </p>
              <ProgressEvidence url={u.evidenceUrl} file={u.evidenceFile} />
              <ReviewUpdateForms updateId={u.id} redirectTo="/recommendations/queue" />
            </li>
          ))}
        </ol>
      ) : (
        <p>No progress update is waiting for review.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Progress updates to review · Convene" }];
