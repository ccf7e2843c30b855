import type { FieldMetadata } from "@conform-to/react";
import { InputField } from "~/components/forms";
import { formatFileSize } from "~/domain/documents/labels";
import type { EvidenceFile } from "~/domain/recommendations/evidence.server";
import { useTranslation } from "~/i18n/react";

// A progress update's evidence: the file input of the progress forms and what reviewers see.

export type EvidenceUploadRules = { accept: string; maxSize: string; types: string };

/**
 * The optional evidence file input. `unsentFile` names a file that came with a form the server refused:
 * without JavaScript the page comes back without it, so the hint says to choose it again.
 */
export function EvidenceFileField({ field, rules, unsentFile }: { field: FieldMetadata<any, any, any>; rules: EvidenceUploadRules; unsentFile?: string | null }) {
  const { t } = useTranslation(["recommendations"]);
  const refused = !!field.errors?.length;
  return (
    <InputField
      field={field}
      label={t("recommendations:evidence.fileLabel")}
      type="file"
      accept={rules.accept}
      hint={
        <>
          {t("recommendations:evidence.fileHint", { types: rules.types, maxSize: rules.maxSize })}
          {unsentFile && !refused ? <strong> {t("recommendations:evidence.unsent", { file: unsentFile })}</strong> : null}
        </>
      }
    />
  );
}

/** The evidence an update carries: its link, its file (name, kind, size, download), or both. */
export function ProgressEvidence({ url, file }: { url: string; file: EvidenceFile | null }) {
  const { t, language } = useTranslation(["recommendations"]);
  if (!url && !file) return null;
  return (
    <ul className="plain evidence">
      {url ? (
        <li>
          {t("recommendations:evidence.link")} <a href={url} rel="noreferrer noopener">{url}</a>
        </li>
      ) : null}
      {file ? (
        <li>
          {t("recommendations:evidence.file")} <a href={file.href}>{file.filename}</a>{" "}
          <span className="muted">
            ({file.type}, {formatFileSize(file.size, language)})
          </span>
        </li>
      ) : null}
    </ul>
  );
}
