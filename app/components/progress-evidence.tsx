import type { FieldMetadata } from "@conform-to/react";
import { InputField } from "~/components/forms";
import { formatFileSize } from "~/domain/documents/labels";
import type { EvidenceFile } from "~/domain/recommendations/evidence.server";

// A progress update's evidence: the file input of the progress forms and what reviewers see.

export type EvidenceUploadRules = { accept: string; maxSize: string; types: string };

/**
 * The optional evidence file input. `unsentFile` names a file that came with a form the server refused:
 * without JavaScript the page comes back without it, so the hint says to choose it again.
 */
export function EvidenceFileField({ field, rules, unsentFile }: { field: FieldMetadata<any, any, any>; rules: EvidenceUploadRules; unsentFile?: string | null }) {
  const refused = !!field.errors?.length;
  return (
    <InputField
      field={field}
      label="Evidence file (optional)"
      type="file"
      accept={rules.accept}
      hint={
        <>
          {rules.types}, at most {rules.maxSize}.
          {unsentFile && !refused ? <strong> “{unsentFile}” was not sent with the form: choose it again if it is no longer shown.</strong> : null}
        </>
      }
    />
  );
}

/** The evidence an update carries: its link, its file (name, kind, size, download), or both. */
export function ProgressEvidence({ url, file }: { url: string; file: EvidenceFile | null }) {
  if (!url && !file) return null;
  return (
    <ul className="plain evidence">
      {url ? (
        <li>
          Evidence link: <a href={url} rel="noreferrer noopener">{url}</a>
        </li>
      ) : null}
      {file ? (
        <li>
          Evidence file: <a href={file.href}>{file.filename}</a>{" "}
          <span className="muted">
            ({file.type}, {formatFileSize(file.size)})
          </span>
        </li>
      ) : null}
    </ul>
  );
}
