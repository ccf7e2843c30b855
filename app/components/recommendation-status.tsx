import { StatusBadge } from "~/components/ui";
import { statusLabel } from "~/domain/recommendations/status";

// A recommendation's status as a badge. On its own so that the public meeting page, which shows only
// this, does not load the staff pages' recommendation pieces (issue 10: the page's JS stays < 90 KB).
export function RecommendationStatus({ status }: { status: string }) {
  return <StatusBadge status={status} label={statusLabel(status)} />;
}
