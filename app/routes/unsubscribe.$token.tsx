import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui";
import { emailFromUnsubscribeToken, isSuppressed, suppress } from "~/domain/mail/unsubscribe.server";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { clientIp, notFound } from "~/utils/http.server";
import { SubmitButton } from "~/components/submit-button";

// GET only shows a confirmation (mail scanners follow links); the POST unsubscribes. The same POST
// serves RFC 8058 one-click unsubscribe from mail clients (List-Unsubscribe-Post).

function emailFrom(token: string | undefined): string {
  const email = emailFromUnsubscribeToken(token ?? "");
  if (!email) notFound("This unsubscribe link is not valid. Copy the whole link from the email.");
  return email;
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const email = emailFrom(params.token);
  return { email, already: await isSuppressed(email) };
}

export async function action({ params, context }: ActionFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  await suppress(emailFrom(params.token));
  return { done: true };
}

export default function Unsubscribe() {
  const { email, already } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Unsubscribe" />
      {actionData?.done || already ? (
        <p role="status">
          {email} no longer receives reminders, follow-ups or progress requests from Convene. Mail about your own
          registrations and sign-in links still reaches you.
        </p>
      ) : (
        <Form method="post">
          <p>
            Stop reminders, follow-ups and progress requests to <strong>{email}</strong>? Mail about your own registrations
            and sign-in links will still reach you.
          </p>
          <SubmitButton>Unsubscribe</SubmitButton>
        </Form>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Convene" }];
