import { readForm } from "~/utils/http.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgencyForm } from "~/components/agency-form";
import { PageHeader } from "~/components/ui";
import { agencySchema } from "~/domain/agencies/agency.schema";
import { createAgency, listAgencyOptions } from "~/domain/agencies/agencies.server";
import { countryOptions } from "~/domain/agencies/countries";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { formReply } from "~/utils/forms.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "agencies:manage");
  return { countries: countryOptions(), parents: await listAgencyOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "agencies:manage");
  const submission = parseWithZod(await readForm(request), { schema: agencySchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await createAgency(user, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, "/admin/agencies", `${submission.value.name} added.`);
}

export default function NewAgency() {
  const { countries, parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Add an agency" />
      <AgencyForm lastResult={actionData?.result} countries={countries} parents={parents} submitLabel="Add agency" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Add an agency · Convene" }];
