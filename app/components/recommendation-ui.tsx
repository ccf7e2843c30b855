import { Form, Link } from "@remix-run/react";
import { StatusBadge } from "~/components/ui";
import { PRIORITIES, PRIORITY_LABELS, STATUSES, STATUS_LABELS, statusLabel } from "~/domain/recommendations/status";

// Small pieces shared by the recommendation pages.

export function RecommendationStatus({ status }: { status: string }) {
  return <StatusBadge status={status} label={statusLabel(status)} />;
}

/** A progress bar whose number is in the text, not only in the drawing. */
/** The first cells of every recommendation table row: linked code, title, lead agency. */
export function RecommendationCells({ r }: { r: { id: string; code: string; title: string; leadAgency: { acronym: string } } }) {
  return (
    <>
      <td>
        <Link to={`/recommendations/${r.id}`}>{r.code}</Link>
      </td>
      <td>{r.title}</td>
      <td>{r.leadAgency.acronym}</td>
    </>
  );
}

export function ProgressMeter({ value }: { value: number }) {
  return (
    <span className="progress-meter">
      <progress max={100} value={value} aria-label={`Progress ${value} %`} /> {value} %
    </span>
  );
}

type FilterOptions = {
  agencies: { id: string; label: string }[];
  themes: { id: string; name: string }[];
  meetings: { id: string; label: string }[];
};

/** GET form: filters live in the address, so a filtered view can be bookmarked, exported and printed. */
export function RecommendationFilters({ options, values, search = true }: { options: FilterOptions; values: Record<string, string | boolean | undefined>; search?: boolean }) {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <Form method="get" className="filters" aria-label="Filter recommendations">
      {search ? (
        <div className="field">
          <label htmlFor="f-q">Search code, title or text</label>
          <input id="f-q" type="search" name="q" defaultValue={v("q")} maxLength={200} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="f-status">Status</label>
        <select id="f-status" name="status" defaultValue={v("status")}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-agency">Lead agency</label>
        <select id="f-agency" name="agency" defaultValue={v("agency")}>
          <option value="">Any agency</option>
          {options.agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-theme">Theme</label>
        <select id="f-theme" name="theme" defaultValue={v("theme")}>
          <option value="">Any theme</option>
          {options.themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-meeting">Meeting (made or reviewed)</label>
        <select id="f-meeting" name="meeting" defaultValue={v("meeting")}>
          <option value="">Any meeting</option>
          {options.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-priority">Priority</label>
        <select id="f-priority" name="priority" defaultValue={v("priority")}>
          <option value="">Any priority</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-checkbox">
        <input id="f-overdue" type="checkbox" name="overdue" value="1" defaultChecked={values.overdue === true} />
        <label htmlFor="f-overdue">Overdue only</label>
      </div>
      <button type="submit">Apply filters</button>
    </Form>
  );
}

/** The current filters as a query string (for export and report links). */
export function filterQuery(values: Record<string, string | boolean | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === true) p.set(k, "1");
    else if (typeof v === "string" && v) p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Accept or return a submitted update; posts to the review queue's action, one way for both pages. */
export function ReviewUpdateForms({ updateId, redirectTo }: { updateId: string; redirectTo: string }) {
  return (
    <div className="review-forms">
      <Form method="post" action="/recommendations/queue">
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor={`accept-note-${updateId}`}>Note (optional)</label>
          <input id={`accept-note-${updateId}`} name="reviewNote" maxLength={2000} />
        </div>
        <button type="submit" name="intent" value="accept">
          Accept update
        </button>
      </Form>
      <Form method="post" action="/recommendations/queue">
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor={`return-note-${updateId}`}>Why it is returned</label>
          <input id={`return-note-${updateId}`} name="reviewNote" maxLength={2000} required />
        </div>
        <button type="submit" name="intent" value="return">
          Return update
        </button>
      </Form>
    </div>
  );
}

