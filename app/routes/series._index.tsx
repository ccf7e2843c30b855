import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listSeries } from "~/domain/series/series.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["meetings"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const [series, t] = await Promise.all([listSeries(), fixedT(request)]);
  return { title: t("meetings:series.title"), series };
}

export default function SeriesList() {
  const { series } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["meetings"]);
  return (
    <>
      <h1>{t("meetings:series.heading")}</h1>
      {series.length ? (
        <ul className="cards">
          {series.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/series/${s.slug}`}>{s.name}</Link>
              </h2>
              {s.description ? <p>{s.description}</p> : null}
              <p className="muted">
                {t("meetings:series.counts", {
                  meetings: t("meetings:series.sessions", { count: s._count.meetings }),
                  members: t("meetings:series.memberAgencies", { count: s._count.members }),
                })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("meetings:series.empty")}</p>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
