import { useTranslation } from "~/i18n/react";

/** Links to a meeting's badges PDF: A4 sheets of eight, or one per page for badge printers. */
export function BadgeLinks({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation(["registrations"]);
  return (
    <>
      {t("registrations:badges.links")} <a href={`/admin/meetings/${meetingId}/badges.pdf`}>{t("registrations:badges.sheet")}</a> ·{" "}
      <a href={`/admin/meetings/${meetingId}/badges.pdf?layout=single`}>{t("registrations:badges.single")}</a>
    </>
  );
}
