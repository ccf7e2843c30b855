import { useFormAction, useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

// Its own module, apart from the form fields (forms.tsx, which use Conform), so a page whose only form
// control is a button does not load Conform in the browser.

/**
 * The submit button of every form. While its own submission is in flight (same action, method and
 * intent) it is disabled, says `busyLabel` and carries aria-busy, so a second click cannot send the
 * form again. Without JavaScript it is a plain submit button. Modelled on the Epic Stack's
 * StatusButton. `pending` lets a fetcher form pass its own state. docs/decisions/054.
 */
export function SubmitButton({
  children,
  busyLabel,
  pending,
  formAction,
  method = "post",
  name,
  value,
  disabled,
  ...rest
}: {
  children: ReactNode;
  busyLabel?: ReactNode;
  pending?: boolean;
  formAction?: string;
  /** the form's method (a GET form's submission is a "loading" navigation) */
  method?: "post" | "get";
  name?: string;
  value?: string;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children" | "name" | "value" | "formAction">) {
  const { t } = useTranslation(["common"]);
  const navigation = useNavigation();
  const ownAction = useFormAction();
  const busy =
    pending ??
    (navigation.state !== "idle" &&
      navigation.formAction === (formAction ?? ownAction) &&
      navigation.formMethod?.toLowerCase() === method &&
      (name === undefined || navigation.formData?.get(name) === value));
  return (
    <button
      type="submit"
      name={name}
      value={value}
      formAction={formAction}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      aria-live="polite"
      {...rest}
    >
      {busy ? (busyLabel ?? t("common:busy")) : children}
    </button>
  );
}
