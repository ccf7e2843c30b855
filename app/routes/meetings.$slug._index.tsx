import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentList, DocumentsSection } from "~/components/documents";
import { AgendaTree, MeetingStatusBadge } from "~/components/meetings";
import { Notice } from "~/components/ui";
import { RecommendationsSection } from "~/components/recommendations-section";
import { RegistrationPanel } from "~/components/registration-panel";
import { getUser } from "~/domain/auth/session.server";
import { meetingPageDocuments } from "~/domain/documents/documents.server";
import { FORMAT_LABELS, VISIBILITY_LABELS } from "~/domain/meetings/labels";
import { getMeetingPage } from "~/domain/meetings/meetings.server";
import { publishedSummaryLink } from "~/domain/summary/summary.server";
import { formatDateTime, formatRange, zoneSpanLabel } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { useContentLang } from "~/components/content";
import { languageOf } from "~/i18n/i18n.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const slug = params.slug ?? "";
  const language = await languageOf(request);
  const [page, documents, summary] = await Promise.all([
    getMeetingPage(slug, user, language),
    meetingPageDocuments(slug, { user, registrationTokenHash: null }, language),
    publishedSummaryLink(slug),
  ]);
  if (!page) notFound("We could not find that meeting.");
  // Labels and language names are looked up here, on the server: the browser's bundle need not carry them.
  const labels = {
    format: FORMAT_LABELS[page.meeting.format] ?? page.meeting.format,
    visibility: VISIBILITY_LABELS[page.meeting.visibility] ?? page.meeting.visibility,
    languages: languageList(page.meeting.languages),
  };
  return { ...page, labels, signedIn: !!user, documents, summary };
}

let languageNames: Intl.DisplayNames | undefined;
function languageList(codes: string) {
  languageNames ??= new Intl.DisplayNames(["en"], { type: "language" });
  return codes
    .split(",")
    .filter(Boolean)
    .map((c) => {
      try {
        return languageNames!.of(c) ?? c;
      } catch {
        return c;
      }
    })
    .join(", ");
}

export default function MeetingPage() {
  const { meeting: m, labels, onlineLink, agenda, agendaIsDraft, signedIn, recommendations, registration, documents, summary } = useLoaderData<typeof loader>();
  const canRegister = m.status === "PUBLISHED" && m.visibility === "PUBLIC" && !registration?.mine;
  const contentLang = useContentLang();
  return (
    <article>
      <header className="page-header">
        <h1 lang={contentLang(m.lang.title)}>{m.title}</h1>
        <div className="page-actions">
          {canRegister ? (
            <Link className="button" to={`/meetings/${m.slug}/register`}>
              Register
            </Link>
          ) : null}
          <Link className="button secondary" to={`/meetings/${m.slug}/calendar.ics`} reloadDocument>
            Add to calendar (.ics)
          </Link>
          <Link className="button secondary" to={`/meetings/${m.slug}/agenda`}>
            Printable agenda
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
      {m.status === "CANCELLED" ? <Notice kind="warning">This meeting has been cancelled.</Notice> : null}
      <dl className="details">
        <dt>When</dt>
        <dd>{formatRange(m.startsAt, m.endsAt, m.timeZone)}</dd>
        <dt>Time zone</dt>
        <dd>All times are in {zoneSpanLabel(m.timeZone, m.startsAt, m.endsAt)}.</dd>
        <dt>Where</dt>
        <dd>{[m.venue, m.room, m.city].filter(Boolean).join(", ") || "To be announced"}</dd>
        <dt>Format</dt>
        <dd>{labels.format}</dd>
        {m.format !== "IN_PERSON" ? (
          <>
            <dt>Online link</dt>
            <dd>
              {onlineLink ? (
                <a href={onlineLink}>{onlineLink}</a>
              ) : signedIn ? (
                "Shown to participants with a confirmed registration."
              ) : (
                "Sign in with a confirmed registration to see the link."
              )}
            </dd>
          </>
        ) : null}
        <dt>Languages</dt>
        <dd>{labels.languages}</dd>
        <dt>Participation</dt>
        <dd>
          {labels.visibility}
          {m.capacity ? `, ${m.capacity} seats` : ""}
        </dd>
        {m.registrationClosesAt ? (
          <>
            <dt>Registration closes</dt>
            <dd>{formatDateTime(m.registrationClosesAt, m.timeZone, true)}</dd>
          </>
        ) : null}
        {m.series ? (
          <>
            <dt>Series</dt>
            <dd>
              <Link to={`/series/${m.series.slug}`}>{m.series.name}</Link>
            </dd>
          </>
        ) : null}
        {m.organiserName || m.organiserEmail ? (
          <>
            <dt>Organiser</dt>
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
            <dt>Funding</dt>
            <dd>{m.fundingProgramme}</dd>
          </>
        ) : null}
      </dl>
      </div>
      <div>
      {m.description ? <p style={{ whiteSpace: "pre-line" }} lang={contentLang(m.lang.description)}>{m.description}</p> : null}
      {summary ? (
        <p>
          <Link to={summary.href}>Read the summary record</Link>
          {summary.participantsOnly ? " (for confirmed participants)" : ""}
        </p>
      ) : null}
      <h2>Agenda</h2>
      {agendaIsDraft ? (
        agenda.length ? (
          <Notice kind="warning">Draft agenda: only organisers see it until it is published.</Notice>
        ) : (
          <p>The agenda will be published here.</p>
        )
      ) : null}
      {agenda.length ? (
        <>
          <p className="muted">Times in {zoneSpanLabel(m.timeZone, m.startsAt, m.endsAt)}.</p>
          <AgendaTree items={agenda} timeZone={m.timeZone} below={(id) => <DocumentList docs={documents.filter((d) => d.agendaItemId === id)} label="Documents of this item" />} />
        </>
      ) : null}
      <DocumentsSection docs={documents} zipHref={`/meetings/${m.slug}/documents.zip`} />
      <RecommendationsSection data={recommendations} />
      </div>
      </div>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} · Convene` : "Meeting · Convene" }];
