import { Form, Link } from "@remix-run/react";
import { FilterSelect, sentenceCase, StatusBadge, TableScroll } from "./ui";
import { SubmitButton } from "~/components/submit-button";

// The mail log table and its filters, shared by the global log (/admin/mail) and the per-meeting
// mail page. Dates are shown in UTC: one log mixes meetings in different zones.

export type MailLogRow = {
  id: string;
  kind: string;
  toEmail: string;
  toName: string;
  subject: string;
  status: string;
  attempts: number;
  smtpResponse: string | null;
  lastError: string | null;
  createdAt: string | Date;
  sentAt: string | Date | null;
  meeting?: { id: string; title: string } | null;
};

const utc = (d: string | Date | null) => (d ? `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC` : "");

export function MailLogTable({ rows, caption, showMeeting = true }: { rows: MailLogRow[]; caption: string; showMeeting?: boolean }) {
  if (rows.length === 0) return <p>No mail matches.</p>;
  return (
    <TableScroll>
    <table>
      <caption className="muted">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Recipient</th>
          <th scope="col">Subject</th>
          <th scope="col">Kind</th>
          {showMeeting ? <th scope="col">Meeting</th> : null}
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">SMTP answer</th>
          <th scope="col">Queued</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={`/admin/mail?recipient=${encodeURIComponent(m.toEmail)}`} aria-label={`All mail to ${m.toEmail}`}>
                {m.toEmail}
              </Link>
            </td>
            <td>
              <Link to={`/admin/mail/${m.id}`}>{m.subject}</Link>
            </td>
            <td>{m.kind}</td>
            {showMeeting ? <td>{m.meeting?.title ?? ""}</td> : null}
            <td>
              <StatusBadge status={m.status} />
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
  statuses: string[];
}) {
  return (
    <Form method="get" className="filters">
      <FilterSelect name="status" label="Status" value={filter.status} anyLabel="Any status" options={statuses.map((s) => ({ value: s, label: sentenceCase(s) }))} />
      <FilterSelect name="kind" label="Kind" value={filter.kind} anyLabel="Any kind" options={kinds.map((k) => ({ value: k, label: k }))} />
      <div className="field">
        <label htmlFor="filter-recipient">Recipient</label>
        <input id="filter-recipient" name="recipient" type="search" defaultValue={filter.recipient ?? ""} maxLength={254} />
      </div>
      <SubmitButton method="get">Filter</SubmitButton>
    </Form>
  );
}

export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return null;
  return (
    <p>
      By status:{" "}
      {entries.map(([s, n], i) => (
        <span key={s}>
          {i > 0 ? " · " : ""}
          {sentenceCase(s)}: <strong>{n}</strong>
        </span>
      ))}
    </p>
  );
}
