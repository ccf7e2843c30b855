import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SummaryBody } from "~/components/summary";
import { Notice } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { getUser } from "~/domain/auth/session.server";
import { readSummary } from "~/domain/summary/summary.server";
import summaryStyles from "~/styles/summary.css?url";
import { formatDateTime, formatRange, zoneLabel } from "~/utils/dates";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

// A meeting's published summary record, for those who may read it (docs/decisions/078-summary-record.md);
// `?r=<registration link token>` lets a confirmed participant read a participants-only record unsigned.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const token = new URL(request.url).searchParams.get("r");
  const summary = await readSummary(request, params.slug ?? "", { user, registrationToken: token });
  const query = token ? `?r=${encodeURIComponent(token)}` : "";
  const t = await fixedT(request);
  return { ...summary, pdfHref: `/meetings/${summary.meeting.slug}/summary.pdf${query}`, staff: can(user, "summary:manage"), title: t("admin:summary.readingTitle", { title: summary.meeting.title }) };
}

export default function SummaryRecordPage() {
  const { meeting: m, publishedAt, visibility, hasPdf, pdfHref, rendered, staff } = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["admin"]);
  return (
    <article className="summary-page">
      <p className="no-print">
        <Link to={`/meetings/${m.slug}`}>{t("admin:summary.back")}</Link>
        {hasPdf ? (
          <>
            {" "}
            · <a href={pdfHref}>{t("admin:summary.downloadPdf")}</a>
          </>
        ) : null}{" "}
        ·{" "}
        <button type="button" className="link-button" onClick={() => window.print()}>
          {t("admin:summary.print")}
        </button>
      </p>
      <h1>{t("admin:summary.heading", { title: m.title })}</h1>
      <p>
        {formatRange(m.startsAt, m.endsAt, m.timeZone, language)}
        {[m.venue, m.room, m.city].some(Boolean) ? (
          <>
            <br />
            {[m.venue, m.room, m.city].filter(Boolean).join(", ")}
          </>
        ) : null}
      </p>
      {publishedAt ? (
        <p className="muted">
          {visibility === "PUBLIC"
            ? t("admin:summary.publishedPublic", { at: `${formatDateTime(publishedAt, m.timeZone, false, language)} ${zoneLabel(m.timeZone, publishedAt, language)}` })
            : t("admin:summary.publishedParticipants", { at: `${formatDateTime(publishedAt, m.timeZone, false, language)} ${zoneLabel(m.timeZone, publishedAt, language)}` })}
        </p>
      ) : (
        <Notice kind="warning">{t("admin:summary.notPublishedNotice")}</Notice>
      )}
      {staff ? (
        <p className="no-print">
          <Link to={`/admin/meetings/${m.id}/summary`}>{t("admin:summary.edit")}</Link>
        </p>
      ) : null}
      <SummaryBody rendered={rendered} />
    </article>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: summaryStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Summary record · Convene" }];
