import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgendaTree } from "~/components/meetings";
import { getUser } from "~/domain/auth/session.server";
import { getPublicMeeting } from "~/domain/meetings/meetings.server";
import { formatRange, zoneSpanLabel } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await getPublicMeeting(params.slug ?? "", await getUser(request, context));
  if (!page || (page.agendaIsDraft && !page.agenda.length)) notFound("We could not find that agenda.");
  return { meeting: page.meeting, agenda: page.agenda, agendaIsDraft: page.agendaIsDraft };
}

/** The agenda alone, for printing (app/styles/print.css hides the navigation). */
export default function PrintableAgenda() {
  const { meeting: m, agenda, agendaIsDraft } = useLoaderData<typeof loader>();
  return (
    <article>
      <p className="no-print">
        <Link to={`/meetings/${m.slug}`}>Back to the meeting</Link> ·{" "}
        <button type="button" className="link-button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1>{m.title}</h1>
      <p>
        {formatRange(m.startsAt, m.endsAt, m.timeZone)}
        <br />
        {[m.venue, m.room, m.city].filter(Boolean).join(", ")}
      </p>
      {agendaIsDraft ? <p><strong>Draft agenda</strong></p> : null}
      <h2>Agenda</h2>
      <p className="muted">All times in {zoneSpanLabel(m.timeZone, m.startsAt, m.endsAt)}.</p>
      <AgendaTree items={agenda} timeZone={m.timeZone} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Agenda: ${data.meeting.title}` : "Agenda" }];
