import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listAuditEntries } from "~/domain/meetings/history.server";
import { pageCount, pageFrom } from "~/utils/pagination";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:view-admin");
  const url = new URL(request.url);
  const page = pageFrom(url, 50);
  const entity = url.searchParams.get("entity") === "AgendaItem" ? "AgendaItem" : null;
  const { total, rows } = await listAuditEntries({ meetingId: params.id ?? "", entity, page });
  return { entries: rows, entity, page: page.page, pageCount: pageCount(total, 50) };
}

export default function MeetingHistory() {
  const { entries, entity, page, pageCount } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{entity === "AgendaItem" ? "Agenda change log" : "History"}</h2>
      <p>
        {entity ? <a href="?">Show every change</a> : <a href="?entity=AgendaItem">Show agenda changes only</a>}
      </p>
      <AuditTable entries={entries} caption="Changes to this meeting, newest first" />
      <Pagination page={page} pageCount={pageCount} search={search} />
    </section>
  );
}
