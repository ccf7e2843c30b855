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

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "series:manage");
  return { agencies: await listAgencyOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "series:manage");
  const submission = parseWithZod(await readForm(request), { schema: seriesSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await saveSeries(user, null, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, "/admin/series", `${submission.value.name} created.`);
}

export default function NewSeries() {
  const { agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Create a series" />
      <SeriesForm lastResult={actionData?.result} agencies={agencies} submitLabel="Create series" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Create a series · Convene" }];
