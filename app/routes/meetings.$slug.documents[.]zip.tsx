import type { LoaderFunctionArgs } from "@remix-run/node";
import contentDisposition from "content-disposition";
import { documentViewer, meetingDocumentsZip } from "~/domain/documents/documents.server";
import { notFound } from "~/utils/http.server";
import { fixedT } from "~/i18n/i18n.server";

// Every document of the meeting the viewer may see (newest versions) as one ZIP.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const archive = await meetingDocumentsZip(slug, await documentViewer(request, context));
  if (!archive) {
    const t = await fixedT(request);
    notFound(t("meetings:files.noZip"));
  }
  // Streamed as it is made (no length known in advance); the domain reads one file at a time.
  return new Response(archive.zip, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(`${slug}-documents.zip`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
