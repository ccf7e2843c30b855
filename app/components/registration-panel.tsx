import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/ui";
import type { RegistrationStatus } from "~/domain/registration/labels";
import { useTranslation } from "~/i18n/react";

export type RegistrationPanelData = {
  mine: { status: RegistrationStatus; attended: boolean } | null;
  delegationLink: string | null;
  participantsLink: string | null;
} | null;

/** On the meeting page: the signed-in person's registration status and their next steps. */
export function RegistrationPanel({ panel }: { panel: RegistrationPanelData }) {
  const { t } = useTranslation(["common"]);
  if (!panel || (!panel.mine && !panel.delegationLink)) return null;
  return (
    <section aria-labelledby="my-registration-heading" className="card">
      <h2 id="my-registration-heading">{t("common:registrationPanel.heading")}</h2>
      {panel.mine ? (
        <p>
          <StatusBadge status={panel.mine.status} label={t(`common:registrationStatus.${panel.mine.status}`)} />
          {panel.mine.attended ? t("common:registrationPanel.attended") : null} · <Link to="/me">{t("common:registrationPanel.manage")}</Link>
          {panel.participantsLink ? (
            <>
              {" "}
              · <Link to={panel.participantsLink}>{t("common:registrationPanel.participants")}</Link>
            </>
          ) : null}
        </p>
      ) : (
        <p>{t("common:registrationPanel.notRegistered")}</p>
      )}
      {panel.delegationLink ? (
        <p>
          <Link to={panel.delegationLink}>{t("common:registrationPanel.delegation")}</Link>
        </p>
      ) : null}
    </section>
  );
}
