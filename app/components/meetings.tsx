import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatRange } from "~/utils/dates";
import { MeetingStatusBadge } from "~/components/meeting-status";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";

// Meeting cards and the status badge, shared by the public pages and the staff pages (the agenda tree is in
// agenda-tree.tsx: the meeting page must not load the date code these cards use).
// Dates arrive as strings after serialisation; the date helpers accept both.

// Public lists key cards by slug and send no id; staff lists link by id.
type ListMeeting = {
  id?: string;
  slug: string;
  title: string;
  city: string;
  venue: string;
  timeZone: string;
  startsAt: string | Date;
  endsAt: string | Date;
  status: string;
  visibility: string;
  series: { name: string; slug: string } | null;
  lang?: { title: Language };
};

export function MeetingList({ meetings, adminLinks = false, headingLevel = 2 }: { meetings: ListMeeting[]; adminLinks?: boolean; headingLevel?: 2 | 3 }) {
  const { t, language } = useTranslation(["common"]);
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
          <p>{formatRange(m.startsAt, m.endsAt, m.timeZone, language)}</p>
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
