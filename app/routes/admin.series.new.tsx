import { readForm } from "~/utils/http.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SeriesForm } from "~/components/series-form";
import { PageHeader } from "~/components/ui";
import { listAgencyOptions } from "~/domain/agencies/agencies.server";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { seriesSchema } from "~/domain/series/series.schema";
import { saveSeries } from "~/domain/series/series.server";
import { formReply } from "~/utils/forms.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "series:manage");
  const t = await fixedT(request);
  return { agencies: await listAgencyOptions(), title: t("admin:series.newTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "series:manage");
  const submission = parseWithZod(await readForm(request), { schema: seriesSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveSeries(user, null, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, "/admin/series", t("admin:toast.created", { name: submission.value.name }));
}

export default function NewSeries() {
  const { agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:series.create")} />
      <SeriesForm lastResult={actionData?.result} agencies={agencies} submitLabel={t("admin:series.createSubmit")} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Create a series · Convene" }];
