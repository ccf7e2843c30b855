import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { delegationMeetings } from "~/domain/registration/organiser.server";
import { formatRange } from "~/utils/dates";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["registration"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "delegation:manage");
  const meetings = await delegationMeetings(actor);
  const language = await languageOf(request);
  const t = await fixedT(language);
  return {
    title: t("registration:delegations.title"),
    meetings: meetings.map((m) => ({ ...m, when: formatRange(m.startsAt, m.endsAt, m.timeZone, language) })),
  };
}

export default function Delegations() {
  const { meetings } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["registration"]);
  return (
    <>
      <PageHeader title={t("registration:delegations.heading")} />
      {meetings.length === 0 ? (
        <p>{t("registration:delegations.empty")}</p>
      ) : (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("registration:delegations.meeting")}</th>
              <th scope="col">{t("registration:delegations.when")}</th>
              <th scope="col">{t("registration:delegations.yourDelegates")}</th>
              <th scope="col">{t("registration:delegations.quota")}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((m) => (
              <tr key={m.slug}>
                <td>
                  <Link to={`/delegations/${m.slug}`}>{m.title}</Link>
                </td>
                <td>{m.when}</td>
                <td>{m.used}</td>
                <td>{m.quota ?? t("registration:delegations.noQuota")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
