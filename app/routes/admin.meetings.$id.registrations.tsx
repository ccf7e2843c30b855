import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { AgencyName, FilterSelect, Pagination, StatusBadge, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { filterOptions, listRegistrations, matchingRegistrationIds } from "~/domain/registration/listing.server";
import { meetingById } from "~/domain/registration/organiser.server";
import { decideRegistrations, fillFromWaitlist } from "~/domain/registration/registration.server";
import {
  CSV_COLUMN_LABELS,
  DEFAULT_CSV_COLUMNS,
  REGISTRATION_ROLES,
  REGISTRATION_STATUSES,
  ROLE_LABELS,
  STATUS_LABELS,
  type CsvColumn,
} from "~/domain/registration/registration.schema";
import { formatShortDate } from "~/utils/dates";
import { badRequest, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const url = new URL(request.url);
  const [list, options] = await Promise.all([listRegistrations(actor, meeting.id, url), filterOptions(actor, meeting.id)]);
  return { meeting: { id: meeting.id, capacity: meeting.capacity, timeZone: meeting.timeZone, approvalMode: meeting.approvalMode }, list, options };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = `/admin/meetings/${meeting.id}/registrations${new URL(request.url).search}`;
  if (intent === "fill") {
    const promoted = await fillFromWaitlist(actor, meeting.id);
    return redirectWithToast(request, back, promoted.length ? `${promoted.length} people moved up from the waiting list.` : "No free seat for anyone on the waiting list.");
  }
  if (intent !== "approve" && intent !== "decline") badRequest();
  // "matching" acts on every registration the filters match, resolved here, so it holds for 5,000 rows
  // on 100 pages; "selected" acts on the ticked rows of the page (decision 073).
  const ids =
    form.get("scope") === "matching"
      ? await matchingRegistrationIds(actor, meeting.id, new URL(request.url))
      : form.getAll("ids").filter((x): x is string => typeof x === "string" && x.length < 40).slice(0, 500);
  if (!ids.length) return redirectWithToast(request, back, "Select at least one registration first.");
  const res = await decideRegistrations(actor, meeting.id, ids, intent);
  const verb = intent === "approve" ? "approved" : "declined";
  const extra = res.skipped ? ` ${res.skipped} could not be ${verb} in their current status.` : "";
  const moved = res.promoted.length ? ` ${res.promoted.length} moved up from the waiting list.` : "";
  return redirectWithToast(request, back, `${res.changed} registrations ${verb}.${extra}${moved}`);
}

const SORTABLE: [key: string, label: string][] = [
  ["name", "Name"],
  ["agency", "Agency"],
  ["status", "Status"],
  ["registered", "Registered"],
];

export default function RegistrationsAdmin() {
  const { meeting, list, options } = useLoaderData<typeof loader>();
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
  const confirmed = list.statusCounts.CONFIRMED ?? 0;
  const sortHref = (key: string) => {
    const p = new URLSearchParams(location.search);
    p.set("sort", key);
    p.set("dir", filters.sort === key && filters.dir === "asc" ? "desc" : "asc");
    p.delete("page");
    return `?${p.toString()}`;
  };
  return (
    <>
      <h2>Registrations</h2>
      <p>
        {confirmed} confirmed of {meeting.capacity ?? "unlimited"} seats · {list.statusCounts.PENDING ?? 0} pending approval · {list.statusCounts.WAITLISTED ?? 0} on the waiting list ·{" "}
        {(list.statusCounts.DECLINED ?? 0) + (list.statusCounts.CANCELLED ?? 0)} declined or cancelled
      </p>
      <p className="page-actions">
        <Link to={`/admin/meetings/${meeting.id}/registrations/delegations`}>Delegations and invitations</Link>
        <Link to={`/admin/meetings/${meeting.id}/registrations/import`}>Add or import participants</Link>
        <Link to={`/admin/meetings/${meeting.id}/checkin`}>Check-in</Link>
      </p>

      <Form method="get" className="filters" aria-label="Filter registrations">
        <div className="field">
          <label htmlFor="f-q">Search</label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q} placeholder="Name, email or job title" />
        </div>
        <FilterSelect name="status" label="Status" value={filters.status} options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <FilterSelect name="agency" label="Agency" value={filters.agencyId} options={options.agencies} />
        <FilterSelect name="role" label="Role" value={filters.role} options={REGISTRATION_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <FilterSelect name="country" label="Country" value={filters.country} options={options.countries.map((c) => ({ value: c, label: c }))} />
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        <SubmitButton method="get">Filter</SubmitButton>
        <Link to=".">Clear</Link>
      </Form>

      <Form method="post" ref={bulkForm}>
        <fieldset>
          <legend>Apply to</legend>
          <label>
            <input type="radio" name="scope" value="selected" defaultChecked /> the selected registrations
          </label>
          <label>
            <input type="radio" name="scope" value="matching" /> all {list.total} registrations matching the filter
          </label>
        </fieldset>
        <div className="page-actions">
          <SubmitButton name="intent" value="approve">
            Approve selected
          </SubmitButton>
          <SubmitButton name="intent" value="decline" className="secondary">
            Decline selected
          </SubmitButton>
          <SubmitButton name="intent" value="fill" className="secondary">
            Fill free seats from the waiting list
          </SubmitButton>
        </div>
        <TableScroll>
        <table>
          <caption className="muted">
            {list.total} registrations match{list.total > list.rows.length ? `, showing ${list.rows.length}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {hydrated ? (
                  <input type="checkbox" aria-label="Select all on this page" checked={allOnPage} onChange={(e) => selectPage(e.currentTarget.checked)} />
                ) : (
                  <span className="visually-hidden">Select</span>
                )}
              </th>
              {SORTABLE.slice(0, 2).map(([key, label]) => (
                <SortHeader key={key} label={label} href={sortHref(key)} active={filters.sort === key ? filters.dir : null} />
              ))}
              <th scope="col">Role</th>
              <SortHeader label="Status" href={sortHref("status")} active={filters.sort === "status" ? filters.dir : null} />
              <th scope="col">Attendance</th>
              <SortHeader label="Registered" href={sortHref("registered")} active={filters.sort === "registered" ? filters.dir : null} />
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <input type="checkbox" name="ids" value={r.id} aria-label={`Select ${r.name}`} onChange={syncHeader} />
                </td>
                <td>
                  <Link to={`/admin/meetings/${meeting.id}/registrations/${r.id}`}>{r.name}</Link>
                  <br />
                  <span className="muted">{r.email}</span>
                  {r.jobTitle ? <span className="muted"> · {r.jobTitle}</span> : null}
                </td>
                <td>{r.agency ? <><AgencyName agency={r.agency} />{r.agency.country ? ` (${r.agency.country})` : ""}</> : "—"}</td>
                <td>{ROLE_LABELS[r.role]}</td>
                <td>
                  <StatusBadge status={r.status} label={STATUS_LABELS[r.status]} />
                  {r.status === "WAITLISTED" ? <span className="muted"> #{r.waitlistRank}</span> : null}
                </td>
                <td>{r.attendance === "NONE" ? "—" : r.attendance === "ATTENDED" ? "Attended" : "No-show"}</td>
                <td>{formatShortDate(r.createdAt, meeting.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      </Form>
      <Pagination page={list.page} pageCount={list.pageCount} search={location.search} />

      <h3>Export CSV</h3>
      <Form method="get" action={`/admin/meetings/${meeting.id}/registrations.csv`} reloadDocument>
        <fieldset>
          <legend>Columns</legend>
          {(Object.keys(CSV_COLUMN_LABELS) as CsvColumn[]).map((c) => (
            <label key={c} className="field-checkbox" style={{ display: "inline-flex", marginRight: "1rem" }}>
              <input type="checkbox" name="col" value={c} defaultChecked={DEFAULT_CSV_COLUMNS.includes(c)} /> {CSV_COLUMN_LABELS[c]}
            </label>
          ))}
        </fieldset>
        {Object.entries({ q: filters.q, status: filters.status, agency: filters.agencyId, role: filters.role, country: filters.country, sort: filters.sort, dir: filters.dir }).map(([k, v]) =>
          v ? <input key={k} type="hidden" name={k} value={v} /> : null,
        )}
        <p className="muted">The export uses the filters above.</p>
        <SubmitButton method="get">Download CSV</SubmitButton>
      </Form>

      <h3>By agency</h3>
      {list.otherAgencies ? <p className="muted">The {list.agencyCounts.length} largest delegations; the CSV export lists everyone.</p> : null}
      <TableScroll>
      <table className="numeric">
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Pending</th>
            <th scope="col">Waitlisted</th>
            <th scope="col">All</th>
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
              <th scope="row">{list.otherAgencies.count} other agencies</th>
              <td>{list.otherAgencies.confirmed}</td>
              <td>{list.otherAgencies.pending}</td>
              <td>{list.otherAgencies.waitlisted}</td>
              <td>{list.otherAgencies.total}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      </TableScroll>
      <h3>By country</h3>
      <TableScroll>
      <table className="numeric">
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Confirmed</th>
            <th scope="col">All</th>
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
              <th scope="row">{list.otherCountries.count} other countries</th>
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

export const meta: MetaFunction = () => [{ title: "Registrations · Organise · Convene" }];
