import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MissingTranslations } from "~/components/content";
import { Notice } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { missingTranslations } from "~/domain/content/translations.server";
import { getMeetingForAdmin, transitionMeeting } from "~/domain/meetings/meetings.server";
import { TRANSITIONS, type MeetingStatus } from "~/domain/meetings/status";
import { transitionSchema } from "~/domain/meetings/meeting.schema";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { isKey } from "~/i18n/translate";
import { formatDateTime, formatRange, zoneSpanLabel } from "~/utils/dates";
import { notFound, readForm } from "~/utils/http.server";
import { refusalMessages } from "~/utils/forms.server";

export const handle = { i18n: ["admin", "content"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "meetings:view-admin");
  const meeting = await getMeetingForAdmin(params.id ?? "");
  const t = await fixedT(request);
  if (!meeting) notFound(t("admin:meeting.notFound"));
  const next = TRANSITIONS[meeting.status] ?? [];
  const organiser = can(user, "meetings:manage");
  const translations = organiser ? await missingTranslations(meeting.id) : null;
  return { meeting, next, organiser, badges: can(user, "registrations:manage"), translations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const t = await fixedT(request);
  const parsed = transitionSchema.safeParse(Object.fromEntries(await readForm(request)));
  // One select and a button: the refusal is shown above them, with the status of a refused form.
  if (!parsed.success) return data({ error: t("admin:overview.chooseStatus") }, { status: 400 });
  const result = await transitionMeeting(user, params.id ?? "", parsed.data.to);
  if (!result.ok) return data({ error: refusalMessages(result).map((m) => (isKey(m) ? t(m) : m)).join(" ") }, { status: 400 });
  return redirectWithToast(request, `/admin/meetings/${params.id}`, t(`admin:overview.statusChanged.${parsed.data.to as MeetingStatus}`));
}

export default function MeetingOverview() {
  const { meeting: m, next, organiser, badges, translations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useTranslation(["admin"]);
  const at = (d: Date | string) => formatDateTime(d, m.timeZone, true, language);
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t("admin:tab.overview")}</h2>
      {actionData?.error ? <Notice kind="error">{actionData.error}</Notice> : null}
      <div className="with-sidebar">
      <div className="sidebar">
      {organiser ? (
        <div className="page-actions">
          <Link className="button secondary" to={`/admin/meetings/${m.id}/edit`}>
            {t("admin:overview.edit")}
          </Link>
          <Link className="button secondary" to={`/admin/meetings/${m.id}/clone`}>
            {t("admin:clone.heading")}
          </Link>
          {badges ? (
            <a className="button secondary" href={`/admin/meetings/${m.id}/badges.pdf`}>
              {t("admin:overview.badges")}
            </a>
          ) : null}
        </div>
      ) : null}
      {organiser && next.length ? (
        <Form method="post" className="page-actions" aria-label={t("admin:overview.changeStatus")}>
          <p>
            {t("admin:overview.status")} <strong>{t(`common:status.${m.status}`)}</strong>. {t("admin:overview.moveTo")}
          </p>
          {next.map((to) => (
            <button key={to} type="submit" name="to" value={to} className={to === "CANCELLED" ? "danger" : undefined}>
              {t(`admin:transition.${to}`)}
            </button>
          ))}
        </Form>
      ) : null}
      {translations ? <MissingTranslations data={translations} href={`/admin/meetings/${m.id}/translations`} /> : null}
      </div>
      <dl className="details">
        <dt>{t("admin:overview.when")}</dt>
        <dd>{formatRange(m.startsAt, m.endsAt, m.timeZone, language)}</dd>
        <dt>{t("admin:meetingForm.timeZone")}</dt>
        <dd>{zoneSpanLabel(m.timeZone, m.startsAt, m.endsAt, language)}</dd>
        <dt>{t("admin:overview.where")}</dt>
        <dd>{[m.venue, m.room, m.city].filter(Boolean).join(", ") || "—"}</dd>
        <dt>{t("admin:meetingForm.format")}</dt>
        <dd>
          {t(`admin:format.${m.format}`)}
          {m.onlineLink ? ` · ${m.onlineLink}` : ""}
        </dd>
        <dt>{t("admin:meetingForm.series")}</dt>
        <dd>{m.series ? m.series.name : "—"}</dd>
        <dt>{t("admin:overview.visibility")}</dt>
        <dd>{t(`admin:visibility.${m.visibility}`)}</dd>
        <dt>{t("admin:overview.capacity")}</dt>
        <dd>{m.capacity ?? t("admin:overview.noLimit")}</dd>
        <dt>{t("admin:tab.registrations")}</dt>
        <dd>
          {t(`admin:approval.${m.approvalMode}`)}
          {m.registrationOpensAt ? t("admin:overview.opens", { at: at(m.registrationOpensAt) }) : ""}
          {m.registrationClosesAt ? t("admin:overview.closes", { at: at(m.registrationClosesAt) }) : ""}
        </dd>
        <dt>{t("admin:tab.agenda")}</dt>
        <dd>{m.agendaPublishedAt ? t("admin:overview.agendaPublished", { at: at(m.agendaPublishedAt) }) : t("admin:overview.agendaDraft")}</dd>
        <dt>{t("admin:overview.icsSequence")}</dt>
        <dd>{m.icsSequence}</dd>
        <dt>{t("admin:overview.organiser")}</dt>
        <dd>{[m.organiserName, m.organiserEmail].filter(Boolean).join(", ") || "—"}</dd>
        <dt>{t("admin:overview.funding")}</dt>
        <dd>{m.fundingProgramme || "—"}</dd>
        <dt>{t("admin:overview.reminders")}</dt>
        <dd>{m.reminderOffsets || t("admin:overview.noReminders")}</dd>
        <dt>{t("admin:overview.retention")}</dt>
        <dd>{m.retentionDays ? t("admin:overview.retentionDays", { count: m.retentionDays }) : t("admin:overview.kept")}</dd>
      </dl>
      </div>
    </section>
  );
}
