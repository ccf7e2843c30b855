import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { emailFromUnsubscribeToken, isSuppressed, suppress } from "~/domain/mail/unsubscribe.server";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { clientIp, notFound } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import type { T } from "~/i18n/translate";

export const handle = { i18n: ["account"] };

// GET only shows a confirmation (mail scanners follow links); the POST unsubscribes. The same POST
// serves RFC 8058 one-click unsubscribe from mail clients (List-Unsubscribe-Post).

function emailFrom(token: string | undefined, t: T): string {
  const email = emailFromUnsubscribeToken(token ?? "");
  if (!email) notFound(t("account:unsubscribe.notFound"));
  return email;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const t = await fixedT(request);
  const email = emailFrom(params.token, t);
  return { title: t("account:unsubscribe.title"), email, already: await isSuppressed(email) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  await suppress(emailFrom(params.token, await fixedT(request)));
  return { done: true };
}

export default function Unsubscribe() {
  const { email, already } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["account"]);
  return (
    <>
      <PageHeader title={t("account:unsubscribe.heading")} />
      {actionData?.done || already ? (
        <p role="status">
          {t("account:unsubscribe.done", { email })}
        </p>
      ) : (
        <Form method="post">
          <p>
            {t("account:unsubscribe.before")}
            <strong>{email}</strong>
            {t("account:unsubscribe.after")}
          </p>
          <SubmitButton>{t("account:unsubscribe.submit")}</SubmitButton>
        </Form>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
