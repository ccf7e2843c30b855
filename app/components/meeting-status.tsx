import { useTranslation } from "~/i18n/react";
import { StatusBadge } from "~/components/ui";
import type { MeetingStatus } from "~/domain/meetings/status";

// Its own file: the meeting page shows the badge without loading the meeting cards' date code.
export function MeetingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation(["common"]);
  return <StatusBadge status={status} label={t(`common:status.${status as MeetingStatus}`)} />;
}
