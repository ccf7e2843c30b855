import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export function PageHeader({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}

// Status colours by meaning, for every status enum in the app (registration, meeting, recommendation,
// progress update, mail): green done or good, amber needs someone, purple waiting list, red stopped or
// failed, blue informative, grey inactive. docs/decisions/070-design-system.md.
export const STATUS_TONES: Record<string, "ok" | "warn" | "wait" | "err" | "info" | "neutral"> = {
  CONFIRMED: "ok",
  PUBLISHED: "ok",
  ADOPTED: "ok",
  IMPLEMENTED: "ok",
  ACCEPTED: "ok",
  ATTENDED: "ok",
  SENT: "ok",
  PENDING: "warn",
  IN_PROGRESS: "warn",
  PARTIALLY_IMPLEMENTED: "warn",
  SUBMITTED: "warn",
  QUEUED: "warn",
  SENDING: "warn",
  WAITLISTED: "wait",
  CANCELLED: "err",
  DECLINED: "err",
  NOT_ADOPTED: "err",
  NOT_IMPLEMENTED: "err",
  RETURNED: "err",
  FAILED: "err",
  NO_SHOW: "err",
  PROPOSED: "info",
  REGISTRATION_CLOSED: "info",
  HELD: "info",
  DRAFT: "neutral",
  ARCHIVED: "neutral",
  SUPERSEDED: "neutral",
};

export function statusTone(status: string) {
  return STATUS_TONES[status.toUpperCase()] ?? "neutral";
}

/** "IN_PROGRESS" -> "In progress": the sentence case every label in the app uses. */
export function sentenceCase(value: string) {
  const words = value.replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The one way to show a status: its label in the colour of its meaning; the text carries the meaning, colour only helps. */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`badge badge-${statusTone(status)}`}>{label ?? sentenceCase(status)}</span>;
}

/** A wide table scrolls sideways inside this box, never the page (a 390 px phone). */
export function TableScroll({ children, label }: { children: ReactNode; label?: string }) {
  const { t } = useTranslation(["common"]);
  // Focusable with a name so keyboard users can scroll it (axe: scrollable-region-focusable); a group, not a
  // region, so several on a page need no unique names.
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={label ?? t("common:form.scrollableTable")}>
      {children}
    </div>
  );
}

/** An agency by its acronym, the full name one hover away; the name alone when there is no acronym. */
export function AgencyName({ agency }: { agency: { name: string; acronym?: string | null } }) {
  const acronym = agency.acronym?.trim();
  if (!acronym || acronym === agency.name) return <>{agency.name}</>;
  return <abbr title={agency.name}>{acronym}</abbr>;
}

export function Notice({ kind = "info", children }: { kind?: "info" | "success" | "warning" | "error"; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === "error" || kind === "warning" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** Previous/next links keeping the other query parameters; works without JavaScript. */
export function Pagination({ page, pageCount, search }: { page: number; pageCount: number; search: string }) {
  const { t } = useTranslation(["common"]);
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={t("common:pagination.label")} className="pagination">
      {page > 1 ? <Link to={href(page - 1)}>{t("common:pagination.previous")}</Link> : null}
      <span>{t("common:pagination.position", { page, pageCount })}</span>
      {page < pageCount ? <Link to={href(page + 1)}>{t("common:pagination.next")}</Link> : null}
    </nav>
  );
}

/** A select in a GET filter form: the empty first option means "no filter". */
export function FilterSelect({
  name,
  label,
  value,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  anyLabel?: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation(["common"]);
  const id = `f-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel ?? t("common:form.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
