import { clientIp, readForm } from "~/utils/http.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { InputField } from "~/components/forms";
import { SubmitButton } from "~/components/submit-button";
import { HoneypotField } from "~/components/honeypot";
import { PageHeader } from "~/components/ui";
import { rejectHoneypot } from "~/domain/abuse/honeypot.server";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { loginSchema } from "~/domain/auth/login.schema";
import { requestLoginLink } from "~/domain/auth/login.server";
import { getUser } from "~/domain/auth/session.server";
import { normaliseEmail } from "~/domain/registration/registration.server";
import { languageOf } from "~/i18n/i18n.server";
import { formReply } from "~/utils/forms.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["account"] };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { title: (await fixedT(request))("account:login.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await enforceLimit("signInPerIp", clientIp(context));
  const formData = await readForm(request);
  rejectHoneypot(formData);
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") return formReply(submission, undefined, { sentTo: null });
  await enforceLimit("signInPerAddress", normaliseEmail(submission.value.email));
  await requestLoginLink(submission.value.email, submission.value.redirectTo, await languageOf(request));
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["account"]);
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <PageHeader title={t("account:login.heading")} />
      {actionData?.sentTo ? (
        <div className="notice notice-success" role="status">
          {t("account:login.sent", { email: actionData.sentTo })}
        </div>
      ) : null}
      <p>{t("account:login.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <InputField field={fields.email} label={t("account:login.email")} type="email" autoComplete="email" required />
        <HoneypotField />
        <SubmitButton>{t("account:login.submit")}</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
