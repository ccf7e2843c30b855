import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consumeLoginToken } from "~/domain/auth/login.server";
import { createSessionCookie } from "~/domain/auth/session.server";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { clientIp, safeRedirectPath } from "~/utils/http.server";

// Sign-in links carry 32 random bytes, base64url (app/utils/tokens.server.ts).
const TOKEN_SHAPE = /^[\w-]{43}$/;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  // Everything that can be checked is checked before the single-use token is spent: a HEAD request
  // (link checkers, previews) and a value that cannot be a token never reach the database.
  if (request.method === "HEAD") return { reason: "Open this link in a browser to sign in." };
  if (!TOKEN_SHAPE.test(params.token ?? "")) return { reason: "This sign-in link is not valid." };
  const result = await consumeLoginToken(params.token ?? "");
  if (!result.ok) return { reason: result.reason };
  // safeRedirectPath turns any stored value into a path on this site, so the redirect below cannot fail.
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
