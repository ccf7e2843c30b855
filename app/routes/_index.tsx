import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingList } from "~/components/meetings";
import { upcomingPublicMeetings } from "~/domain/meetings/meetings.server";
import { languageOf } from "~/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { upcoming: await upcomingPublicMeetings(5, new Date(), await languageOf(request)) };
}

export default function Index() {
  const { upcoming } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Convene</h1>
      <p>Expert meetings for international organisations: agendas, registration, recommendations and follow-up.</p>
      <h2>Upcoming meetings</h2>
      <MeetingList meetings={upcoming} headingLevel={3} />
      <p>
        <Link to="/meetings">All meetings</Link> · <Link to="/series">Meeting series</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Convene" }];
