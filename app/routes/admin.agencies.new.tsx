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
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "agencies:manage");
  const t = await fixedT(request);
  return { countries: countryOptions(await languageOf(request)), parents: await listAgencyOptions(), title: t("admin:agencies.newTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "agencies:manage");
  const submission = parseWithZod(await readForm(request), { schema: agencySchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await createAgency(user, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, "/admin/agencies", t("admin:toast.added", { name: submission.value.name }));
}

export default function NewAgency() {
  const { countries, parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:agencies.add")} />
      <AgencyForm lastResult={actionData?.result} countries={countries} parents={parents} submitLabel={t("admin:agencies.addSubmit")} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Add an agency · Convene" }];
