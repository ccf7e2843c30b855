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
import { isKey } from "~/i18n/translate";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "series:manage");
  const t = await fixedT(request);
  const series = await getSeriesForEdit(params.id ?? "");
  if (!series) notFound(t("admin:series.notFound"));
  return {
    title: t("admin:series.editTitle"),
    series,
    defaults: { name: series.name, slug: series.slug, description: series.description, memberIds: series.members.map((m) => m.agencyId) },
    agencies: await listAgencyOptions(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "series:manage");
  const t = await fixedT(request);
  const series = await getSeriesForEdit(params.id ?? "");
  if (!series) notFound(t("admin:series.notFound"));
  const formData = await readForm(request);
  if (formData.get("intent") === "delete") {
    const deleted = await deleteSeries(user, series.id, await languageOf(request));
    if (!deleted.ok) return data({ result: undefined, deleteError: refusalMessages(deleted).map((m) => (isKey(m) ? t(m) : m)).join(" ") }, { status: 400 });
    return redirectWithToast(request, "/admin/series", t("admin:toast.deleted", { name: series.name }));
  }
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveSeries(user, series.id, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, "/admin/series", t("admin:toast.saved", { name: submission.value.name }));
}

export default function EditSeries() {
  const { series, defaults, agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:editName", { name: series.name })} />
      <p>
        <Link to={`/series/${series.slug}`}>{t("admin:publicPage")}</Link>
      </p>
      <SeriesForm lastResult={actionData?.result} defaultValue={defaults} agencies={agencies} submitLabel={t("admin:series.saveSubmit")} />
      <h2>{t("admin:series.delete")}</h2>
      {actionData && "deleteError" in actionData ? <Notice kind="error">{actionData.deleteError}</Notice> : null}
      <Form method="post">
        <SubmitButton name="intent" value="delete" className="danger">
          {t("admin:series.deleteSubmit", { name: series.name })}
        </SubmitButton>
      </Form>
      <p className="muted">{t("admin:series.deleteHint")}</p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Edit series · Convene" }];
