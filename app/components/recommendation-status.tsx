import { StatusBadge } from "~/components/ui";
import { isStatus } from "~/domain/recommendations/status";
import { useTranslation } from "~/i18n/react";

// A recommendation's status as a badge. On its own so that the public meeting page, which shows only
// this, does not load the staff pages' recommendation pieces (issue 10: the page's JS stays < 90 KB).
export function RecommendationStatus({ status }: { status: string }) {
  const { t } = useTranslation(["common"]);
  return <StatusBadge status={status} label={isStatus(status) ? t(`common:recommendationStatus.${status}`) : status} />;
}
