import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { isKey } from "~/i18n/translate";
import { getUser, readToast } from "~/domain/auth/session.server";
import { can } from "~/domain/auth/permissions";
import type { Actor } from "~/domain/auth/roles";
import { resolveLanguage } from "~/i18n/i18n.server";
import { LanguageSwitcher } from "~/i18n/language-switcher";
import { useUntranslatedPage } from "~/components/content";
import { devMailboxEnabled } from "~/domain/mail/devmailbox.server";
import stylesheet from "~/styles/app.css?url";
import printStylesheet from "~/styles/print.css?url";
import { env } from "~/utils/env.server";
import { useNonce } from "~/utils/nonce-provider";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: printStylesheet, media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, { toast, setCookie }, { language, setCookie: languageCookie }] = await Promise.all([
    getUser(request, context),
    readToast(request),
    resolveLanguage(request, context),
  ]);
  const showDevMailbox = devMailboxEnabled();
  const logoUrl = env().ORG_LOGO_URL ?? null;
  const headers = new Headers();
  for (const cookie of [setCookie, languageCookie]) if (cookie) headers.append("Set-Cookie", cookie);
  return data({ user, toast, showDevMailbox, logoUrl, language }, { headers });
}

export const meta: MetaFunction = () => [{ title: "Convene" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { language } = useTranslation(["common"]);
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

type NavProps = { user: Actor | null; showDevMailbox: boolean; logoUrl: string | null };

/** The header: logo slot (ORG_LOGO_URL) and wordmark, main navigation, account. One row that never wraps. */
function Nav({ user, showDevMailbox, logoUrl }: NavProps) {
  const { t } = useTranslation(["common"]);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("common:skipToContent")}
      </a>
      <Link to="/" className="brand">
        {logoUrl ? <img src={logoUrl} alt="" /> : <span className="brand-mark" aria-hidden="true">C</span>}
        Convene
      </Link>
      <nav aria-label={t("common:nav.label")} className="site-nav">
        <ul>
          <li>
            <NavLink to="/meetings">{t("common:nav.meetings")}</NavLink>
          </li>
          <li>
            <NavLink to="/series">{t("common:nav.series")}</NavLink>
          </li>
          {user ? (
            <li>
              <NavLink to="/me">{t("common:nav.myRegistrations")}</NavLink>
            </li>
          ) : null}
          {can(user, "meetings:view-admin") ? (
            <li>
              <NavLink to="/admin" end>{t("common:nav.organise")}</NavLink>
            </li>
          ) : null}
          {can(user, "mail:log") ? (
            <li>
              <NavLink to="/admin/mail">{t("common:nav.mailLog")}</NavLink>
            </li>
          ) : null}
          {can(user, "recommendations:view") ? (
            <li>
              <NavLink to="/recommendations">{t("common:nav.recommendations")}</NavLink>
            </li>
          ) : null}
          {showDevMailbox ? (
            <li>
              <NavLink to="/dev/mailbox">{t("common:nav.devMailbox")}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="account">
        <LanguageSwitcher />
        {user ? (
          <>
            <span className="account-name">
              {user.name} <span className="muted account-role">({t(`common:role.${user.role}`)})</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                {t("common:account.signOut")}
              </button>
            </Form>
          </>
        ) : (
          <Link to="/login">{t("common:account.signIn")}</Link>
        )}
      </div>
    </header>
  );
}

/** DEV_MAILBOX=on: a demo whose mail, sign-in links included, anyone can read. Say so on every page. */
function DevMailboxBanner() {
  const { t } = useTranslation(["common"]);
  return (
    <p className="notice notice-warning">
      <strong>{t("common:devMailbox.demo")}</strong> {t("common:devMailbox.text")}{" "}
      <Link to="/dev/mailbox">/dev/mailbox</Link>.
    </p>
  );
}

export default function App() {
  const { user, toast, showDevMailbox, logoUrl } = useLoaderData<typeof loader>();
  const untranslated = useUntranslatedPage();
  return (
    <>
      <Nav user={user} showDevMailbox={showDevMailbox} logoUrl={logoUrl} />
      <main id="main">
        {showDevMailbox ? <DevMailboxBanner /> : null}
        {toast ? (
          <div className="notice notice-success" role="status">
            {toast}
          </div>
        ) : null}
        {untranslated ? (
          <div lang="en" className="untranslated">
            <Outlet />
          </div>
        ) : (
          <Outlet />
        )}
      </main>
    </>
  );
}

/** The one shared boundary: friendly pages for 403, 404 and unexpected errors. */
export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation(["common"]);
  // A refusal's own text (the data of a thrown 4xx): a key (thrown without a reader, by domain code) is
  // translated here, other text was translated by the code that threw it.
  const data = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : null;
  const given = data && isKey(data) ? t(data) : data;
  let title = t("common:error.generic.title");
  let message = t("common:error.generic.message");
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) {
      title = t("common:error.403.title");
      message = given ?? t("common:error.403.message");
    } else if (error.status === 404) {
      title = t("common:error.404.title");
      message = given ?? t("common:error.404.message");
    } else if (error.status === 400) {
      title = t("common:error.400.title");
      message = given ?? message;
    } else if (error.status === 413) {
      title = t("common:error.413.title");
      message = given ?? t("common:error.413.message");
    } else if (error.status === 429) {
      title = t("common:error.429.title");
      message = given ?? t("common:error.429.message");
    }
  } else if (error instanceof Error) {
    console.error(error);
  }
  return (
    <>
      <Nav user={rootData?.user ?? null} showDevMailbox={rootData?.showDevMailbox ?? false} logoUrl={rootData?.logoUrl ?? null} />
      <main id="main">
        {rootData?.showDevMailbox ? <DevMailboxBanner /> : null}
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">{t("common:error.home")}</Link>
        </p>
      </main>
    </>
  );
}
