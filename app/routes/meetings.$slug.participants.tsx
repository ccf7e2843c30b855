import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { requireActor } from "~/domain/auth/permissions.server";
import { participantList } from "~/domain/registration/organiser.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

// Who else takes part: for confirmed participants only, listing only people who agreed to appear.

export const handle = { i18n: ["registration"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireActor(request);
  const { meeting, people } = await participantList(params.slug ?? "", user);
  const t = await fixedT(request);
  return { title: t("registration:participants.title", { meeting: meeting.title }), meeting: { title: meeting.title, slug: meeting.slug }, people };
}

export default function Participants() {
  const { meeting, people } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["registration"]);
  return (
    <>
      <PageHeader title={t("registration:participants.heading", { meeting: meeting.title })} />
      <p>
        {t("registration:participants.intro")} <Link to={`/meetings/${meeting.slug}`}>{t("registration:participants.back")}</Link>
      </p>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("registration:participants.name")}</th>
            <th scope="col">{t("registration:participants.agency")}</th>
            <th scope="col">{t("registration:participants.jobTitle")}</th>
            <th scope="col">{t("registration:participants.role")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.agency?.name ?? ""}</td>
              <td>{p.jobTitle}</td>
              <td>{t(`common:registrationRole.${p.role}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
