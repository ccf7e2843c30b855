import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, TableScroll } from "~/components/ui";
import { requireActor } from "~/domain/auth/permissions.server";
import { participantList } from "~/domain/registration/organiser.server";
import { ROLE_LABELS } from "~/domain/registration/labels";

// Who else takes part: for confirmed participants only, listing only people who agreed to appear.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireActor(request);
  const { meeting, people } = await participantList(params.slug ?? "", user);
  return { meeting: { title: meeting.title, slug: meeting.slug }, people };
}

export default function Participants() {
  const { meeting, people } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Participants: ${meeting.title}`} />
      <p>
        Confirmed participants who agreed to appear in this list. <Link to={`/meetings/${meeting.slug}`}>Back to the meeting</Link>
      </p>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Agency</th>
            <th scope="col">Job title</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.agency?.name ?? ""}</td>
              <td>{p.jobTitle}</td>
              <td>{ROLE_LABELS[p.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Participants · ${data?.meeting.title ?? ""} · Convene` }];
