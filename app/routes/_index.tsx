import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingList } from "~/components/meetings";
import { upcomingPublicMeetings } from "~/domain/meetings/meetings.server";
import { languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["meetings"] };

export async function loader({ request }: LoaderFunctionArgs) {
  return { upcoming: await upcomingPublicMeetings(5, new Date(), await languageOf(request)) };
}

export default function Index() {
  const { upcoming } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["meetings"]);
  return (
    <>
      <h1>Convene</h1>
      <p>{t("meetings:home.intro")}</p>
      <h2>{t("meetings:home.upcoming")}</h2>
      <MeetingList meetings={upcoming} headingLevel={3} />
      <p>
        <Link to="/meetings">{t("meetings:home.all")}</Link> · <Link to="/series">{t("meetings:home.series")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Convene" }];
