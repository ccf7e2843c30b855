import { Form, Link } from "@remix-run/react";
import { ErrorList, FormErrors } from "~/components/forms";
import { RecommendationStatus } from "~/components/recommendation-status";
import { SubmitButton } from "~/components/submit-button";
import type { Status } from "~/domain/recommendations/status";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";

// The review table of a meeting: one row per recommendation on its review list, with outcome, new
// status, progress and a note, sent together in one form (works without JavaScript). After a refused
// submit every row shows what the person typed, with its own errors (decision 075).

export type ReviewTableRow = {
  id: string;
  outcome: string;
  agendaItem: { title: string } | null;
  statuses: Status[];
  recommendation: { id: string; code: string; title: string; status: Status; progress: number; leadAgency: { acronym: string }; meeting: { title: string }; lang?: { title?: Language } };
};

type Submitted = { rows?: Array<Record<string, string | undefined> | undefined> } | null | undefined;

export function ReviewTable({ rows, submitted, errors, formErrors }: { rows: ReviewTableRow[]; submitted?: Submitted; errors?: Record<string, string[] | null | undefined>; formErrors?: string[] }) {
  const { t } = useTranslation(["recommendations"]);
  const contentLang = useContentLang();
  const typed = (i: number, name: string, fallback: string) => {
    const row = submitted?.rows?.[i];
    return row ? (row[name] ?? "") : fallback;
  };
  const err = (i: number, name: string) => errors?.[`rows[${i}].${name}`] ?? undefined;
  const field = (i: number, name: string) => {
    const id = `review-${i}-${name}`;
    const e = err(i, name);
    return { id, name: `rows[${i}].${name}`, "aria-invalid": e?.length ? true : undefined, "aria-describedby": e?.length ? `${id}-error` : undefined };
  };
  return (
    <Form method="post" className="review-table-form">
      <FormErrors id="review-table-errors" errors={formErrors} />
      <div className="table-scroll">
        <table className="review-table">
          <caption>{t("recommendations:reviewTable.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("recommendations:reviewTable.recommendation")}</th>
              <th scope="col">{t("recommendations:reviewTable.outcome")}</th>
              <th scope="col">{t("recommendations:column.status")}</th>
              <th scope="col">{t("recommendations:column.progress")}</th>
              <th scope="col">{t("recommendations:reviewTable.note")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v, i) => {
              const r = v.recommendation;
              const rowErrors = ["outcome", "status", "progress", "note"].some((n) => err(i, n)?.length);
              return (
                <tr key={v.id} className={rowErrors ? "has-errors" : undefined}>
                  <th scope="row">
                    <input type="hidden" name={`rows[${i}].reviewId`} value={v.id} />
                    <input type="hidden" name={`rows[${i}].wasStatus`} value={r.status} />
                    <input type="hidden" name={`rows[${i}].wasProgress`} value={r.progress} />
                    <input type="hidden" name={`rows[${i}].wasOutcome`} value={v.outcome} />
                    <Link to={`/recommendations/${r.id}`}>{r.code}</Link> <span lang={contentLang(r.lang?.title)}>{r.title}</span>
                    <span className="muted review-meta">
                      {t("recommendations:reviewTable.meta", { meeting: r.meeting.title, acronym: r.leadAgency.acronym })} <RecommendationStatus status={r.status} />, {r.progress} %
                      {v.agendaItem ? `; ${t("recommendations:reviewTable.agendaItem", { title: v.agendaItem.title })}` : ""}
                    </span>
                  </th>
                  <td>
                    <label htmlFor={`review-${i}-outcome`} className="cell-label">
                      {t("recommendations:reviewTable.outcomeFor", { code: r.code })}
                    </label>
                    <textarea {...field(i, "outcome")} defaultValue={typed(i, "outcome", v.outcome)} rows={3} maxLength={2000} />
                    <ErrorList id={`review-${i}-outcome-error`} errors={err(i, "outcome")} />
                  </td>
                  <td>
                    <label htmlFor={`review-${i}-status`} className="cell-label">
                      {t("recommendations:reviewTable.statusOf", { code: r.code })}
                    </label>
                    <select {...field(i, "status")} defaultValue={typed(i, "status", r.status)}>
                      {v.statuses.map((s) => (
                        <option key={s} value={s}>
                          {s === r.status
                            ? t("recommendations:reviewTable.unchanged", { status: t(`common:recommendationStatus.${s}`) })
                            : t(`common:recommendationStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                    <ErrorList id={`review-${i}-status-error`} errors={err(i, "status")} />
                  </td>
                  <td>
                    <label htmlFor={`review-${i}-progress`} className="cell-label">
                      {t("recommendations:reviewTable.progressOf", { code: r.code })}
                    </label>
                    <input {...field(i, "progress")} type="number" min={0} max={100} step={1} inputMode="numeric" defaultValue={typed(i, "progress", String(r.progress))} />
                    <ErrorList id={`review-${i}-progress-error`} errors={err(i, "progress")} />
                  </td>
                  <td>
                    <label htmlFor={`review-${i}-note`} className="cell-label">
                      {t("recommendations:reviewTable.noteOn", { code: r.code })}
                    </label>
                    <textarea {...field(i, "note")} defaultValue={typed(i, "note", "")} rows={3} maxLength={2000} />
                    <ErrorList id={`review-${i}-note-error`} errors={err(i, "note")} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SubmitButton name="intent" value="review-table" busyLabel={t("recommendations:reviewTable.saving")}>
        {t("recommendations:reviewTable.save")}
      </SubmitButton>
    </Form>
  );
}
