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
  return { meeting, filter, page, log, kinds, followUps, reminders, statuses: MAIL_STATUSES };
}

export default function MeetingMail() {
  const { meeting, filter, page, log, kinds, followUps, reminders, statuses } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const zone = meeting.timeZone;
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">Mail for {meeting.title}</h2>

      <h3>Follow-ups</h3>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/mail/follow-ups/new`}>Compose a follow-up</Link>
      </p>
      {followUps.length ? (
        <TableScroll>
        <table>
          <caption className="muted">Follow-ups of this meeting, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Recipients</th>
              <th scope="col">Sent</th>
              <th scope="col">Failed</th>
              <th scope="col">Written by</th>
            </tr>
          </thead>
          <tbody>
            {followUps.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/admin/meetings/${meeting.id}/mail/follow-ups/${f.id}`}>{f.subject}</Link>
                </td>
                <td>
                  <StatusBadge status={f.status} />
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
        <p>No follow-ups yet.</p>
      )}

      <h3>Reminders</h3>
      <p>
        Confirmed participants get a reminder with the agenda before the meeting. Offsets: <code>{meeting.reminderOffsets || "none"}</code>{" "}
        (<Link to={`/admin/meetings/${meeting.id}/edit`}>change them with the meeting details</Link>). Times in {zone}.
      </p>
      {reminders.length ? (
        <ul>
          {reminders.map((r) => (
            <li key={r.offset}>
              {r.offset} before: {formatDateTime(r.at, zone, true)} — {r.queuedAt ? `queued ${formatDateTime(r.queuedAt, zone, true)}` : "not yet due"}
            </li>
          ))}
        </ul>
      ) : null}

      <h3>Mail log</h3>
      <MailFilters filter={filter} kinds={kinds} statuses={statuses} />
      <StatusCounts counts={log.byStatus} />
      <MailLogTable rows={log.rows} caption={`${log.total} messages for this meeting, newest first`} showMeeting={false} />
      <Pagination page={page} pageCount={log.pageCount} search={search} />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Meeting mail · Convene" }];
