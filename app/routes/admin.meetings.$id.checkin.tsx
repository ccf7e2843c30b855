import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { requireCapability } from "~/domain/auth/permissions.server";
import { checkInByCode } from "~/domain/registration/badges.server";
import { checkInList, markRemainingNoShow, meetingById, setAttendance } from "~/domain/registration/organiser.server";
import { ROLE_LABELS } from "~/domain/registration/registration.schema";
import { formatTime, zoneLabel } from "~/utils/dates";
import { badRequest, readForm } from "~/utils/http.server";
import { BadgeLinks } from "~/components/badges";
import { QrCamera } from "~/components/qr-camera";
import { SubmitButton } from "~/components/submit-button";
import { TableScroll } from "~/components/ui";

// Check-in on the day: a field for the code on the badge (a barcode scanner types it and presses
// Enter), a search box (a GET form, live with JavaScript), one tap per person.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const list = await checkInList(actor, meeting.id, q);
  return { meeting: { id: meeting.id, timeZone: meeting.timeZone }, q, ...list };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "scan") {
    const res = await checkInByCode(actor, meeting.id, String(form.get("code") ?? ""));
    if (!res.ok) return { ok: false, noShows: null, scan: { ok: false, message: res.message } };
    const at = `${formatTime(res.checkedInAt, meeting.timeZone)} ${zoneLabel(meeting.timeZone, res.checkedInAt)}`;
    const who = res.agency ? `${res.name} (${res.agency})` : res.name;
    return { ok: true, noShows: null, scan: { ok: true, message: res.already ? `${who} was already checked in at ${at}.` : `Checked in: ${who}, at ${at}.` } };
  }
  if (intent === "no-shows") return { ok: true, noShows: await markRemainingNoShow(actor, meeting.id), scan: null };
  const attendance = ({ attend: "ATTENDED", absent: "NO_SHOW", undo: "NONE" } as const)[String(intent) as "attend" | "absent" | "undo"];
  if (!attendance) badRequest();
  const ok = await setAttendance(actor, meeting.id, String(form.get("id") ?? ""), attendance);
  if (!ok) badRequest("That person is not a confirmed participant of this meeting.");
  return { ok: true, noShows: null, scan: null };
}

export default function CheckIn() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const search = useFetcher<typeof loader>();
  const [params] = useSearchParams();
  const [q, setQ] = useState(data.q);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const view = q === data.q ? data : (search.data ?? data);
  const onChange = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => search.load(`/admin/meetings/${data.meeting.id}/checkin?q=${encodeURIComponent(value)}`), 200);
  };
  return (
    <>
      <h2>Check-in</h2>
      <p>
        <strong>{data.present}</strong> present · <strong>{data.absent}</strong> not checked in ·{" "}
        <Link to={`/admin/meetings/${data.meeting.id}/checkin/sheet`}>Participants by delegation (to print)</Link> ·{" "}
        <BadgeLinks meetingId={data.meeting.id} />
      </p>
      <ScanForm scan={result?.scan ?? null} />
      <Form method="get" className="checkin-search" role="search">
        <div className="field">
          <label htmlFor="checkin-q">Find a participant</label>
          <input id="checkin-q" type="search" name="q" value={q} onChange={(e) => onChange(e.target.value)} autoComplete="off" placeholder="Name, email or job title" />
        </div>
        <SubmitButton method="get" className="secondary">
          Search
        </SubmitButton>
      </Form>
      <p className="muted" aria-live="polite">
        {view.rows.length} {view.rows.length === 1 ? "person" : "people"} {q || params.get("q") ? "match" : "confirmed"}
      </p>
      <ul className="checkin-list">
        {view.rows.map((r) => (
          <CheckInRow key={r.id} row={r} zone={data.meeting.timeZone} />
        ))}
      </ul>
      <h3>Present and absent per agency</h3>
      <TableScroll>
      <table className="numeric">
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Present</th>
            <th scope="col">Not checked in</th>
          </tr>
        </thead>
        <tbody>
          {data.perAgency.map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.name}</th>
              <td>{a.present}</td>
              <td>{a.absent}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <Form method="post">
        <p>After the meeting, mark everyone not checked in as a no-show (they receive the no-show follow-up).</p>
        <SubmitButton name="intent" value="no-shows" className="secondary">
          Mark the rest as no-shows
        </SubmitButton>
      </Form>
    </>
  );
}

/** Where a scanner's keystrokes land: focused on arrival and again after each scan. */
function ScanForm({ scan }: { scan: { ok: boolean; message: string } | null }) {
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    form.current?.reset();
    input.current?.focus();
  }, [scan]);
  const submitCode = useCallback((code: string) => {
    if (!form.current || !input.current) return;
    input.current.value = code;
    form.current.requestSubmit(form.current.querySelector<HTMLButtonElement>('button[name="intent"]'));
  }, []);
  return (
    <Form method="post" className="checkin-search" ref={form}>
      <div className="field">
        <label htmlFor="checkin-code">Scan or type the badge code</label>
        <input id="checkin-code" name="code" ref={input} autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={200} aria-describedby="checkin-code-result" />
      </div>
      <SubmitButton name="intent" value="scan">
        Check in
      </SubmitButton>
      <QrCamera onCode={submitCode} />
      <p id="checkin-code-result" role="status" className={scan ? (scan.ok ? "notice notice-success" : "notice notice-error") : undefined}>
        {scan?.message}
      </p>
    </Form>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function CheckInRow({ row, zone }: { row: Row; zone: string }) {
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("intent");
  const attendance = pending === "attend" ? "ATTENDED" : pending === "undo" ? "NONE" : pending === "absent" ? "NO_SHOW" : row.attendance;
  return (
    <li>
      <span>
        <strong>{row.name}</strong>
        <br />
        <span className="muted">
          {row.agency?.acronym ?? row.agency?.name ?? ""} · {ROLE_LABELS[row.role]}
          {row.jobTitle ? ` · ${row.jobTitle}` : ""}
        </span>
      </span>
      <fetcher.Form method="post">
        <input type="hidden" name="id" value={row.id} />
        {attendance === "ATTENDED" ? (
          <>
            <span>Checked in{row.checkedInAt ? ` at ${formatTime(row.checkedInAt, zone)}` : ""} </span>
            <SubmitButton pending={fetcher.state !== "idle"} name="intent" value="undo" className="secondary" aria-label={`Undo check-in of ${row.name}`}>
              Undo
            </SubmitButton>
          </>
        ) : (
          <SubmitButton pending={fetcher.state !== "idle"} name="intent" value="attend" aria-label={`Check in ${row.name}`}>
            Check in
          </SubmitButton>
        )}
      </fetcher.Form>
    </li>
  );
}

export const meta: MetaFunction = () => [{ title: "Check-in · Organise · Convene" }];
