import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalDataExport } from "~/domain/registration/registration.server";
import { enforceLimit } from "~/domain/abuse/limits.server";
import { fixedT } from "~/i18n/i18n.server";
import { clientIp, notFound } from "~/utils/http.server";

/** The person's data export: everything held about them, as JSON. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await enforceLimit("tokenPagePerIp", clientIp(context));
  const data = await personalDataExport(params.token ?? "");
  const t = await fixedT(request);
  if (!data) notFound(t("common:error.notFound.registrationLink"));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="convene-my-data.json"',
      "Cache-Control": "no-store",
    },
  });
}
