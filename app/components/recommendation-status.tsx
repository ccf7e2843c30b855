import { StatusBadge } from "~/components/ui";
import type { RecommendationStatus as Status } from "~/generated/prisma/enums.ts";
import { useTranslation } from "~/i18n/react";

// A recommendation's status as a badge. On its own so that the public meeting page, which shows only
// this, does not load the staff pages' recommendation pieces (issue 10: the page's JS stays < 90 KB). The status
// comes from the database's enum: a type import, no value list in the browser.
export function RecommendationStatus({ status }: { status: string }) {
  const { t } = useTranslation(["common"]);
  return <StatusBadge status={status} label={t(`common:recommendationStatus.${status as Status}`)} />;
}
