import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgencyForm } from "~/components/agency-form";
import { AuditTable } from "~/components/audit-table";
import { PageHeader } from "~/components/ui";
import { agencySchema } from "~/domain/agencies/agency.schema";
import { getAgency, listAgencyOptions, updateAgency } from "~/domain/agencies/agencies.server";
import { countryOptions } from "~/domain/agencies/countries";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { listAuditEntries } from "~/domain/meetings/history.server";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "agencies:manage");
  const t = await fixedT(request);
  const agency = await getAgency(params.id ?? "");
  if (!agency) notFound(t("admin:agencies.notFound"));
  const [parents, history] = await Promise.all([
    listAgencyOptions(),
    listAuditEntries({ entity: "Agency", entityId: agency.id, page: { skip: 0, take: 20 } }, t, await languageOf(request)),
  ]);
  return {
    title: t("admin:agencies.editTitle"),
    agency,
    defaults: { name: agency.name, acronym: agency.acronym, kind: agency.kind, country: agency.country ?? "", parentId: agency.parentId ?? "" },
    countries: countryOptions(await languageOf(request)),
    parents: parents.filter((p) => p.value !== agency.id),
    history: history.rows,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "agencies:manage");
  const t = await fixedT(request);
  const agency = await getAgency(params.id ?? "");
  if (!agency) notFound(t("admin:agencies.notFound"));
  const submission = parseWithZod(await readForm(request), { schema: agencySchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await updateAgency(user, agency.id, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, "/admin/agencies", t("admin:toast.saved", { name: submission.value.name }));
}

export default function EditAgency() {
  const { agency, defaults, countries, parents, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:editName", { name: agency.name })} />
      <p>
        <Link to="/admin/agencies">{t("admin:agencies.all")}</Link>
      </p>
      <AgencyForm lastResult={actionData?.result} defaultValue={defaults} countries={countries} parents={parents} submitLabel={t("admin:agencies.saveSubmit")} />
      <h2>{t("admin:tab.history")}</h2>
      <AuditTable entries={history} caption={t("admin:agencies.historyCaption")} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Edit agency · Convene" }];
