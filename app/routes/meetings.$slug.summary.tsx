import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SummaryBody } from "~/components/summary";
import { Notice } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { getUser } from "~/domain/auth/session.server";
import { readSummary } from "~/domain/summary/summary.server";
import summaryStyles from "~/styles/summary.css?url";
import { formatDateTime, formatRange, zoneLabel } from "~/utils/dates";

// A meeting's published summary record, for those who may read it (docs/decisions/078-summary-record.md);
// `?r=<registration link token>` lets a confirmed participant read a participants-only record unsigned.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const token = new URL(request.url).searchParams.get("r");
  const summary = await readSummary(request, params.slug ?? "", { user, registrationToken: token });
  const query = token ? `?r=${encodeURIComponent(token)}` : "";
  return { ...summary, pdfHref: `/meetings/${summary.meeting.slug}/summary.pdf${query}`, staff: can(user, "summary:manage") };
}

export default function SummaryRecordPage() {
  const { meeting: m, publishedAt, visibility, hasPdf, pdfHref, rendered, staff } = useLoaderData<typeof loader>();
  return (
    <article className="summary-page">
      <p className="no-print">
        <Link to={`/meetings/${m.slug}`}>Back to the meeting</Link>
        {hasPdf ? (
          <>
            {" "}
            · <a href={pdfHref}>Download the PDF</a>
          </>
        ) : null}{" "}
        ·{" "}
        <button type="button" className="link-button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <h1>Summary record: {m.title}</h1>
      <p>
        {formatRange(m.startsAt, m.endsAt, m.timeZone)}
        {[m.venue, m.room, m.city].some(Boolean) ? (
          <>
            <br />
            {[m.venue, m.room, m.city].filter(Boolean).join(", ")}
          </>
        ) : null}
      </p>
      {publishedAt ? (
        <p className="muted">
          Published {formatDateTime(publishedAt, m.timeZone)} {zoneLabel(m.timeZone, publishedAt)}
          {visibility === "PUBLIC" ? "." : ", for the meeting's confirmed participants."}
        </p>
      ) : (
        <Notice kind="warning">Not published: only staff see this page.</Notice>
      )}
      {staff ? (
        <p className="no-print">
          <Link to={`/admin/meetings/${m.id}/summary`}>Edit the summary record</Link>
        </p>
      ) : null}
      <SummaryBody rendered={rendered} />
    </article>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: summaryStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Summary record: ${data.meeting.title} · Convene` : "Summary record · Convene" }];
