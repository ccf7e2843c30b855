import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listAuditEntries } from "~/domain/meetings/history.server";
import { pageCount, pageFrom } from "~/utils/pagination";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:view-admin");
  const url = new URL(request.url);
  const page = pageFrom(url, 50);
  const entity = url.searchParams.get("entity") === "AgendaItem" ? "AgendaItem" : null;
  const { total, rows } = await listAuditEntries({ meetingId: params.id ?? "", entity, page }, await fixedT(request), await languageOf(request));
  return { entries: rows, entity, page: page.page, pageCount: pageCount(total, 50) };
}

export default function MeetingHistory() {
  const { entries, entity, page, pageCount } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const { t } = useTranslation(["admin"]);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{entity === "AgendaItem" ? t("admin:history.agendaLog") : t("admin:tab.history")}</h2>
      <p>
        {entity ? <a href="?">{t("admin:history.all")}</a> : <a href="?entity=AgendaItem">{t("admin:history.agendaOnly")}</a>}
      </p>
      <AuditTable entries={entries} caption={t("admin:history.caption")} />
      <Pagination page={page} pageCount={pageCount} search={search} />
    </section>
  );
}
