import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { consumeLoginToken } from "~/domain/auth/login.server";
import { createSessionCookie } from "~/domain/auth/session.server";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { clientIp, safeRedirectPath } from "~/utils/http.server";
import { fixedT } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";

export const handle = { i18n: ["account"] };

// Sign-in links carry 32 random bytes, base64url (app/utils/tokens.server.ts).
const TOKEN_SHAPE = /^[\w-]{43}$/;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const t = await fixedT(request);
  const title = t("account:login.title");
  // Everything that can be checked is checked before the single-use token is spent: a HEAD request
  // (link checkers, previews) and a value that cannot be a token never reach the database.
  if (request.method === "HEAD") return { title, reason: t("account:link.head") };
  if (!TOKEN_SHAPE.test(params.token ?? "")) return { title, reason: t("account:link.invalid") };
  const result = await consumeLoginToken(params.token ?? "");
  if (!result.ok) return { title, reason: t(result.reason) };
  // safeRedirectPath turns any stored value into a path on this site, so the redirect below cannot fail.
  throw redirect(safeRedirectPath(result.redirectTo), {
    headers: { "Set-Cookie": await createSessionCookie(result.userId) },
  });
}

export default function LoginWithToken() {
  const { reason } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["account"]);
  return (
    <>
      <h1>{t("account:link.heading")}</h1>
      <p>{reason}</p>
      <p>
        <Link to="/login">{t("account:link.again")}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Convene" }];
