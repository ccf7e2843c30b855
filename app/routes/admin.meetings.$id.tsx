import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { MeetingStatusBadge } from "~/components/meeting-status";
import { requireCapability } from "~/domain/auth/permissions.server";
import { getMeetingHeader } from "~/domain/meetings/meetings.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { key } from "~/i18n/translate";
import { formatRange } from "~/utils/dates";
import { notFound } from "~/utils/http.server";

// Layout of a meeting's staff pages. Its check guards only this loader: every child route checks
// role and agency itself.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:view-admin");
  const t = await fixedT(request);
  const meeting = await getMeetingHeader(params.id ?? "");
  if (!meeting) notFound(t("admin:meeting.notFound"));
  return { meeting, title: t("admin:meeting.pageTitle", { title: meeting.title }) };
}

export const handle = { i18n: ["admin"] };

const TABS = [
  ["", key("admin:tab.overview")],
  ["/agenda", key("admin:tab.agenda")],
  ["/documents", key("admin:tab.documents")],
  ["/translations", key("admin:tab.translations")],
  ["/registrations", key("admin:tab.registrations")],
  ["/checkin", key("admin:tab.checkin")],
  ["/recommendations", key("admin:tab.recommendations")],
  ["/mail", key("admin:tab.mail")],
  ["/summary", key("admin:tab.summary")],
  ["/history", key("admin:tab.history")],
] as const;

export default function MeetingAdminLayout() {
  const { meeting: m } = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["admin"]);
  return (
    <>
      <header className="page-header">
        <h1>{m.title}</h1>
        <div className="page-actions">
          <Link to={`/meetings/${m.slug}`}>{t("admin:publicPage")}</Link>
        </div>
      </header>
      <p>
        {formatRange(m.startsAt, m.endsAt, m.timeZone, language)} · <MeetingStatusBadge status={m.status} />
      </p>
      <nav aria-label={t("admin:tab.label")}>
        <ul className="tabs">
          {TABS.map(([path, label]) => (
            <li key={label}>
              <NavLink to={`/admin/meetings/${m.id}${path}`} end>
                {t(label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Meeting · Convene" }];
