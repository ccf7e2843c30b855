import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { MailFilters, MailLogTable, StatusCounts } from "~/components/mail-log";
import { PageHeader, Pagination } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { listMail, mailFilterFrom, mailKinds, MAIL_STATUSES } from "~/domain/mail/log.server";
import { pageFrom } from "~/utils/pagination";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:log");
  const url = new URL(request.url);
  const filter = mailFilterFrom(url);
  const { page } = pageFrom(url);
  const [log, kinds] = await Promise.all([listMail(filter, page), mailKinds()]);
  return { filter, page, log, kinds, statuses: MAIL_STATUSES };
}

export default function MailLog() {
  const { filter, page, log, kinds, statuses } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const person = filter.recipient?.includes("@") ? filter.recipient : null;
  return (
    <>
      <PageHeader title={person ? `Mail to ${person}` : "Mail log"} />
      <p>
        Every email Convene has queued, sent, or failed to send. A failed message shows the mail server&apos;s answer;
        open it to send it again.
      </p>
      <MailFilters filter={filter} kinds={kinds} statuses={statuses} />
      <StatusCounts counts={log.byStatus} />
      <MailLogTable rows={log.rows} caption={`${log.total} messages, newest first`} />
      <Pagination page={page} pageCount={log.pageCount} search={search} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Mail log · Convene" }];
