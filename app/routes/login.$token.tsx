import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consumeLoginToken } from "~/domain/auth/login.server";
import { createSessionCookie } from "~/domain/auth/session.server";
import { safeRedirectPath } from "~/utils/http.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await consumeLoginToken(params.token ?? "");
  if (!result.ok) return { reason: result.reason };
  throw redirect(safeRedirectPath(result.redirectTo), {
    headers: { "Set-Cookie": await createSessionCookie(result.userId) },
  });
}

export default function LoginWithToken() {
  const { reason } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Sign-in link not accepted</h1>
      <p>{reason}</p>
      <p>
        <Link to="/login">Ask for a new sign-in link</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Convene" }];
