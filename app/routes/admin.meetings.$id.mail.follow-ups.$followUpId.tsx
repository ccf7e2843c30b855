import { readForm } from "~/utils/http.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { StatusBadge } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import {
  discardFollowUp,
  followUpIsDone,
  getFollowUp,
  getMailMeeting,
  retryFailedFollowUp,
  sendFollowUp,
} from "~/domain/mail/followups.server";
import { formatDateTime, zoneLabel } from "~/utils/dates";
import { SubmitButton } from "~/components/submit-button";
import { useContentLang } from "~/components/content";
import { isLanguage, LANGUAGES, type Language } from "~/i18n/config";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["followups"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const search = new URL(request.url).searchParams;
  const agencyId = search.get("agency")?.slice(0, 40) || null;
  const sampleLanguage = isLanguage(search.get("language")) ? (search.get("language") as Language) : null;
  const followUp = await getFollowUp(meeting.id, params.followUpId ?? "", { agencyId, language: sampleLanguage });
  const t = await fixedT(request);
  return { title: t("followups:title.followUp"), meeting, followUp, agencyId, sampleLanguage, inProgress: followUp.status === "QUEUED" && !followUpIsDone(followUp.progress) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireCapability(request, "mail:followups");
  const meeting = await getMailMeeting(params.id ?? "");
  const followUpId = params.followUpId ?? "";
  const here = `/admin/meetings/${meeting.id}/mail/follow-ups/${followUpId}`;
  const intent = (await readForm(request)).get("intent");
  const t = await fixedT(request);
  if (intent === "send") {
    const count = await sendFollowUp(actor, meeting.id, followUpId);
    return redirectWithToast(request, here, count === null ? t("followups:followUp.toast.alreadySent") : t("followups:followUp.toast.sending", { count }));
  }
  if (intent === "discard") {
    const discarded = await discardFollowUp(actor, meeting.id, followUpId);
    return discarded
      ? redirectWithToast(request, `/admin/meetings/${meeting.id}/mail`, t("followups:followUp.toast.discarded"))
      : redirectWithToast(request, here, t("followups:followUp.toast.notDiscarded"));
  }
  if (intent === "retry-failed") {
    const count = await retryFailedFollowUp(actor, meeting.id, followUpId);
    return redirectWithToast(request, here, count ? t("followups:followUp.toast.requeued", { count }) : t("followups:followUp.toast.noneFailed"));
  }
  return redirectWithToast(request, here, t("followups:followUp.toast.nothing"));
}

export default function FollowUpPage() {
  const { meeting, followUp: f, agencyId, sampleLanguage, inProgress } = useLoaderData<typeof loader>();
  const p = f.progress;
  const revalidator = useRevalidator();
  const { t, language } = useTranslation(["followups"]);
  const contentLang = useContentLang();
  useEffect(() => {
    if (!inProgress) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 2000);
    return () => clearInterval(timer);
  }, [inProgress, revalidator]);
  const recipients = f.recipients;
  return (
    <section aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">
        <WithContent text={t("followups:followUp.heading", { subject: f.subject })} content={f.subject} lang={contentLang(f.versions[0].language)} />
      </h2>
      <p>
        <Link to={`/admin/meetings/${meeting.id}/mail`}>{t("followups:followUp.back", { title: meeting.title })}</Link>
      </p>
      <dl className="facts">
        <dt>{t("followups:followUp.status")}</dt>
        <dd>
          <StatusBadge status={f.status} label={t(`followups:status.${f.status}`)} />
        </dd>
        <dt>{t("followups:followUp.recipients")}</dt>
        <dd>{t("followups:followUp.people", { audience: t(`followups:audience.${recipients.audience}`), count: p.total })}</dd>
        <dt>{t("followups:followUp.writtenBy")}</dt>
        <dd>{f.createdBy?.name ?? "—"}</dd>
        {f.nextSessionAt ? (
          <>
            <dt>{t("followups:followUp.nextSession")}</dt>
            <dd>
              {formatDateTime(f.nextSessionAt, meeting.timeZone, false, language)} {zoneLabel(meeting.timeZone, f.nextSessionAt, language)}
            </dd>
          </>
        ) : null}
      </dl>
      {f.status === "DRAFT" ? (
        <Form method="post" className="page-actions">
          <SubmitButton name="intent" value="send">
            {t("followups:followUp.send", { count: p.total })}
          </SubmitButton>
          <SubmitButton name="intent" value="discard" className="link-button">
            {t("followups:followUp.discard")}
          </SubmitButton>
        </Form>
      ) : (
        <section aria-labelledby="progress-heading">
          <h3 id="progress-heading">{t("followups:followUp.delivery")}</h3>
          <p role="status">
            {inProgress ? t("followups:followUp.sending") : t("followups:followUp.done")}
            {t("followups:followUp.progress", { sent: p.SENT, total: p.total, queued: p.QUEUED + p.SENDING, failed: p.FAILED, cancelled: p.CANCELLED })}
          </p>
          <progress max={p.total} value={p.SENT + p.FAILED + p.CANCELLED} aria-label={t("followups:followUp.progressLabel")} />
          <p>
            {inProgress ? <Link to=".">{t("followups:followUp.refresh")}</Link> : null}
            {p.FAILED ? (
              <>
                {" "}
                <Link to={`/admin/meetings/${meeting.id}/mail?status=FAILED&kind=follow-up`}>{t("followups:followUp.seeFailed")}</Link>
              </>
            ) : null}
          </p>
          {p.FAILED && !inProgress ? (
            <Form method="post">
              <SubmitButton name="intent" value="retry-failed">
                {t("followups:followUp.retry", { count: p.FAILED })}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      )}
      <Versions versions={f.versions} />
      <h3>{t("followups:followUp.whatRecipientsGet")}</h3>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="preview-agency">{t("followups:followUp.copyOf")}</label>
          <select id="preview-agency" name="agency" defaultValue={agencyId ?? ""}>
            <option value="">{t("followups:followUp.anyRecipient")}</option>
            {f.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="preview-language">{t("followups:followUp.inLanguage")}</label>
          <select id="preview-language" name="language" defaultValue={sampleLanguage ?? ""}>
            <option value="">{t("followups:followUp.anyLanguage")}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`common:languageName.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton method="get">{t("followups:followUp.show")}</SubmitButton>
      </Form>
      {f.sample ? (
        <>
          <p className="muted">
            {t("followups:followUp.sample", { email: f.sample.toEmail })}
            {f.sample.registration?.agency ? t("followups:followUp.sampleAgency", { agency: f.sample.registration.agency.name }) : ""}.
          </p>
          <iframe title={t("followups:followUp.sampleFrame")} sandbox="" srcDoc={f.sample.html} style={{ width: "100%", height: "32rem", border: "1px solid #c9ced6" }} />
        </>
      ) : (
        <p>{sampleLanguage ? t("followups:followUp.noRecipientFound") : t("followups:followUp.noRecipient")}</p>
      )}
    </section>
  );
}

/** A translated sentence holding content (the subject), the content marked with its `lang`. */
function WithContent({ text, content, lang }: { text: string; content: string; lang: Language | undefined }) {
  const at = lang ? text.lastIndexOf(content) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span lang={lang}>{content}</span>
      {text.slice(at + content.length)}
    </>
  );
}

type Version = { language: Language; original: boolean; subject: string; summary: string };

/** The subject and summary in both languages, each marked with its `lang`, and what is missing. */
function Versions({ versions }: { versions: Version[] }) {
  const { t } = useTranslation(["followups"]);
  const contentLang = useContentLang();
  return (
    <section aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t("followups:followUp.versions.heading")}</h3>
      {versions.map((v) => (
        <section key={v.language} aria-labelledby={`version-${v.language}`}>
          <h4 id={`version-${v.language}`}>
            {v.original ? t(`followups:followUp.versions.original.${v.language}`) : t(`followups:followUp.versions.translation.${v.language}`)}
          </h4>
          {!v.subject && !v.summary ? (
            <p>{t(`followups:followUp.versions.missing.${v.language}`)}</p>
          ) : (
            <>
              {!v.subject ? <p>{t(`followups:followUp.versions.missingSubject.${v.language}`)}</p> : null}
              {!v.summary ? <p>{t(`followups:followUp.versions.missingSummary.${v.language}`)}</p> : null}
              <dl className="facts">
                {v.subject ? (
                  <>
                    <dt>{t("followups:followUp.versions.subject")}</dt>
                    <dd lang={contentLang(v.language)}>{v.subject}</dd>
                  </>
                ) : null}
                {v.summary ? (
                  <>
                    <dt>{t("followups:followUp.versions.summary")}</dt>
                    <dd lang={contentLang(v.language)}>
                      {v.summary
                        .split(/\r?\n\r?\n/)
                        .filter((p) => p.trim())
                        .map((p, i) => (
                          <p key={i}>{p.trim()}</p>
                        ))}
                    </dd>
                  </>
                ) : null}
              </dl>
            </>
          )}
        </section>
      ))}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
