import { readForm } from "~/utils/http.server";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MeetingForm } from "~/components/meeting-form";
import { PageHeader } from "~/components/ui";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { meetingSchema } from "~/domain/meetings/meeting.schema";
import { createMeeting, newMeetingDefaults } from "~/domain/meetings/meetings.server";
import { seriesOptions } from "~/domain/series/series.server";
import { formReply } from "~/utils/forms.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const series = await seriesOptions();
  const t = await fixedT(request);
  return { defaults: newMeetingDefaults(user), series: series.map((s) => ({ value: s.id, label: s.name })), title: t("admin:new.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const submission = parseWithZod(await readForm(request), { schema: meetingSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await createMeeting(user, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, `/admin/meetings/${saved.id}`, t("admin:new.created"));
}

export default function NewMeeting() {
  const { defaults, series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  return (
    <>
      <PageHeader title={t("admin:meeting.create")} />
      <p>{t("admin:new.intro")}</p>
      <MeetingForm lastResult={actionData?.result} defaultValue={defaults} seriesOptions={series} submitLabel={t("admin:new.submit")} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Create a meeting · Convene" }];
