import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentList } from "~/components/documents";
import { AgendaTree } from "~/components/agenda-tree";
import { getUser } from "~/domain/auth/session.server";
import { getPublicMeeting } from "~/domain/meetings/meetings.server";
import { notFound } from "~/utils/http.server";
import { useContentLang } from "~/components/content";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["meetings"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const slug = params.slug ?? "";
  const language = await languageOf(request);
  const page = await getPublicMeeting(slug, user, language);
  const t = await fixedT(language);
  if (!page || (page.agendaIsDraft && !page.agenda.length)) notFound(t("meetings:agenda.notFound"));
  // Only the documents of agenda items: the printable agenda lists them under their item.
  return {
    title: t("meetings:agenda.title", { meeting: page.meeting.title }),
    meeting: page.meeting,
    when: { range: page.when.range, zone: page.when.zone },
    agenda: page.agenda,
    agendaIsDraft: page.agendaIsDraft,
    documents: page.documents.filter((d) => d.agendaItemId),
  };
}

/** The agenda alone, for printing (app/styles/print.css hides the navigation). */
export default function PrintableAgenda() {
  const { meeting: m, when, agenda, agendaIsDraft, documents } = useLoaderData<typeof loader>();
  const contentLang = useContentLang();
  const { t } = useTranslation(["meetings"]);
  return (
    <article>
      <p className="no-print">
        <Link to={`/meetings/${m.slug}`}>{t("meetings:agenda.back")}</Link> ·{" "}
        <button type="button" className="link-button" onClick={() => window.print()}>
          {t("meetings:agenda.print")}
        </button>
      </p>
      <h1 lang={contentLang(m.lang.title)}>{m.title}</h1>
      <p>
        {when.range}
        <br />
        {[m.venue, m.room, m.city].filter(Boolean).join(", ")}
      </p>
      {agendaIsDraft ? (
        <p>
          <strong>{t("meetings:agenda.draft")}</strong>
        </p>
      ) : null}
      <h2>{t("meetings:agenda.heading")}</h2>
      <p className="muted">{t("meetings:agenda.allTimesIn", { zone: when.zone })}</p>
      <AgendaTree
        items={agenda}
        below={(id) => <DocumentList docs={documents.filter((d) => d.agendaItemId === id)} label={t("common:documents.ofItem")} />}
      />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
