import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { assertCan, requireCapability } from "~/domain/auth/permissions.server";
import { filterOptions } from "~/domain/recommendations/recommendations.server";
import { agencyRecommendations, meetingRecommendations } from "~/domain/recommendations/reviews.server";
import { isOverdue, type Status } from "~/domain/recommendations/status";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useContentLang } from "~/components/content";
import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { db } from "~/utils/db.server";
import { formatRange, formatShortDate } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";

// Printable report for the next session: per meeting (made there and reviewed there) or per agency.
export const handle = { i18n: ["recommendations"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "recommendations:view");
  const [t, language] = await Promise.all([fixedT(request), languageOf(request)]);
  const title = t("recommendations:report.title");
  const url = new URL(request.url);
  const meetingId = url.searchParams.get("meeting");
  const manager = can(user, "recommendations:manage");
  const agencyId = url.searchParams.get("agency") ?? (manager ? null : user.agencyId);
  const found = manager ? await filterOptions(meetingId ?? undefined, language) : null;
  const options = found && { meetings: found.meetings, agencies: found.agencies, themes: found.themes };
  if (meetingId) {
    assertCan(user, "recommendations:manage", undefined, t("recommendations:report.secretariatOnly"));
    const meeting = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, title: true, startsAt: true, endsAt: true, timeZone: true, city: true } });
    if (!meeting) notFound(t("recommendations:report.meetingNotFound"));
    return { title, kind: "meeting" as const, meeting, ...(await meetingRecommendations(meeting.id, language)), options, agency: null, rows: [] };
  }
  if (agencyId) {
    assertCan(user, "recommendations:view", { agencyId }, t("recommendations:report.ownAgencyOnly"));
    const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, name: true, acronym: true } });
    if (!agency) notFound(t("recommendations:report.agencyNotFound"));
    return { title, kind: "agency" as const, agency, rows: await agencyRecommendations(agency.id, language), options, meeting: null, made: [], reviews: [] };
  }
  return { title, kind: "choose" as const, options, meeting: null, agency: null, made: [], reviews: [], rows: [] };
}

export default function Report() {
  const data = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["recommendations"]);
  const printedOn = formatShortDate(new Date(), "UTC", language);
  return (
    <>
      <PageHeader
        title={
          data.kind === "meeting"
            ? t("recommendations:report.heading", { name: data.meeting!.title })
            : data.kind === "agency"
              ? t("recommendations:report.heading", { name: data.agency!.name })
              : t("recommendations:report.choose")
        }
      />
      {data.options ? (
        <div className="no-print">
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="r-meeting">{t("recommendations:report.forMeeting")}</label>
              <select id="r-meeting" name="meeting" defaultValue={data.meeting?.id ?? ""}>
                {data.options.meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton method="get">{t("recommendations:report.showMeeting")}</SubmitButton>
          </Form>
          <Form method="get" className="filters">
            <div className="field">
              <label htmlFor="r-agency">{t("recommendations:report.forAgency")}</label>
              <select id="r-agency" name="agency" defaultValue={data.agency?.id ?? ""}>
                {data.options.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton method="get">{t("recommendations:report.showAgency")}</SubmitButton>
          </Form>
        </div>
      ) : null}
      <p className="print-only">{t("recommendations:report.printedOn", { date: printedOn })}</p>
      {data.kind === "meeting" ? (
        <>
          <p>
            {formatRange(data.meeting!.startsAt, data.meeting!.endsAt, data.meeting!.timeZone, language)}, {data.meeting!.city}
          </p>
          <h2>{t("recommendations:report.made", { count: data.made.length })}</h2>
          <ReportTable rows={data.made.map((r) => ({ ...r, extra: r.updates[0]?.text ?? "" }))} extraLabel={t("recommendations:report.latestUpdate")} />
          <h2>{t("recommendations:report.reviewed", { count: data.reviews.length })}</h2>
          <ReportTable
            rows={data.reviews.map((v) => ({ ...v.recommendation, extra: v.outcome || (v.recommendation.updates[0]?.text ?? "") }))}
            extraLabel={t("recommendations:report.outcomeOrUpdate")}
          />
        </>
      ) : null}
      {data.kind === "agency" ? (
        <ReportTable
          rows={data.rows.map((r) => ({
            ...r,
            extra: `${r.leadAgencyId === data.agency!.id ? t("recommendations:report.lead") : t("recommendations:report.support")}. ${r.updates[0]?.text ?? ""}`,
          }))}
          extraLabel={t("recommendations:report.roleAndUpdate")}
        />
      ) : null}
      {data.kind !== "choose" ? (
        <p className="no-print">
          {t("recommendations:report.printHint")}
        </p>
      ) : null}
    </>
  );
}

type Row = { id: string; code: string; title: string; status: Status; progress: number; dueDate: Date | null; leadAgency: { acronym: string }; meeting: { title: string; timeZone: string }; extra: string; lang: { title: Language } };

function ReportTable({ rows, extraLabel }: { rows: Row[]; extraLabel: string }) {
  const { t, language } = useTranslation(["recommendations"]);
  const contentLang = useContentLang();
  if (!rows.length) return <p>{t("recommendations:none")}</p>;
  return (
    <TableScroll>
    <table>
      <thead>
        <tr>
          <th scope="col">{t("recommendations:column.code")}</th>
          <th scope="col">{t("recommendations:reviewTable.recommendation")}</th>
          <th scope="col">{t("recommendations:column.lead")}</th>
          <th scope="col">{t("recommendations:column.status")}</th>
          <th scope="col">{t("recommendations:column.due")}</th>
          <th scope="col">{extraLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{r.code}</td>
            <td>
              <span lang={contentLang(r.lang.title)}>{r.title}</span>
              <div className="muted">{r.meeting.title}</div>
            </td>
            <td>{r.leadAgency.acronym}</td>
            <td>
              {t(`common:recommendationStatus.${r.status}`)}, {r.progress} %
            </td>
            <td>
              {r.dueDate ? formatShortDate(r.dueDate, r.meeting.timeZone, language) : "—"}
              {isOverdue(r) ? ` ${t("recommendations:overdueMark")}` : ""}
            </td>
            <td>{r.extra}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
