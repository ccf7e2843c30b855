import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { AgencyName, FilterSelect, Pagination, StatusBadge, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { filterOptions, listRegistrations, matchingRegistrationIds } from "~/domain/registration/listing.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { decideRegistrations, fillFromWaitlist } from "~/domain/registration/registration.server";
import { CSV_COLUMNS, DEFAULT_CSV_COLUMNS, REGISTRATION_ROLES, REGISTRATION_STATUSES } from "~/domain/registration/registration.schema";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatShortDate } from "~/utils/dates";
import { badRequest, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";

export const handle = { i18n: ["registrations"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const url = new URL(request.url);
  const [list, options, t] = await Promise.all([listRegistrations(actor, meeting.id, url), filterOptions(actor, meeting.id), fixedT(request)]);
  return { title: t("registrations:title.list"), meeting: { id: meeting.id, capacity: meeting.capacity, timeZone: meeting.timeZone, approvalMode: meeting.approvalMode }, list, options };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const t = await fixedT(request);
  const intent = form.get("intent");
  const back = `/admin/meetings/${meeting.id}/registrations${new URL(request.url).search}`;
  if (intent === "fill") {
    const promoted = await fillFromWaitlist(actor, meeting.id);
    return redirectWithToast(request, back, promoted.length ? t("registrations:list.toast.promoted", { count: promoted.length }) : t("registrations:list.toast.noSeat"));
  }
  if (intent !== "approve" && intent !== "decline") badRequest();
  // "matching" acts on every registration the filters match, resolved here, so it holds for 5,000 rows
  // on 100 pages; "selected" acts on the ticked rows of the page (decision 073).
  const ids =
    form.get("scope") === "matching"
      ? await matchingRegistrationIds(actor, meeting.id, new URL(request.url))
      : form.getAll("ids").filter((x): x is string => typeof x === "string" && x.length < 40).slice(0, 500);
  if (!ids.length) return redirectWithToast(request, back, t("registrations:list.toast.selectFirst"));
  const res = await decideRegistrations(actor, meeting.id, ids, intent);
  const sentences = [
    intent === "approve" ? t("registrations:list.toast.approved", { count: res.changed }) : t("registrations:list.toast.declined", { count: res.changed }),
    res.skipped ? (intent === "approve" ? t("registrations:list.toast.notApproved", { count: res.skipped }) : t("registrations:list.toast.notDeclined", { count: res.skipped })) : "",
    res.promoted.length ? t("registrations:list.toast.promoted", { count: res.promoted.length }) : "",
  ];
  return redirectWithToast(request, back, sentences.filter(Boolean).join(" "));
}

export default function RegistrationsAdmin() {
  const { meeting, list, options } = useLoaderData<typeof loader>();
  const { t, language } = useTranslation(["registrations"]);
  const location = useLocation();
  const { filters } = list;
  // The header checkbox needs JavaScript; without it, "all matching the filter" does the same job.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const bulkForm = useRef<HTMLFormElement>(null);
  const [allOnPage, setAllOnPage] = useState(false);
  const rowBoxes = () => Array.from(bulkForm.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? []);
  const syncHeader = () => setAllOnPage(rowBoxes().length > 0 && rowBoxes().every((b) => b.checked));
  const selectPage = (checked: boolean) => {
    for (const box of rowBoxes()) box.checked = checked;
    setAllOnPage(checked);
  };
  // A decision or a new filter starts from an empty selection.
  useEffect(() => {
    for (const box of bulkForm.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? []) box.checked = false;
    setAllOnPage(false);
  }, [location.key]);
  const counts = {
    confirmed: list.statusCounts.CONFIRMED ?? 0,
    pending: list.statusCounts.PENDING ?? 0,
    waitlisted: list.statusCounts.WAITLISTED ?? 0,
    closed: (list.statusCounts.DECLINED ?? 0) + (list.statusCounts.CANCELLED ?? 0),
  };
  const sortHref = (key: string) => {
    const p = new URLSearchParams(location.search);
    p.set("sort", key);
    p.set("dir", filters.sort === key && filters.dir === "asc" ? "desc" : "asc");
    p.delete("page");
    return `?${p.toString()}`;
  };
  return (
    <>
      <h2>{t("registrations:list.heading")}</h2>
      <p>
        {meeting.capacity === null ? t("registrations:list.summaryUnlimited", counts) : t("registrations:list.summary", { ...counts, capacity: meeting.capacity })}
      </p>
      <p className="page-actions">
        <Link to={`/admin/meetings/${meeting.id}/registrations/delegations`}>{t("registrations:list.delegations")}</Link>
        <Link to={`/admin/meetings/${meeting.id}/registrations/import`}>{t("registrations:list.import")}</Link>
        <Link to={`/admin/meetings/${meeting.id}/checkin`}>{t("registrations:list.checkin")}</Link>
      </p>

      <Form method="get" className="filters" aria-label={t("registrations:list.filters")}>
        <div className="field">
          <label htmlFor="f-q">{t("registrations:list.search")}</label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q} placeholder={t("registrations:list.searchPlaceholder")} />
        </div>
        <FilterSelect
          name="status"
          label={t("registrations:list.column.status")}
          anyLabel={t("registrations:list.all")}
          value={filters.status}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`common:registrationStatus.${s}`) }))}
        />
        <FilterSelect name="agency" label={t("registrations:list.column.agency")} anyLabel={t("registrations:list.all")} value={filters.agencyId} options={options.agencies} />
        <FilterSelect
          name="role"
          label={t("registrations:list.column.role")}
          anyLabel={t("registrations:list.all")}
          value={filters.role}
          options={REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`common:registrationRole.${r}`) }))}
        />
        <FilterSelect
          name="country"
          label={t("registrations:list.column.country")}
          anyLabel={t("registrations:list.all")}
          value={filters.country}
          options={options.countries.map((c) => ({ value: c, label: c }))}
        />
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <SubmitButton method="get">{t("registrations:list.filter")}</SubmitButton>
        <Link to=".">{t("registrations:list.clear")}</Link>
      </Form>

      <Form method="post" ref={bulkForm}>
        <fieldset>
          <legend>{t("registrations:list.applyTo")}</legend>
          <label>
            <input type="radio" name="scope" value="selected" defaultChecked /> {t("registrations:list.scopeSelected")}
          </label>
          <label>
            <input type="radio" name="scope" value="matching" /> {t("registrations:list.scopeMatching", { count: list.total })}
          </label>
        </fieldset>
        <div className="page-actions">
          <SubmitButton name="intent" value="approve">
            {t("registrations:list.approve")}
          </SubmitButton>
          <SubmitButton name="intent" value="decline" className="secondary">
            {t("registrations:list.decline")}
          </SubmitButton>
          <SubmitButton name="intent" value="fill" className="secondary">
            {t("registrations:list.fill")}
          </SubmitButton>
        </div>
        <TableScroll>
        <table>
          <caption className="muted">
            {t("registrations:list.caption", { count: list.total })}
            {list.total > list.rows.length ? t("registrations:list.showing", { shown: list.rows.length }) : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {hydrated ? (
                  <input type="checkbox" aria-label={t("registrations:list.selectAll")} checked={allOnPage} onChange={(e) => selectPage(e.currentTarget.checked)} />
                ) : (
                  <span className="visually-hidden">{t("registrations:list.select")}</span>
                )}
              </th>
              <SortHeader label={t("registrations:list.column.name")} href={sortHref("name")} active={filters.sort === "name" ? filters.dir : null} />
              <SortHeader label={t("registrations:list.column.agency")} href={sortHref("agency")} active={filters.sort === "agency" ? filters.dir : null} />
              <th scope="col">{t("registrations:list.column.role")}</th>
              <SortHeader label={t("registrations:list.column.status")} href={sortHref("status")} active={filters.sort === "status" ? filters.dir : null} />
              <th scope="col">{t("registrations:list.column.attendance")}</th>
              <SortHeader label={t("registrations:list.column.registered")} href={sortHref("registered")} active={filters.sort === "registered" ? filters.dir : null} />
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <input type="checkbox" name="ids" value={r.id} aria-label={t("registrations:list.selectOne", { name: r.name })} onChange={syncHeader} />
                </td>
                <td>
                  <Link to={`/admin/meetings/${meeting.id}/registrations/${r.id}`}>{r.name}</Link>
                  <br />
                  <span className="muted">{r.email}</span>
                  {r.jobTitle ? <span className="muted"> · {r.jobTitle}</span> : null}
                </td>
                <td>{r.agency ? <><AgencyName agency={r.agency} />{r.agency.country ? ` (${r.agency.country})` : ""}</> : "—"}</td>
                <td>{t(`common:registrationRole.${r.role}`)}</td>
                <td>
                  <StatusBadge status={r.status} label={t(`common:registrationStatus.${r.status}`)} />
                  {r.status === "WAITLISTED" ? <span className="muted"> #{r.waitlistRank}</span> : null}
                </td>
                <td>{t(`common:attendance.${r.attendance}`)}</td>
                <td>{formatShortDate(r.createdAt, meeting.timeZone, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </Form>
      <Pagination page={list.page} pageCount={list.pageCount} search={location.search} />

      <h3>{t("registrations:list.export.heading")}</h3>
      <Form method="get" action={`/admin/meetings/${meeting.id}/registrations.csv`} reloadDocument>
        <fieldset>
          <legend>{t("registrations:list.export.columns")}</legend>
          {CSV_COLUMNS.map((c) => (
            <label key={c} className="field-checkbox" style={{ display: "inline-flex", marginRight: "1rem" }}>
              <input type="checkbox" name="col" value={c} defaultChecked={DEFAULT_CSV_COLUMNS.includes(c)} /> {t(`registrations:csv.column.${c}`)}
            </label>
          ))}
        </fieldset>
        {Object.entries({ q: filters.q, status: filters.status, agency: filters.agencyId, role: filters.role, country: filters.country, sort: filters.sort, dir: filters.dir }).map(([k, v]) =>
          v ? <input key={k} type="hidden" name={k} value={v} /> : null,
        )}
        <p className="muted">{t("registrations:list.export.usesFilters")}</p>
        <SubmitButton method="get">{t("registrations:list.export.download")}</SubmitButton>
      </Form>

      <h3>{t("registrations:list.byAgency.heading")}</h3>
      {list.otherAgencies ? <p className="muted">{t("registrations:list.byAgency.largest", { count: list.agencyCounts.length })}</p> : null}
      <TableScroll>
      <table className="numeric">
        <thead>
          <tr>
            <th scope="col">{t("registrations:list.column.agency")}</th>
            <th scope="col">{t("registrations:list.byAgency.confirmed")}</th>
            <th scope="col">{t("registrations:list.byAgency.pending")}</th>
            <th scope="col">{t("registrations:list.byAgency.waitlisted")}</th>
            <th scope="col">{t("registrations:list.byAgency.all")}</th>
          </tr>
        </thead>
        <tbody>
          {list.agencyCounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              <td>{a.confirmed}</td>
              <td>{a.pending}</td>
              <td>{a.waitlisted}</td>
              <td>{a.total}</td>
            </tr>
          ))}
          {list.otherAgencies ? (
            <tr>
              <th scope="row">{t("registrations:list.byAgency.others", { count: list.otherAgencies.count })}</th>
              <td>{list.otherAgencies.confirmed}</td>
              <td>{list.otherAgencies.pending}</td>
              <td>{list.otherAgencies.waitlisted}</td>
              <td>{list.otherAgencies.total}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      </TableScroll>
      <h3>{t("registrations:list.byCountry.heading")}</h3>
      <TableScroll>
      <table className="numeric">
        <thead>
          <tr>
            <th scope="col">{t("registrations:list.column.country")}</th>
            <th scope="col">{t("registrations:list.byAgency.confirmed")}</th>
            <th scope="col">{t("registrations:list.byAgency.all")}</th>
          </tr>
        </thead>
        <tbody>
          {list.countryCounts.map((c) => (
            <tr key={c.country}>
              <th scope="row">{c.country}</th>
              <td>{c.confirmed}</td>
              <td>{c.total}</td>
            </tr>
          ))}
          {list.otherCountries ? (
            <tr>
              <th scope="row">{t("registrations:list.byCountry.others", { count: list.otherCountries.count })}</th>
              <td>{list.otherCountries.confirmed}</td>
              <td>{list.otherCountries.total}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

function SortHeader({ label, href, active }: { label: string; href: string; active: "asc" | "desc" | null }) {
  return (
    <th scope="col" aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : undefined}>
      <Link to={href}>
        {label}
        {active ? (active === "asc" ? " ▲" : " ▼") : null}
      </Link>
    </th>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
