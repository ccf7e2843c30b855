import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { formatRange, formatTime, formatDay, offsetChanges } from "~/utils/dates";
import { StatusBadge } from "~/components/ui";
import type { MeetingStatus } from "~/domain/meetings/status";
import type { AgendaItemKind } from "~/generated/prisma/enums.ts";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";

// Meeting cards and the agenda tree, shared by the public pages, the printable agenda and the staff pages.
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

export function MeetingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(["common"]);
  return <StatusBadge status={status} label={t(`common:status.${status as MeetingStatus}`)} />;
}

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

type Node = {
  id: string;
  kind: string;
  title: string;
  description: string;
  room: string;
  startsAt: string | Date;
  endsAt: string | Date;
  people: { name: string; role: string; agency: { acronym: string } | null }[];
  children: Node[];
  lang?: { title: Language; description: Language };
};

/** The agenda in the meeting's zone, day headings when it spans several days. */
/** `below` adds what belongs under an item (its documents on the meeting page). */
export function AgendaTree({ items, timeZone, below }: { items: Node[]; timeZone: string; below?: (itemId: string) => ReactNode }) {
  const { t, language } = useTranslation(["common"]);
  if (!items.length) return <p>{t("common:agenda.empty")}</p>;
  const days = items.map((i) => formatDay(i.startsAt, timeZone, language));
  const severalDays = days.some((d) => d !== days[0]);
  // An agenda over a DST change shows each time with its own offset (the page names the zone).
  const lastEnd = items.reduce((t, i) => Math.max(t, new Date(i.endsAt).getTime()), 0);
  const offsetToo = offsetChanges(items[0].startsAt, new Date(lastEnd), timeZone);
  return (
    <ol className="agenda">
      {items.map((item, i) => {
        const day = days[i];
        const heading = severalDays && (i === 0 || day !== days[i - 1]) ? day : null;
        return (
          <li key={item.id}>
            {heading ? <h3>{heading}</h3> : null}
            <AgendaEntry item={item} timeZone={timeZone} offsetToo={offsetToo} below={below} />
          </li>
        );
      })}
    </ol>
  );
}

function AgendaEntry({ item, timeZone, offsetToo, below }: { item: Node; timeZone: string; offsetToo: boolean; below?: (itemId: string) => ReactNode }) {
  const { t } = useTranslation(["common"]);
  const speakers = item.people.filter((p) => p.role === "SPEAKER");
  const moderators = item.people.filter((p) => p.role === "MODERATOR");
  const contentLang = useContentLang();
  const who = (ps: Node["people"]) => ps.map((p) => (p.agency ? `${p.name} (${p.agency.acronym})` : p.name)).join(", ");
  return (
    <div className={`agenda-item agenda-${item.kind.toLowerCase()}`}>
      <p className="agenda-time">
        <time dateTime={new Date(item.startsAt).toISOString()}>{formatTime(item.startsAt, timeZone, offsetToo)}</time>–
        <time dateTime={new Date(item.endsAt).toISOString()}>{formatTime(item.endsAt, timeZone, offsetToo)}</time>{" "}
        <span className="muted">{t(`common:agendaKind.${item.kind as AgendaItemKind}`)}</span>
      </p>
      <p className="agenda-title">
        <strong lang={contentLang(item.lang?.title)}>{item.title}</strong>
        {item.room ? <span className="muted"> · {item.room}</span> : null}
      </p>
      {item.description ? <p lang={contentLang(item.lang?.description)}>{item.description}</p> : null}
      {moderators.length ? <p>{t("common:agenda.moderator", { names: who(moderators) })}</p> : null}
      {speakers.length ? <p>{t("common:agenda.speakers", { names: who(speakers) })}</p> : null}
      {below?.(item.id)}
      {item.children.length ? (
        <ol className="agenda agenda-children">
          {item.children.map((c) => (
            <li key={c.id}>
              <AgendaEntry item={c} timeZone={timeZone} offsetToo={offsetToo} below={below} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
