import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentList } from "~/components/documents";
import { AgendaTree } from "~/components/meetings";
import { getUser } from "~/domain/auth/session.server";
import { meetingPageDocuments } from "~/domain/documents/documents.server";
import { getPublicMeeting } from "~/domain/meetings/meetings.server";
import { formatRange, zoneSpanLabel } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { useContentLang } from "~/components/content";
import { languageOf } from "~/i18n/i18n.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const slug = params.slug ?? "";
  const language = await languageOf(request);
  const [page, documents] = await Promise.all([getPublicMeeting(slug, user, language), meetingPageDocuments(slug, { user, registrationTokenHash: null }, language)]);
  if (!page || (page.agendaIsDraft && !page.agenda.length)) notFound("We could not find that agenda.");
  // Only the documents of agenda items: the printable agenda lists them under their item.
  return { meeting: page.meeting, agenda: page.agenda, agendaIsDraft: page.agendaIsDraft, documents: documents.filter((d) => d.agendaItemId) };
}

/** The agenda alone, for printing (app/styles/print.css hides the navigation). */
export default function PrintableAgenda() {
  const { meeting: m, agenda, agendaIsDraft, documents } = useLoaderData<typeof loader>();
  const contentLang = useContentLang();
  return (
    <article>
      <p className="no-print">
        <Link to={`/meetings/${m.slug}`}>Back to the meeting</Link> ·{" "}
        <button type="button" className="link-button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1 lang={contentLang(m.lang.title)}>{m.title}</h1>
      <p>
        {formatRange(m.startsAt, m.endsAt, m.timeZone)}
        <br />
        {[m.venue, m.room, m.city].filter(Boolean).join(", ")}
      </p>
      {agendaIsDraft ? <p><strong>Draft agenda</strong></p> : null}
      <h2>Agenda</h2>
      <p className="muted">All times in {zoneSpanLabel(m.timeZone, m.startsAt, m.endsAt)}.</p>
      <AgendaTree items={agenda} timeZone={m.timeZone} below={(id) => <DocumentList docs={documents.filter((d) => d.agendaItemId === id)} label="Documents of this item" />} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Agenda: ${data.meeting.title}` : "Agenda" }];
