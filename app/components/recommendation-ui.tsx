import { Form, Link } from "@remix-run/react";
import { RecommendationStatus } from "~/components/recommendation-status";
import { FilterSelect, TableScroll } from "~/components/ui";
import { PRIORITIES, STATUSES } from "~/domain/recommendations/status";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { SubmitButton } from "~/components/submit-button";
import { formatShortDate } from "~/utils/dates";

// Small pieces shared by the recommendation pages.

/** The first cells of every recommendation table row: linked code, title, lead agency. */
export function RecommendationCells({ r }: { r: { id: string; code: string; title: string; leadAgency: { acronym: string }; lang?: { title?: Language } } }) {
  const contentLang = useContentLang();
  return (
    <>
      <td>
        <Link to={`/recommendations/${r.id}`}>{r.code}</Link>
      </td>
      <td lang={contentLang(r.lang?.title)}>{r.title}</td>
      <td>{r.leadAgency.acronym}</td>
    </>
  );
}

type RecommendationRow = {
  id: string;
  code: string;
  title: string;
  status: string;
  progress: number;
  dueDate: string | Date | null;
  leadAgency: { acronym: string };
  meeting: { timeZone: string };
  lang?: { title?: Language };
};

/** A table of recommendations (rows selected with recommendationRowSelect): the dashboard's overdue list, a meeting's tab. */
export function RecommendationTable({ rows }: { rows: RecommendationRow[] }) {
  const { t, language } = useTranslation(["recommendations"]);
  return (
    <TableScroll>
    <table>
      <thead>
        <tr>
          <th scope="col">{t("recommendations:column.code")}</th>
          <th scope="col">{t("recommendations:column.title")}</th>
          <th scope="col">{t("recommendations:column.leadAgency")}</th>
          <th scope="col">{t("recommendations:column.status")}</th>
          <th scope="col">{t("recommendations:column.due")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <RecommendationCells r={r} />
            <td>
              <RecommendationStatus status={r.status} /> {r.progress} %
            </td>
            <td>{r.dueDate ? formatShortDate(r.dueDate, r.meeting.timeZone, language) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

/** A progress bar whose number is in the text, not only in the drawing. */
export function ProgressMeter({ value }: { value: number }) {
  const { t } = useTranslation(["recommendations"]);
  return (
    <span className="progress-meter">
      <progress max={100} value={value} aria-label={t("recommendations:progressLabel", { value })} /> {value} %
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
  const { t } = useTranslation(["recommendations"]);
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  return (
    <Form method="get" className="filters" aria-label={t("recommendations:filter.label")}>
      {search ? (
        <div className="field">
          <label htmlFor="f-q">{t("recommendations:filter.search")}</label>
          <input id="f-q" type="search" name="q" defaultValue={v("q")} maxLength={200} />
        </div>
      ) : null}
      <FilterSelect
        name="status"
        label={t("recommendations:filter.status")}
        value={v("status")}
        anyLabel={t("recommendations:filter.anyStatus")}
        options={STATUSES.map((s) => ({ value: s, label: t(`common:recommendationStatus.${s}`) }))}
      />
      <FilterSelect
        name="agency"
        label={t("recommendations:filter.agency")}
        value={v("agency")}
        anyLabel={t("recommendations:filter.anyAgency")}
        options={options.agencies.map((a) => ({ value: a.id, label: a.label }))}
      />
      <FilterSelect
        name="theme"
        label={t("recommendations:filter.theme")}
        value={v("theme")}
        anyLabel={t("recommendations:filter.anyTheme")}
        options={options.themes.map((th) => ({ value: th.id, label: th.name }))}
      />
      <FilterSelect
        name="meeting"
        label={t("recommendations:filter.meeting")}
        value={v("meeting")}
        anyLabel={t("recommendations:filter.anyMeeting")}
        options={options.meetings.map((m) => ({ value: m.id, label: m.label }))}
      />
      <FilterSelect
        name="priority"
        label={t("recommendations:filter.priority")}
        value={v("priority")}
        anyLabel={t("recommendations:filter.anyPriority")}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`common:priority.${p}`) }))}
      />
      <div className="field field-checkbox">
        <input id="f-overdue" type="checkbox" name="overdue" value="1" defaultChecked={values.overdue === true} />
        <label htmlFor="f-overdue">{t("recommendations:filter.overdueOnly")}</label>
      </div>
      <SubmitButton method="get" busyLabel={t("common:busy")}>
        {t("recommendations:filter.apply")}
      </SubmitButton>
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
  const { t } = useTranslation(["recommendations"]);
  return (
    <div className="review-forms">
      <Form method="post" action="/recommendations/queue">
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor={`accept-note-${updateId}`}>{t("recommendations:review.acceptNote")}</label>
          <input id={`accept-note-${updateId}`} name="reviewNote" maxLength={2000} />
        </div>
        <SubmitButton formAction="/recommendations/queue" name="intent" value="accept">
          {t("recommendations:review.accept")}
        </SubmitButton>
      </Form>
      <Form method="post" action="/recommendations/queue">
        <input type="hidden" name="updateId" value={updateId} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor={`return-note-${updateId}`}>{t("recommendations:review.returnNote")}</label>
          <input id={`return-note-${updateId}`} name="reviewNote" maxLength={2000} required />
        </div>
        <SubmitButton formAction="/recommendations/queue" name="intent" value="return">
          {t("recommendations:review.return")}
        </SubmitButton>
      </Form>
    </div>
  );
}

