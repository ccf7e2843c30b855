import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/domain/auth/permissions.server";
import { documentViewer, fileForViewer } from "~/domain/documents/documents.server";
import { fileResponse } from "~/domain/documents/files.server";
import { notFound } from "~/utils/http.server";
import { fixedT } from "~/i18n/i18n.server";

// A stored file by its random key (a document's version, a progress update's evidence). Whoever may not
// have it gets 404, whether or not it exists; an anonymous visitor without a registration link is asked
// to sign in first (and brought back), since most files are for participants (decision 076).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await documentViewer(request, context);
  const found = await fileForViewer(params.key ?? "", viewer);
  if (!found) {
    if (!viewer.user && !viewer.registrationTokenHash) await requireActor(request);
    const t = await fixedT(request);
    notFound(t("meetings:files.notFound"));
  }
  return fileResponse(found.file, found.bytes, request.method);
}
