import { Form, Link } from "@remix-run/react";
import { FilterSelect, StatusBadge, TableScroll } from "./ui";
import { SubmitButton } from "~/components/submit-button";
import { useTranslation } from "~/i18n/react";
import type { OutboxStatus } from "~/generated/prisma/enums.ts";

// The mail log table and its filters, shared by the global log (/admin/mail) and the per-meeting
// mail page. Dates are shown in UTC: one log mixes meetings in different zones.

export type MailLogRow = {
  id: string;
  kind: string;
  toEmail: string;
  toName: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  smtpResponse: string | null;
  lastError: string | null;
  createdAt: string | Date;
  sentAt: string | Date | null;
  meeting?: { id: string; title: string } | null;
};

const utc = (d: string | Date | null) => (d ? `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC` : "");

export function MailLogTable({ rows, caption, showMeeting = true }: { rows: MailLogRow[]; caption: string; showMeeting?: boolean }) {
  const { t } = useTranslation(["followups"]);
  if (rows.length === 0) return <p>{t("followups:log.none")}</p>;
  return (
    <TableScroll>
    <table>
      <caption className="muted">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("followups:log.recipient")}</th>
          <th scope="col">{t("followups:log.subject")}</th>
          <th scope="col">{t("followups:log.kind")}</th>
          {showMeeting ? <th scope="col">{t("followups:log.meeting")}</th> : null}
          <th scope="col">{t("followups:log.status")}</th>
          <th scope="col">{t("followups:log.attempts")}</th>
          <th scope="col">{t("followups:log.smtp")}</th>
          <th scope="col">{t("followups:log.queued")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={`/admin/mail?recipient=${encodeURIComponent(m.toEmail)}`} aria-label={t("followups:log.allTo", { email: m.toEmail })}>
                {m.toEmail}
              </Link>
            </td>
            <td>
              <Link to={`/admin/mail/${m.id}`}>{m.subject}</Link>
            </td>
            <td>{m.kind}</td>
            {showMeeting ? <td>{m.meeting?.title ?? ""}</td> : null}
            <td>
              <StatusBadge status={m.status} label={t(`followups:status.${m.status}`)} />
            </td>
            <td>{m.attempts}</td>
            <td>{m.status === "SENT" ? m.smtpResponse : (m.lastError ?? m.smtpResponse ?? "")}</td>
            <td>{utc(m.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

export function MailFilters({
  filter,
  kinds,
  statuses,
}: {
  filter: { status?: string; kind?: string; recipient?: string };
  kinds: string[];
  statuses: OutboxStatus[];
}) {
  const { t } = useTranslation(["followups"]);
  return (
    <Form method="get" className="filters">
      <FilterSelect
        name="status"
        label={t("followups:log.status")}
        value={filter.status}
        anyLabel={t("followups:log.anyStatus")}
        options={statuses.map((s) => ({ value: s, label: t(`followups:status.${s}`) }))}
      />
      <FilterSelect name="kind" label={t("followups:log.kind")} value={filter.kind} anyLabel={t("followups:log.anyKind")} options={kinds.map((k) => ({ value: k, label: k }))} />
      <div className="field">
        <label htmlFor="filter-recipient">{t("followups:log.recipient")}</label>
        <input id="filter-recipient" name="recipient" type="search" defaultValue={filter.recipient ?? ""} maxLength={254} />
      </div>
      <SubmitButton method="get">{t("followups:log.filter")}</SubmitButton>
    </Form>
  );
}

export function StatusCounts({ counts }: { counts: Partial<Record<OutboxStatus, number>> }) {
  const { t } = useTranslation(["followups"]);
  const entries = Object.entries(counts) as [OutboxStatus, number][];
  if (entries.length === 0) return null;
  return (
    <p>
      {t("followups:log.byStatus")}{" "}
      {entries.map(([s, n], i) => (
        <span key={s}>
          {i > 0 ? " · " : ""}
          {t("followups:log.statusCount", { status: t(`followups:status.${s}`) })} <strong>{n}</strong>
        </span>
      ))}
    </p>
  );
}
