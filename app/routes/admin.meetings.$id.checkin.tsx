import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { requireCapability } from "~/domain/auth/permissions.server";
import { checkInByCode } from "~/domain/registration/badges.server";
import { checkInList, markRemainingNoShow, meetingById, setAttendance } from "~/domain/registration/organiser.server";
import { fixedT, languageOf } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatTime, zoneLabel } from "~/utils/dates";
import { badRequest, readForm } from "~/utils/http.server";
import { BadgeLinks } from "~/components/badges";
import { QrCamera } from "~/components/qr-camera";
import { SubmitButton } from "~/components/submit-button";
import { TableScroll } from "~/components/ui";

// Check-in on the day: a field for the code on the badge (a barcode scanner types it and presses
// Enter), a search box (a GET form, live with JavaScript), one tap per person.

export const handle = { i18n: ["registrations"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const list = await checkInList(actor, meeting.id, q);
  const t = await fixedT(request);
  return { title: t("registrations:title.checkin"), meeting: { id: meeting.id, timeZone: meeting.timeZone }, q, ...list };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const form = await readForm(request);
  const intent = form.get("intent");
  const language = await languageOf(request);
  const t = await fixedT(language);
  if (intent === "scan") {
    const res = await checkInByCode(actor, meeting.id, String(form.get("code") ?? ""), language);
    if (!res.ok) return { ok: false, noShows: null, scan: { ok: false, message: res.message } };
    const at = `${formatTime(res.checkedInAt, meeting.timeZone)} ${zoneLabel(meeting.timeZone, res.checkedInAt, language)}`;
    const who = res.agency ? `${res.name} (${res.agency})` : res.name;
    const message = res.already ? t("registrations:checkin.scan.already", { who, at }) : t("registrations:checkin.scan.done", { who, at });
    return { ok: true, noShows: null, scan: { ok: true, message } };
  }
  if (intent === "no-shows") return { ok: true, noShows: await markRemainingNoShow(actor, meeting.id), scan: null };
  const attendance = ({ attend: "ATTENDED", absent: "NO_SHOW", undo: "NONE" } as const)[String(intent) as "attend" | "absent" | "undo"];
  if (!attendance) badRequest();
  const ok = await setAttendance(actor, meeting.id, String(form.get("id") ?? ""), attendance);
  if (!ok) badRequest(t("registrations:checkin.notConfirmed"));
  return { ok: true, noShows: null, scan: null };
}

export default function CheckIn() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const search = useFetcher<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation(["registrations"]);
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
      <h2>{t("registrations:checkin.heading")}</h2>
      <p>
        <strong>{data.present}</strong> {t("registrations:checkin.present")} · <strong>{data.absent}</strong> {t("registrations:checkin.absent")} ·{" "}
        <Link to={`/admin/meetings/${data.meeting.id}/checkin/sheet`}>{t("registrations:checkin.sheet")}</Link> ·{" "}
        <BadgeLinks meetingId={data.meeting.id} />
      </p>
      <ScanForm scan={result?.scan ?? null} />
      <Form method="get" className="checkin-search" role="search">
        <div className="field">
          <label htmlFor="checkin-q">{t("registrations:checkin.find")}</label>
          <input
            id="checkin-q"
            type="search"
            name="q"
            value={q}
            onChange={(e) => onChange(e.target.value)}
            autoComplete="off"
            placeholder={t("registrations:checkin.searchPlaceholder")}
          />
        </div>
        <SubmitButton method="get" className="secondary">
          {t("registrations:checkin.search")}
        </SubmitButton>
      </Form>
      <p className="muted" aria-live="polite">
        {q || params.get("q") ? t("registrations:checkin.match", { count: view.rows.length }) : t("registrations:checkin.confirmed", { count: view.rows.length })}
      </p>
      <ul className="checkin-list">
        {view.rows.map((r) => (
          <CheckInRow key={r.id} row={r} zone={data.meeting.timeZone} />
        ))}
      </ul>
      <h3>{t("registrations:checkin.perAgency")}</h3>
      <TableScroll>
      <table className="numeric">
        <thead>
          <tr>
            <th scope="col">{t("registrations:checkin.agency")}</th>
            <th scope="col">{t("registrations:checkin.presentColumn")}</th>
            <th scope="col">{t("registrations:checkin.absentColumn")}</th>
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
        <p>{t("registrations:checkin.noShowsHelp")}</p>
        <SubmitButton name="intent" value="no-shows" className="secondary">
          {t("registrations:checkin.noShows")}
        </SubmitButton>
      </Form>
    </>
  );
}

/** Where a scanner's keystrokes land: focused on arrival and again after each scan. */
function ScanForm({ scan }: { scan: { ok: boolean; message: string } | null }) {
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const { t } = useTranslation(["registrations"]);
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
        <label htmlFor="checkin-code">{t("registrations:checkin.code")}</label>
        <input id="checkin-code" name="code" ref={input} autoFocus autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={200} aria-describedby="checkin-code-result" />
      </div>
      <SubmitButton name="intent" value="scan">
        {t("registrations:checkin.checkIn")}
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
  const { t } = useTranslation(["registrations"]);
  const pending = fetcher.formData?.get("intent");
  const attendance = pending === "attend" ? "ATTENDED" : pending === "undo" ? "NONE" : pending === "absent" ? "NO_SHOW" : row.attendance;
  return (
    <li>
      <span>
        <strong>{row.name}</strong>
        <br />
        <span className="muted">
          {row.agency?.acronym ?? row.agency?.name ?? ""} · {t(`common:registrationRole.${row.role}`)}
          {row.jobTitle ? ` · ${row.jobTitle}` : ""}
        </span>
      </span>
      <fetcher.Form method="post">
        <input type="hidden" name="id" value={row.id} />
        {attendance === "ATTENDED" ? (
          <>
            <span>
              {row.checkedInAt ? t("registrations:checkin.checkedInAt", { time: formatTime(row.checkedInAt, zone) }) : t("registrations:checkin.checkedIn")}{" "}
            </span>
            <SubmitButton
              pending={fetcher.state !== "idle"}
              name="intent"
              value="undo"
              className="secondary"
              aria-label={t("registrations:checkin.undoWho", { name: row.name })}
            >
              {t("registrations:checkin.undo")}
            </SubmitButton>
          </>
        ) : (
          <SubmitButton pending={fetcher.state !== "idle"} name="intent" value="attend" aria-label={t("registrations:checkin.checkInWho", { name: row.name })}>
            {t("registrations:checkin.checkIn")}
          </SubmitButton>
        )}
      </fetcher.Form>
    </li>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
