import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import type { AgendaItemKind } from "~/generated/prisma/enums.ts";
import { useContentLang } from "~/components/content";
import type { AgendaWhen } from "~/domain/agenda/times.server";
import type { Language } from "~/i18n/config";

// The agenda of the public meeting page and the printable agenda. Times come formatted from the server
// (withAgendaTimes in app/domain/agenda/times.server.ts): this file imports no date code.

type Node = {
  id: string;
  kind: string;
  title: string;
  description: string;
  room: string;
  startsAt: string | Date;
  endsAt: string | Date;
  when: AgendaWhen;
  people: { name: string; role: string; agency: { acronym: string } | null }[];
  children: Node[];
  lang?: { title: Language; description: Language };
};

/** The agenda in the meeting's zone, day headings when it spans several days (times with their offset over a DST change). */
/** `below` adds what belongs under an item (its documents on the meeting page). */
export function AgendaTree({ items, below }: { items: Node[]; below?: (itemId: string) => ReactNode }) {
  const { t } = useTranslation(["common"]);
  if (!items.length) return <p>{t("common:agenda.empty")}</p>;
  const days = items.map((i) => i.when.day);
  const severalDays = days.some((d) => d !== days[0]);
  return (
    <ol className="agenda">
      {items.map((item, i) => {
        const day = days[i];
        const heading = severalDays && (i === 0 || day !== days[i - 1]) ? day : null;
        return (
          <li key={item.id}>
            {heading ? <h3>{heading}</h3> : null}
            <AgendaEntry item={item} below={below} />
          </li>
        );
      })}
    </ol>
  );
}

function AgendaEntry({ item, below }: { item: Node; below?: (itemId: string) => ReactNode }) {
  const { t } = useTranslation(["common"]);
  const speakers = item.people.filter((p) => p.role === "SPEAKER");
  const moderators = item.people.filter((p) => p.role === "MODERATOR");
  const contentLang = useContentLang();
  const who = (ps: Node["people"]) => ps.map((p) => (p.agency ? `${p.name} (${p.agency.acronym})` : p.name)).join(", ");
  return (
    <div className={`agenda-item agenda-${item.kind.toLowerCase()}`}>
      <p className="agenda-time">
        <time dateTime={new Date(item.startsAt).toISOString()}>{item.when.start}</time>–
        <time dateTime={new Date(item.endsAt).toISOString()}>{item.when.end}</time>{" "}
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
              <AgendaEntry item={c} below={below} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
