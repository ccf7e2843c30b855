import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SeriesForm } from "~/components/series-form";
import { Notice, PageHeader } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { seriesSchema } from "~/domain/series/series.schema";
import { deleteSeries, getSeriesForEdit, saveSeries } from "~/domain/series/series.server";
import { notFound, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";
import { formReply, refusalMessages } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "series:manage");
  const series = await getSeriesForEdit(params.id ?? "");
  if (!series) notFound("We could not find that series.");
  return {
    series,
    defaults: { name: series.name, slug: series.slug, description: series.description, memberIds: series.members.map((m) => m.agencyId) },
    agencies: await listAgencyOptions(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "series:manage");
  const series = await getSeriesForEdit(params.id ?? "");
  if (!series) notFound("We could not find that series.");
  const formData = await readForm(request);
  if (formData.get("intent") === "delete") {
    const deleted = await deleteSeries(user, series.id);
    if (!deleted.ok) return data({ result: undefined, deleteError: refusalMessages(deleted).join(" ") }, { status: 400 });
    return redirectWithToast(request, "/admin/series", `${series.name} deleted.`);
  }
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveSeries(user, series.id, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, "/admin/series", `${submission.value.name} saved.`);
}

export default function EditSeries() {
  const { series, defaults, agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={`Edit ${series.name}`} />
      <p>
        <Link to={`/series/${series.slug}`}>Public page</Link>
      </p>
      <SeriesForm lastResult={actionData?.result} defaultValue={defaults} agencies={agencies} submitLabel="Save series" />
      <h2>Delete</h2>
      {actionData && "deleteError" in actionData ? <Notice kind="error">{actionData.deleteError}</Notice> : null}
      <Form method="post">
        <SubmitButton name="intent" value="delete" className="danger">
          Delete {series.name}
        </SubmitButton>
      </Form>
      <p className="muted">Only a series without meetings can be deleted.</p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Edit series · Convene" }];
