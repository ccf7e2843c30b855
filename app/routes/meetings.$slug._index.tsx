import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentList, DocumentsSection } from "~/components/documents";
import { AgendaTree } from "~/components/agenda-tree";
import { MeetingStatusBadge } from "~/components/meeting-status";
import { Notice } from "~/components/ui";
import { RecommendationsSection } from "~/components/recommendations-section";
import { RegistrationPanel } from "~/components/registration-panel";
import { getUser } from "~/domain/auth/session.server";
import { getMeetingPage } from "~/domain/meetings/meetings.server";
import { notFound } from "~/utils/http.server";
import { useContentLang } from "~/components/content";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["meetings"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const slug = params.slug ?? "";
  const language = await languageOf(request, context);
  const page = await getMeetingPage(slug, user, language);
  const t = await fixedT(language);
  if (!page) notFound(t("meetings:notFound"));
  // Labels are looked up here, on the server (dates and language names in getMeetingPage): the browser's bundle need not carry them.
  const { languageNames, ...shown } = page;
  const labels = {
    format: t(`common:meetingFormat.${page.meeting.format}`),
    visibility: t(`common:meetingVisibility.${page.meeting.visibility}`),
    languages: languageNames,
  };
  return { ...shown, labels, signedIn: !!user, title: t("meetings:page.title", { meeting: page.meeting.title }) };
}

export default function MeetingPage() {
  const { meeting: m, labels, when, onlineLink, agenda, agendaIsDraft, signedIn, recommendations, registration, documents, summary } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["meetings"]);
  const canRegister = m.status === "PUBLISHED" && m.visibility === "PUBLIC" && !registration?.mine;
  const contentLang = useContentLang();
  return (
    <article>
      <header className="page-header">
        <h1 lang={contentLang(m.lang.title)}>{m.title}</h1>
        <div className="page-actions">
          {canRegister ? (
            <Link className="button" to={`/meetings/${m.slug}/register`}>
              {t("meetings:page.register")}
            </Link>
          ) : null}
          <Link className="button secondary" to={`/meetings/${m.slug}/calendar.ics`} reloadDocument>
            {t("meetings:page.calendar")}
          </Link>
          <Link className="button secondary" to={`/meetings/${m.slug}/agenda`}>
            {t("meetings:page.printable")}
          </Link>
        </div>
      </header>
      <div className="with-sidebar">
      <div className="sidebar">
      <RegistrationPanel panel={registration} />
      {m.status !== "PUBLISHED" ? (
        <p>
          <MeetingStatusBadge status={m.status} />
        </p>
      ) : null}
      {m.status === "CANCELLED" ? <Notice kind="warning">{t("meetings:page.cancelled")}</Notice> : null}
      <dl className="details">
        <dt>{t("meetings:page.when")}</dt>
        <dd>{when.range}</dd>
        <dt>{t("meetings:page.timeZone")}</dt>
        <dd>{t("meetings:page.allTimesIn", { zone: when.zone })}</dd>
        <dt>{t("meetings:page.where")}</dt>
        <dd>{[m.venue, m.room, m.city].filter(Boolean).join(", ") || t("meetings:page.toBeAnnounced")}</dd>
        <dt>{t("meetings:page.format")}</dt>
        <dd>{labels.format}</dd>
        {m.format !== "IN_PERSON" ? (
          <>
            <dt>{t("meetings:page.onlineLink")}</dt>
            <dd>
              {onlineLink ? (
                <a href={onlineLink}>{onlineLink}</a>
              ) : signedIn ? (
                t("meetings:page.linkForParticipants")
              ) : (
                t("meetings:page.signInForLink")
              )}
            </dd>
          </>
        ) : null}
        <dt>{t("meetings:page.languages")}</dt>
        <dd>{labels.languages}</dd>
        <dt>{t("meetings:page.participation")}</dt>
        <dd>
          {labels.visibility}
          {m.capacity ? t("meetings:page.seats", { count: m.capacity }) : ""}
        </dd>
        {when.registrationCloses ? (
          <>
            <dt>{t("meetings:page.registrationCloses")}</dt>
            <dd>{when.registrationCloses}</dd>
          </>
        ) : null}
        {m.series ? (
          <>
            <dt>{t("meetings:page.series")}</dt>
            <dd>
              <Link to={`/series/${m.series.slug}`}>{m.series.name}</Link>
            </dd>
          </>
        ) : null}
        {m.organiserName || m.organiserEmail ? (
          <>
            <dt>{t("meetings:page.organiser")}</dt>
            <dd>
              {m.organiserName}
              {m.organiserEmail ? (
                <>
                  {m.organiserName ? ", " : ""}
                  <a href={`mailto:${m.organiserEmail}`}>{m.organiserEmail}</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {m.fundingProgramme ? (
          <>
            <dt>{t("meetings:page.funding")}</dt>
            <dd>{m.fundingProgramme}</dd>
          </>
        ) : null}
      </dl>
      </div>
      <div>
      {m.description ? <p style={{ whiteSpace: "pre-line" }} lang={contentLang(m.lang.description)}>{m.description}</p> : null}
      {summary ? (
        <p>
          <Link to={summary.href}>{t("meetings:page.summary")}</Link>
          {summary.participantsOnly ? t("meetings:page.summaryParticipants") : ""}
        </p>
      ) : null}
      <h2>{t("meetings:page.agenda")}</h2>
      {agendaIsDraft ? (
        agenda.length ? (
          <Notice kind="warning">{t("meetings:page.draftAgenda")}</Notice>
        ) : (
          <p>{t("meetings:page.agendaLater")}</p>
        )
      ) : null}
      {agenda.length ? (
        <>
          <p className="muted">{t("meetings:page.timesIn", { zone: when.zone })}</p>
          <AgendaTree
            items={agenda}
            below={(id) => <DocumentList docs={documents.filter((d) => d.agendaItemId === id)} label={t("common:documents.ofItem")} />}
          />
        </>
      ) : null}
      <DocumentsSection docs={documents} zipHref={`/meetings/${m.slug}/documents.zip`} />
      <RecommendationsSection data={recommendations} />
      </div>
      </div>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
