import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MeetingForm } from "~/components/meeting-form";
import { Notice } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { meetingSchema } from "~/domain/meetings/meeting.schema";
import { getMeetingForAdmin, meetingFormDefaults, updateMeeting } from "~/domain/meetings/meetings.server";
import { ANNOUNCED_STATUSES } from "~/domain/meetings/status";
import { seriesOptions } from "~/domain/series/series.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:manage");
  const meeting = await getMeetingForAdmin(params.id ?? "");
  const t = await fixedT(request);
  if (!meeting) notFound(t("admin:meeting.notFound"));
  const series = await seriesOptions();
  return {
    defaults: meetingFormDefaults(meeting),
    announced: ANNOUNCED_STATUSES.includes(meeting.status),
    series: series.map((s) => ({ value: s.id, label: s.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const submission = parseWithZod(await readForm(request), { schema: meetingSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await updateMeeting(user, params.id ?? "", submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, `/admin/meetings/${saved.id}`, t("admin:edit.saved"));
}

export default function EditMeeting() {
  const { defaults, series, announced } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t("admin:overview.edit")}</h2>
      {announced ? (
        <Notice kind="info">{t("admin:edit.announced")}</Notice>
      ) : null}
      <MeetingForm lastResult={actionData?.result} defaultValue={defaults} seriesOptions={series} submitLabel={t("admin:edit.submit")} />
    </section>
  );
}
