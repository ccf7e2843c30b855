import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { MailFilters, MailLogTable, StatusCounts } from "~/components/mail-log";
import { PageHeader, Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listMail, mailFilterFrom, mailKinds, MAIL_STATUSES } from "~/domain/mail/log.server";
import { pageFrom } from "~/utils/pagination";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["followups"] };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:log");
  const url = new URL(request.url);
  const filter = mailFilterFrom(url);
  const { page } = pageFrom(url);
  const [log, kinds, t] = await Promise.all([listMail(filter, page), mailKinds(), fixedT(request)]);
  return { title: t("followups:title.log"), filter, page, log, kinds, statuses: MAIL_STATUSES };
}

export default function MailLog() {
  const { filter, page, log, kinds, statuses } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const person = filter.recipient?.includes("@") ? filter.recipient : null;
  const { t } = useTranslation(["followups"]);
  return (
    <>
      <PageHeader title={person ? t("followups:log.headingTo", { email: person }) : t("followups:log.heading")} />
      <p>{t("followups:log.intro")}</p>
      <MailFilters filter={filter} kinds={kinds} statuses={statuses} />
      <StatusCounts counts={log.byStatus} />
      <MailLogTable rows={log.rows} caption={t("followups:log.caption", { count: log.total })} />
      <Pagination page={page} pageCount={log.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
