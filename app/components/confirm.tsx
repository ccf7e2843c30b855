import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { SubmitButton } from "./submit-button";

// Two steps for what cannot be undone (cancelling a registration or a delegate), with or without
// JavaScript: the first button is a GET to the same page with ?confirm=<what>&id=<row>, which shows
// the question and the one form that does it, with its own intent (docs/decisions/054).

/** The first step: asks for the confirmation page. */
export function ConfirmButton({ what, id, children, className, label }: { what: string; id?: string; children: ReactNode; className?: string; label?: string }) {
  const [params] = useSearchParams();
  return (
    <Form method="get" preventScrollReset>
      {[...params.entries()]
        .filter(([k]) => k !== "confirm" && k !== "id")
        .map(([k, v]) => (
          <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
        ))}
      <input type="hidden" name="confirm" value={what} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <SubmitButton method="get" className={className} aria-label={label}>
        {children}
      </SubmitButton>
    </Form>
  );
}

/** Whether the page was asked to confirm `what` (for the row `id`, when given). */
export function useConfirming(what: string, id?: string): boolean {
  const [params] = useSearchParams();
  return params.get("confirm") === what && (id === undefined || params.get("id") === id);
}

/** The row (`id`) the page was asked to confirm `what` for, if any. */
export function useConfirmTarget(what: string): string | null {
  const [params] = useSearchParams();
  return params.get("confirm") === what ? params.get("id") : null;
}

/** The second step: the question, the confirming form (its own intent) and a way back. */
export function ConfirmStep({
  title,
  children,
  intent,
  fields = {},
  confirmLabel,
  keepLabel,
}: {
  title: string;
  children: ReactNode;
  intent: string;
  fields?: Record<string, string>;
  confirmLabel: string;
  keepLabel: string;
}) {
  const { t } = useTranslation(["common"]);
  const location = useLocation();
  const back = new URLSearchParams(location.search);
  back.delete("confirm");
  back.delete("id");
  const query = back.toString();
  const keepTo = `${location.pathname}${query ? `?${query}` : ""}`;
  return (
    <section className="confirm-step" aria-labelledby="confirm-heading" role="group">
      <h2 id="confirm-heading">{title}</h2>
      {children}
      <Form method="post">
        {Object.entries(fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="page-actions">
          <SubmitButton name="intent" value={intent} className="danger" busyLabel={t("common:form.cancelling")}>
            {confirmLabel}
          </SubmitButton>
          <Link to={keepTo}>{keepLabel}</Link>
        </div>
      </Form>
    </section>
  );
}
