import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { MailFilters, MailLogTable, StatusCounts } from "~/components/mail-log";
import { Pagination, StatusBadge, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { getMailMeeting, listFollowUps } from "~/domain/mail/followups.server";
import { listMail, mailFilterFrom, mailKinds, MAIL_STATUSES, reminderStatus } from "~/domain/mail/log.server";
import { parseReminderOffsets } from "~/domain/mail/scheduler.server";
import { formatDateTime } from "~/utils/dates";
import { pageFrom } from "~/utils/pagination";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:log");
  const meeting = await getMailMeeting(params.id ?? "");
  const url = new URL(request.url);
  const filter = { ...mailFilterFrom(url), meetingId: meeting.id };
  const { page } = pageFrom(url);
  const [log, kinds, followUps, sent] = await Promise.all([listMail(filter, page), mailKinds(), listFollowUps(meeting.id), reminderStatus(meeting.id)]);
  const reminders = parseReminderOffsets(meeting.reminderOffsets).map((o) => ({
    offset: o.offset,
    at: new Date(meeting.startsAt.getTime() - o.ms),
    queuedAt: sent.find((s) => s.offset === o.offset)?.createdAt ?? null,
  }));
  const t = await fixedT(request);
  return { title: t("followups:title.meetingMail"), meeting, filter, page, log, kinds, followUps, reminders, statuses: MAIL_STATUSES };
}

export default function MeetingMail() {
  const { meeting, filter, page, log, kinds, followUps, reminders, statuses } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const zone = meeting.timeZone;
  const { t, language } = useTranslation(["followups"]);
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t("followups:meeting.heading", { title: meeting.title })}</h2>

      <h3>{t("followups:meeting.followUps")}</h3>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/mail/follow-ups/new`}>{t("followups:meeting.compose")}</Link>
      </p>
      {followUps.length ? (
        <TableScroll>
        <table>
          <caption className="muted">{t("followups:meeting.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("followups:meeting.subject")}</th>
              <th scope="col">{t("followups:meeting.status")}</th>
              <th scope="col">{t("followups:meeting.recipients")}</th>
              <th scope="col">{t("followups:meeting.sent")}</th>
              <th scope="col">{t("followups:meeting.failed")}</th>
              <th scope="col">{t("followups:meeting.writtenBy")}</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/admin/meetings/${meeting.id}/mail/follow-ups/${f.id}`}>{f.subject}</Link>
                </td>
                <td>
                  <StatusBadge status={f.status} label={t(`followups:status.${f.status}`)} />
                </td>
                <td>{f.progress.total}</td>
                <td>{f.progress.SENT}</td>
                <td>{f.progress.FAILED}</td>
                <td>{f.createdBy?.name ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      ) : (
        <p>{t("followups:meeting.none")}</p>
      )}

      <h3>{t("followups:meeting.reminders")}</h3>
      <p>
        {t("followups:meeting.remindersHelp")} <code>{meeting.reminderOffsets || t("followups:meeting.noOffsets")}</code>{" "}
        (<Link to={`/admin/meetings/${meeting.id}/edit`}>{t("followups:meeting.changeOffsets")}</Link>). {t("followups:meeting.timesIn", { zone })}
      </p>
      {reminders.length ? (
        <ul>
          {reminders.map((r) => (
            <li key={r.offset}>
              {t("followups:meeting.reminder", { offset: r.offset, at: formatDateTime(r.at, zone, true, language) })}{" "}
              {r.queuedAt ? t("followups:meeting.queued", { at: formatDateTime(r.queuedAt, zone, true, language) }) : t("followups:meeting.notDue")}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>{t("followups:meeting.log")}</h3>
      <MailFilters filter={filter} kinds={kinds} statuses={statuses} />
      <StatusCounts counts={log.byStatus} />
      <MailLogTable rows={log.rows} caption={t("followups:meeting.logCaption", { count: log.total })} showMeeting={false} />
      <Pagination page={page} pageCount={log.pageCount} search={search} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
