import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCapability } from "~/domain/auth/permissions.server";
import { participantsByDelegation } from "~/domain/registration/badges.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatRange } from "~/utils/dates";

export const handle = { i18n: ["registrations"] };

/**
 * Participant list by delegation, head of delegation first, with a column for signatures: printed
 * from the browser (print.css hides the navigation) or downloaded as a PDF.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const groups = await participantsByDelegation(actor, meeting.id);
  const language = await languageOf(request);
  const t = await fixedT(language);
  return {
    title: t("registrations:title.sheet"),
    meeting: { id: meeting.id, title: meeting.title, when: formatRange(meeting.startsAt, meeting.endsAt, meeting.timeZone, language) },
    groups,
  };
}

export default function AttendanceSheet() {
  const { meeting, groups } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["registrations"]);
  let n = 0;
  return (
    <>
      <h2>{t("registrations:sheet.heading")}</h2>
      <p className="no-print">
        <Link to={`/admin/meetings/${meeting.id}/checkin`}>{t("registrations:sheet.back")}</Link> · {t("registrations:sheet.print")}{" "}
        <a href={`/admin/meetings/${meeting.id}/checkin/sheet.pdf`}>{t("registrations:sheet.pdf")}</a>.
      </p>
      <p>
        {meeting.title} — {meeting.when}
      </p>
      {groups.length === 0 ? <p>{t("registrations:sheet.empty")}</p> : null}
      {groups.map((g) => (
        <section key={g.agency?.id ?? ""} className="delegation-list">
          <h3>
            {g.agency ? (
              <>
                <abbr title={g.agency.name}>{g.agency.acronym}</abbr> — {g.agency.name}
              </>
            ) : (
              t("registrations:sheet.noAgency")
            )}{" "}
            <span className="muted">({g.people.length})</span>
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("registrations:sheet.number")}</th>
                <th scope="col">{t("registrations:sheet.name")}</th>
                <th scope="col">{t("registrations:sheet.role")}</th>
                <th scope="col">{t("registrations:sheet.present")}</th>
                <th scope="col">{t("registrations:sheet.signature")}</th>
              </tr>
            </thead>
            <tbody>
              {g.people.map((p) => (
                <tr key={p.id}>
                  <td>{++n}</td>
                  <td>
                    {p.head ? (
                      <>
                        <strong>{p.name}</strong>
                        <br />
                        <em>{t("registrations:sheet.head")}</em>
                      </>
                    ) : (
                      p.name
                    )}
                  </td>
                  <td>{[t(`common:registrationRole.${p.role}`), p.jobTitle].filter(Boolean).join(" · ")}</td>
                  <td>{p.attendance === "ATTENDED" ? "✓" : ""}</td>
                  <td style={{ minWidth: "12rem" }} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
