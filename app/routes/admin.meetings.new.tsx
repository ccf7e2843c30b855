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

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const series = await seriesOptions();
  return { defaults: newMeetingDefaults(user), series: series.map((s) => ({ value: s.id, label: s.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const submission = parseWithZod(await readForm(request), { schema: meetingSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await createMeeting(user, submission.value);
  if (!saved.ok) return formReply(submission, saved);
  return redirectWithToast(request, `/admin/meetings/${saved.id}`, "Meeting created as a draft.");
}

export default function NewMeeting() {
  const { defaults, series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Create a meeting" />
      <p>The meeting starts as a draft: only organisers see it until you publish it.</p>
      <MeetingForm lastResult={actionData?.result} defaultValue={defaults} seriesOptions={series} submitLabel="Create meeting" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Create a meeting · Convene" }];
