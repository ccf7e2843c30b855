import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, FormErrors, InputField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { requireCapability } from "~/domain/auth/permissions.server";
import { redirectWithToast } from "~/domain/auth/session.server";
import { cloneSchema } from "~/domain/meetings/meeting.schema";
import { cloneMeeting, getMeetingForAdmin } from "~/domain/meetings/meetings.server";
import { notFound, readForm } from "~/utils/http.server";
import { formReply } from "~/utils/forms.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["admin"] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "meetings:manage");
  const meeting = await getMeetingForAdmin(params.id ?? "");
  const t = await fixedT(request);
  if (!meeting) notFound(t("admin:meeting.notFound"));
  return { title: meeting.title, series: meeting.series?.name ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "meetings:manage");
  const submission = parseWithZod(await readForm(request), { schema: cloneSchema });
  if (submission.status !== "success") return formReply(submission);
  const saved = await cloneMeeting(user, params.id ?? "", submission.value);
  if (!saved.ok) return formReply(submission, saved);
  const t = await fixedT(request);
  return redirectWithToast(request, `/admin/meetings/${saved.id}`, t("admin:clone.created"));
}

export default function CloneMeeting() {
  const { title, series } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin"]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { title, inviteMembers: series ? "on" : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cloneSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="clone-heading">
      <h2 id="clone-heading">{t("admin:clone.heading")}</h2>
      <p>{t("admin:clone.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <InputField field={fields.title} label={t("admin:clone.title")} required />
        <InputField field={fields.slug} label={t("admin:meetingForm.slug")} hint={t("admin:clone.slugHint")} />
        <InputField field={fields.date} label={t("admin:clone.date")} type="date" required />
        {series ? (
          <>
            <CheckboxField field={fields.addOpenRecommendations} label={t("admin:clone.addOpen", { series })} />
            <CheckboxField field={fields.inviteMembers} label={t("admin:clone.invite", { series })} />
          </>
        ) : null}
        <SubmitButton>{t("admin:clone.heading")}</SubmitButton>
      </Form>
    </section>
  );
}
