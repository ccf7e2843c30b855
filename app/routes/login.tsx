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

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
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
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <PageHeader title="Sign in" />
      {actionData?.sentTo ? (
        <div className="notice notice-success" role="status">
          If {actionData.sentTo} can use Convene, a sign-in link is on its way. It works once and expires in 15
          minutes.
        </div>
      ) : null}
      <p>Convene signs you in with a one-time link sent to your email address; there is no password.</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <InputField field={fields.email} label="Email address" type="email" autoComplete="email" required />
        <HoneypotField />
        <SubmitButton>Email me a sign-in link</SubmitButton>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Convene" }];
