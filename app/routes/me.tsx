import { key } from "~/i18n/translate";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ConfirmButton, ConfirmStep, useConfirmTarget } from "~/components/confirm";
import { PageHeader, StatusBadge, TableScroll } from "~/components/ui";
import { can } from "~/domain/auth/permissions";
import { requireActor } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { cancelRegistration, findOwnRegistration, myRegistrations, resendLink } from "~/domain/registration/registration.server";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/config";
import { acceptedLanguage, fixedT, languageOf, saveLocale, savedLocaleOf, tFor } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { formatRange } from "~/utils/dates";
import { badRequest, forbidden, readForm } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";
import { refusalMessages } from "~/utils/forms.server";

export const handle = { i18n: ["profile"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireActor(request);
  const [rows, language, locale] = await Promise.all([myRegistrations(user), languageOf(request), savedLocaleOf(user.id)]);
  return {
    title: tFor(language)("profile:title"),
    isFocalPoint: can(user, "delegation:manage"),
    locale,
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      attendance: r.attendance,
      meeting: {
        slug: r.meeting.slug,
        title: r.meeting.title,
        when: formatRange(r.meeting.startsAt, r.meeting.endsAt, r.meeting.timeZone, language),
        upcoming: r.meeting.startsAt > new Date(),
      },
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireActor(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "locale") {
    const value = String(form.get("locale") ?? "");
    if (value !== "" && !isLanguage(value)) badRequest((await fixedT(request))("profile:language.label"));
    const locale = isLanguage(value) ? value : null;
    const cookie = await saveLocale(user.id, locale);
    // the message in the language the next page is in
    const next = locale ?? acceptedLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
    const t = tFor(next);
    return redirectWithToast(request, "/me", t("profile:toast.languageSaved"), { headers: { "Set-Cookie": cookie } });
  }
  const t = await fixedT(request);
  const reg = await findOwnRegistration(user, String(form.get("id") ?? ""));
  if (!reg) forbidden(t("profile:error.notYours"));
  if (intent === "link") {
    await resendLink(reg.id);
    return redirectWithToast(request, "/me", t("profile:toast.linkSent"));
  }
  if (intent === "cancel") return redirect(`/me?confirm=cancel&id=${encodeURIComponent(reg.id)}`);
  if (intent === "confirm-cancel") {
    if (reg.meeting.startsAt < new Date()) badRequest(t("profile:error.started"));
    const res = await cancelRegistration(reg.id, user.id, key("registrations:reason.cancelledByParticipant"));
    return redirectWithToast(request, "/me", res.ok ? t("profile:toast.cancelled") : refusalMessages(res).join(" "));
  }
  badRequest();
}

export default function MyRegistrations() {
  const { rows, isFocalPoint, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["profile"]);
  const confirmId = useConfirmTarget("cancel");
  const confirming = rows.find((r) => r.id === confirmId && r.meeting.upcoming && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(r.status));
  return (
    <>
      <PageHeader title={t("profile:title")} />
      {isFocalPoint ? (
        <p>
          {t("profile:focalPoint.before")} <Link to="/delegations">{t("profile:focalPoint.link")}</Link>.
        </p>
      ) : null}
      {confirming ? (
        <ConfirmStep
          title={t("profile:confirm.title", { title: confirming.meeting.title })}
          intent="confirm-cancel"
          fields={{ id: confirming.id }}
          confirmLabel={t("profile:confirm.yes")}
          keepLabel={t("profile:confirm.no")}
        >
          <p>{t("profile:confirm.text")}</p>
        </ConfirmStep>
      ) : null}
      {rows.length === 0 ? (
        <p>
          {t("profile:empty")} <Link to="/meetings">{t("profile:browse")}</Link>.
        </p>
      ) : (
        <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("profile:column.meeting")}</th>
              <th scope="col">{t("profile:column.when")}</th>
              <th scope="col">{t("profile:column.status")}</th>
              <th scope="col">{t("profile:column.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/meetings/${r.meeting.slug}`}>{r.meeting.title}</Link>
                </td>
                <td>{r.meeting.when}</td>
                <td>
                  <StatusBadge status={r.status} label={t(`common:registrationStatus.${r.status}`)} />
                  {r.attendance === "ATTENDED" ? t("profile:attended") : null}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="id" value={r.id} />
                    <SubmitButton name="intent" value="link" className="secondary">
                      {t("profile:emailLink")}
                    </SubmitButton>
                  </Form>
                  {r.meeting.upcoming && ["CONFIRMED", "PENDING", "WAITLISTED"].includes(r.status) ? (
                    <ConfirmButton what="cancel" id={r.id} className="danger" label={t("profile:cancelLabel", { title: r.meeting.title })}>
                      {t("profile:cancel")}
                    </ConfirmButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <LanguagePreference locale={locale} />
    </>
  );
}

/** The saved language for the interface and mail: a plain form, without JavaScript. */
function LanguagePreference({ locale }: { locale: string | null }) {
  const { t } = useTranslation(["profile", "common"]);
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t("profile:language.heading")}</h2>
      <Form method="post">
        <div className="field">
          <label htmlFor="locale">{t("profile:language.label")}</label>
          <p className="field-hint" id="locale-hint">
            {t("profile:language.hint")}
          </p>
          <select id="locale" name="locale" defaultValue={locale ?? ""} aria-describedby="locale-hint">
            <option value="">{t("profile:language.browser")}</option>
            <option value="en" lang="en">
              {t("common:language.en")}
            </option>
            <option value="fr" lang="fr">
              {t("common:language.fr")}
            </option>
          </select>
        </div>
        <SubmitButton name="intent" value="locale">
          {t("profile:language.save")}
        </SubmitButton>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "My registrations"} · Convene` }];
