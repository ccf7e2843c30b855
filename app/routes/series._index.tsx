import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSeries } from "~/domain/series/series.server";

export async function loader(_: LoaderFunctionArgs) {
  return { series: await listSeries() };
}

export default function SeriesList() {
  const { series } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Meeting series</h1>
      {series.length ? (
        <ul className="cards">
          {series.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/series/${s.slug}`}>{s.name}</Link>
              </h2>
              {s.description ? <p>{s.description}</p> : null}
              <p className="muted">
                {s._count.meetings} sessions · {s._count.members} member agencies
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No series yet.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Meeting series · Convene" }];
