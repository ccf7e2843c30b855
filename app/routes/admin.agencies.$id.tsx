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

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "agencies:manage");
  const agency = await getAgency(params.id ?? "");
  if (!agency) notFound("We could not find that agency.");
  const [parents, history] = await Promise.all([
    listAgencyOptions(),
    listAuditEntries({ entity: "Agency", entityId: agency.id, page: { skip: 0, take: 20 } }),
  ]);
  return {
    agency,
    defaults: { name: agency.name, acronym: agency.acronym, kind: agency.kind, country: agency.country ?? "", parentId: agency.parentId ?? "" },
    countries: countryOptions(),
    parents: parents.filter((p) => p.value !== agency.id),
    history: history.rows,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "agencies:manage");
  const agency = await getAgency(params.id ?? "");
  if (!agency) notFound("We could not find that agency.");
  const submission = parseWithZod(await readForm(request), { schema: agencySchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await updateAgency(user, agency.id, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, "/admin/agencies", `${submission.value.name} saved.`);
}

export default function EditAgency() {
  const { agency, defaults, countries, parents, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={`Edit ${agency.name}`} />
      <p>
        <Link to="/admin/agencies">All agencies</Link>
      </p>
      <AgencyForm lastResult={actionData?.result} defaultValue={defaults} countries={countries} parents={parents} submitLabel="Save agency" />
      <h2>History</h2>
      <AuditTable entries={history} caption="Latest changes to this agency" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Edit agency · Convene" }];
