import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySessionCookie } from "~/domain/auth/session.server";
import { requireSameOrigin } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return redirect("/", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}
