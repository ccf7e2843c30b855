import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { MeetingStatusBadge } from "~/components/meeting-status";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";

// Meeting cards and the status badge, shared by the public pages and the staff pages. A card's dates come
// formatted from the server (withDateRange in app/utils/dates.ts): this file imports no date code.

// Public lists key cards by slug and send no id; staff lists link by id.
type ListMeeting = {
  id?: string;
  slug: string;
  title: string;
  city: string;
  venue: string;
  /** The dates in the meeting's zone, as the reader reads them (made on the server with the card). */
  when: string;
  status: string;
  visibility: string;
  series: { name: string; slug: string } | null;
  lang?: { title: Language };
};

export function MeetingList({ meetings, adminLinks = false, headingLevel = 2 }: { meetings: ListMeeting[]; adminLinks?: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation(["common"]);
  const contentLang = useContentLang();
  if (!meetings.length) return <p>{t("common:meetingList.empty")}</p>;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="cards">
      {meetings.map((m) => (
        <li key={m.slug} className="card">
          <Heading>
            <Link to={adminLinks ? `/admin/meetings/${m.id}` : `/meetings/${m.slug}`} lang={contentLang(m.lang?.title)}>
              {m.title}
            </Link>
          </Heading>
          <p>{m.when}</p>
          <p className="muted">
            {[m.venue, m.city].filter(Boolean).join(", ")}
            {m.series ? ` · ${m.series.name}` : ""}
            {m.visibility === "INVITATION" ? ` · ${t("common:meetingList.invitationOnly")}` : ""}
          </p>
          {m.status !== "PUBLISHED" ? <MeetingStatusBadge status={m.status} /> : null}
        </li>
      ))}
    </ul>
  );
}
