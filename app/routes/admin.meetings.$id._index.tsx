import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MissingTranslations } from "~/components/content";
import { Notice } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { FORMAT_LABELS, VISIBILITY_LABELS, APPROVAL_LABELS } from "~/domain/meetings/meeting.schema";
import { missingTranslations } from "~/domain/content/translations.server";
import { getMeetingForAdmin, transitionMeeting } from "~/domain/meetings/meetings.server";
import { STATUS_LABELS, TRANSITIONS, TRANSITION_LABELS, type MeetingStatus } from "~/domain/meetings/status";
import { transitionSchema } from "~/domain/meetings/meeting.schema";
import { formatDateTime, formatRange, zoneSpanLabel } from "~/utils/dates";
import { notFound, readForm } from "~/utils/http.server";
import { refusalMessages } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "meetings:view-admin");
  const meeting = await getMeetingForAdmin(params.id ?? "");
  if (!meeting) notFound("We could not find that meeting.");
  const next = TRANSITIONS[meeting.status] ?? [];
  const organiser = can(user, "meetings:manage");
  const translations = organiser ? await missingTranslations(meeting.id) : null;
  return { meeting, next, organiser, badges: can(user, "registrations:manage"), translations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const parsed = transitionSchema.safeParse(Object.fromEntries(await readForm(request)));
  // One select and a button: the refusal is shown above them, with the status of a refused form.
  if (!parsed.success) return data({ error: "Choose a status." }, { status: 400 });
  const result = await transitionMeeting(user, params.id ?? "", parsed.data.to);
  if (!result.ok) return data({ error: refusalMessages(result).join(" ") }, { status: 400 });
  return redirectWithToast(request, `/admin/meetings/${params.id}`, `Status changed to ${STATUS_LABELS[parsed.data.to as MeetingStatus].toLowerCase()}.`);
}

export default function MeetingOverview() {
  const { meeting: m, next, organiser, badges, translations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">Overview</h2>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      <div className="with-sidebar">
      <div className="sidebar">
      {organiser ? (
        <div className="page-actions">
          <Link className="button secondary" to={`/admin/meetings/${m.id}/edit`}>
            Edit details
          </Link>
          <Link className="button secondary" to={`/admin/meetings/${m.id}/clone`}>
            Create the next session
          </Link>
          {badges ? (
            <a className="button secondary" href={`/admin/meetings/${m.id}/badges.pdf`}>
              Badges (PDF)
            </a>
          ) : null}
        </div>
      ) : null}
      {organiser && next.length ? (
        <Form method="post" className="page-actions" aria-label="Change status">
          <p>
            Status: <strong>{STATUS_LABELS[m.status]}</strong>. Move to:
          </p>
          {next.map((to) => (
            <button key={to} type="submit" name="to" value={to} className={to === "CANCELLED" ? "danger" : undefined}>
              {TRANSITION_LABELS[to]}
            </button>
          ))}
        </Form>
      ) : null}
      {translations ? <MissingTranslations data={translations} href={`/admin/meetings/${m.id}/translations`} /> : null}
      </div>
      <dl className="details">
        <dt>When</dt>
        <dd>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</dd>
        <dt>Time zone</dt>
        <dd>{zoneSpanLabel(m.timeZone, m.startsAt, m.endsAt)}</dd>
        <dt>Where</dt>
        <dd>{[m.venue, m.room, m.city].filter(Boolean).join(", ") || "—"}</dd>
        <dt>Format</dt>
        <dd>
          {FORMAT_LABELS[m.format as keyof typeof FORMAT_LABELS] ?? m.format}
          {m.onlineLink ? ` · ${m.onlineLink}` : ""}
        </dd>
        <dt>Series</dt>
        <dd>{m.series ? m.series.name : "—"}</dd>
        <dt>Visibility</dt>
        <dd>{VISIBILITY_LABELS[m.visibility as keyof typeof VISIBILITY_LABELS] ?? m.visibility}</dd>
        <dt>Capacity</dt>
        <dd>{m.capacity ?? "No limit"}</dd>
        <dt>Registrations</dt>
        <dd>
          {APPROVAL_LABELS[m.approvalMode as keyof typeof APPROVAL_LABELS] ?? m.approvalMode}
          {m.registrationOpensAt ? `; opens ${formatDateTime(m.registrationOpensAt, m.timeZone, true)}` : ""}
          {m.registrationClosesAt ? `; closes ${formatDateTime(m.registrationClosesAt, m.timeZone, true)}` : ""}
        </dd>
        <dt>Agenda</dt>
        <dd>{m.agendaPublishedAt ? `Published ${formatDateTime(m.agendaPublishedAt, m.timeZone, true)}` : "Draft (not public)"}</dd>
        <dt>Calendar sequence</dt>
        <dd>{m.icsSequence}</dd>
        <dt>Organiser</dt>
        <dd>{[m.organiserName, m.organiserEmail].filter(Boolean).join(", ") || "—"}</dd>
        <dt>Funding</dt>
        <dd>{m.fundingProgramme || "—"}</dd>
        <dt>Reminders</dt>
        <dd>{m.reminderOffsets || "None"}</dd>
        <dt>Data retention</dt>
        <dd>{m.retentionDays ? `${m.retentionDays} days after the meeting` : "Kept"}</dd>
      </dl>
      </div>
    </section>
  );
}
