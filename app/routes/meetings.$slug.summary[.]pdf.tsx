import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/domain/auth/session.server";
import { fileResponse } from "~/domain/documents/files.server";
import { summaryPdfFile } from "~/domain/summary/summary.server";

// The newest published PDF of a meeting's summary record, to whoever may read the record.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  const token = new URL(request.url).searchParams.get("r");
  const { file, bytes } = await summaryPdfFile(request, params.slug ?? "", { user, registrationToken: token });
  return fileResponse(file, bytes, request.method);
}
