import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ConfirmButton, ConfirmStep, useConfirming } from "~/components/confirm";
import { StatusBadge, TableScroll } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { meetingById, registrationDetail, setAttendance } from "~/domain/registration/organiser.server";
import { cancelRegistration, decideRegistrations } from "~/domain/registration/registration.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatDateTime } from "~/utils/dates";
import { badRequest, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";
import { refusalMessages } from "~/utils/forms.server";
import { isKey, key } from "~/i18n/translate";
import { reasonText } from "~/domain/registration/labels";

export const handle = { i18n: ["registrations", "followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const reg = await registrationDetail(actor, meeting.id, params.registrationId ?? "");
  const t = await fixedT(request);
  return { title: t("registrations:title.detail"), meeting: { id: meeting.id, timeZone: meeting.timeZone, zone: meeting.timeZone }, reg };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "registrations:manage");
  const meeting = await meetingById(params.id ?? "");
  const reg = await registrationDetail(actor, meeting.id, params.registrationId ?? "");
  const here = `/admin/meetings/${meeting.id}/registrations/${reg.id}`;
  const intent = (await readForm(request)).get("intent");
  const t = await fixedT(request);
  if (intent === "approve" || intent === "decline") {
    const res = await decideRegistrations(actor, meeting.id, [reg.id], intent);
    const done = intent === "approve" ? t("registrations:detail.toast.approved") : t("registrations:detail.toast.declined");
    return redirectWithToast(request, here, res.changed ? done : t("registrations:detail.toast.unchanged"));
  }
  if (intent === "cancel") return redirect(`${here}?confirm=cancel`);
  if (intent === "confirm-cancel") {
    const res = await cancelRegistration(reg.id, actor.id, key("registrations:reason.cancelledByOrganisers"));
    const refusal = res.ok ? [] : refusalMessages(res).map((m) => (isKey(m) ? t(m) : m));
    return redirectWithToast(request, here, res.ok ? t("registrations:detail.toast.cancelled") : refusal.join(" "));
  }
  if (intent === "attend" || intent === "no-show" || intent === "undo") {
    const ok = await setAttendance(actor, meeting.id, reg.id, intent === "attend" ? "ATTENDED" : intent === "no-show" ? "NO_SHOW" : "NONE");
    return redirectWithToast(request, here, ok ? t("registrations:detail.toast.attendance") : t("registrations:detail.toast.onlyConfirmed"));
  }
  badRequest();
}

export default function RegistrationDetail() {
  const { meeting, reg } = useLoaderData<typeof loader>();
  const status = reg.status;
  const confirming = useConfirming("cancel") && ["PENDING", "CONFIRMED", "WAITLISTED"].includes(status);
  const { t, language } = useTranslation(["registrations", "followups"]);
  const when = (d: string | Date) => formatDateTime(d, meeting.timeZone, true, language);
  return (
    <>
      <h2>{reg.name}</h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/registrations`}>{t("registrations:backToList")}</Link>
      </p>
      <dl className="facts">
        <dt>{t("registrations:detail.status")}</dt>
        <dd>
          <StatusBadge status={status} label={t(`common:registrationStatus.${status}`)} />
          {status === "WAITLISTED" ? t("registrations:detail.rank", { rank: reg.waitlistRank }) : null}
        </dd>
        <dt>{t("registrations:detail.attendance")}</dt>
        <dd>
          {reg.attendance === "ATTENDED" && reg.checkedInAt
            ? t("registrations:detail.checkedInAt", { when: when(reg.checkedInAt) })
            : t(`common:attendance.${reg.attendance}`)}
        </dd>
        <dt>{t("registrations:detail.email")}</dt>
        <dd>{reg.email}</dd>
        <dt>{t("registrations:detail.agency")}</dt>
        <dd>{reg.agency?.name ?? "—"}</dd>
        <dt>{t("registrations:detail.jobTitle")}</dt>
        <dd>{reg.jobTitle || "—"}</dd>
        <dt>{t("registrations:detail.role")}</dt>
        <dd>{t(`common:registrationRole.${reg.role}`)}</dd>
        <dt>{t("registrations:detail.dietary")}</dt>
        <dd>{reg.dietary || "—"}</dd>
        <dt>{t("registrations:detail.accessibility")}</dt>
        <dd>{reg.accessibility || "—"}</dd>
        <dt>{t("registrations:detail.privacy")}</dt>
        <dd>
          {reg.consentAt
            ? t("registrations:detail.privacyAccepted", { when: when(reg.consentAt), version: reg.consentNoticeVersion })
            : t("registrations:detail.privacyNotAccepted")}
        </dd>
        <dt>{t("registrations:detail.listConsent")}</dt>
        <dd>{reg.listConsent ? t("registrations:detail.listYes") : t("registrations:detail.listNo")}</dd>
        <dt>{t("registrations:detail.registeredBy")}</dt>
        <dd>{reg.registeredBy?.name ?? t("registrations:detail.themselves")}</dd>
      </dl>
      {confirming ? (
        <ConfirmStep
          title={t("registrations:detail.cancelTitle", { name: reg.name })}
          intent="confirm-cancel"
          confirmLabel={t("registrations:detail.cancelConfirm")}
          keepLabel={t("registrations:detail.cancelKeep")}
        >
          <p>{t("registrations:detail.cancelText", { name: reg.name })}</p>
        </ConfirmStep>
      ) : null}
      <Form method="post" className="page-actions">
        {status === "PENDING" ? (
          <SubmitButton name="intent" value="approve">
            {t("registrations:detail.approve")}
          </SubmitButton>
        ) : null}
        {["PENDING", "CONFIRMED", "WAITLISTED"].includes(status) ? (
          <>
            <SubmitButton name="intent" value="decline" className="secondary">
              {t("registrations:detail.decline")}
            </SubmitButton>
          </>
        ) : null}
        {status === "CONFIRMED" ? (
          <>
            <SubmitButton name="intent" value="attend" className="secondary">
              {t("registrations:detail.markAttended")}
            </SubmitButton>
            <SubmitButton name="intent" value="no-show" className="secondary">
              {t("registrations:detail.markNoShow")}
            </SubmitButton>
          </>
        ) : null}
      </Form>
      {["PENDING", "CONFIRMED", "WAITLISTED"].includes(status) && !confirming ? (
        <ConfirmButton what="cancel" className="secondary">
          {t("registrations:detail.cancel")}
        </ConfirmButton>
      ) : null}
      <h3>{t("registrations:detail.history")}</h3>
      <p className="muted">{t("registrations:detail.timesIn", { zone: meeting.zone })}</p>
      <TableScroll>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("registrations:detail.when")}</th>
            <th scope="col">{t("registrations:detail.change")}</th>
            <th scope="col">{t("registrations:detail.why")}</th>
            <th scope="col">{t("registrations:detail.by")}</th>
          </tr>
        </thead>
        <tbody>
          {reg.events.map((e) => (
            <tr key={e.id}>
              <td>{when(e.createdAt)}</td>
              <td>
                {e.fromStatus ? `${t(`common:registrationStatus.${e.fromStatus}`)} → ` : ""}
                {t(`common:registrationStatus.${e.toStatus}`)}
              </td>
              <td>{reasonText(t, e.reason)}</td>
              <td>{e.by ? (e.by.name ?? t("registrations:detail.formerUser")) : t("registrations:detail.participantOrSystem")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <h3>{t("registrations:detail.mail")}</h3>
      {reg.outbox.length === 0 ? (
        <p>{t("registrations:detail.noMail")}</p>
      ) : (
        <ul>
          {reg.outbox.map((m) => (
            <li key={m.id}>
              {when(m.createdAt)}: {m.subject} <span className="muted">({t(`followups:status.${m.status}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
