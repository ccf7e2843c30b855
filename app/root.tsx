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
import { getUser, readToast } from "~/domain/auth/session.server";
import { can } from "~/domain/auth/permissions";
import { ROLE_LABELS, type Actor } from "~/domain/auth/roles";
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
  const [user, { toast, setCookie }] = await Promise.all([getUser(request, context), readToast(request)]);
  const showDevMailbox = devMailboxEnabled();
  const logoUrl = env().ORG_LOGO_URL ?? null;
  return data({ user, toast, showDevMailbox, logoUrl }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

export const meta: MetaFunction = () => [{ title: "Convene" }];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
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
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link to="/" className="brand">
        {logoUrl ? <img src={logoUrl} alt="" /> : <span className="brand-mark" aria-hidden="true">C</span>}
        Convene
      </Link>
      <nav aria-label="Main" className="site-nav">
        <ul>
          <li>
            <NavLink to="/meetings">Meetings</NavLink>
          </li>
          <li>
            <NavLink to="/series">Series</NavLink>
          </li>
          {user ? (
            <li>
              <NavLink to="/me">My registrations</NavLink>
            </li>
          ) : null}
          {can(user, "meetings:view-admin") ? (
            <li>
              <NavLink to="/admin" end>Organise</NavLink>
            </li>
          ) : null}
          {can(user, "mail:log") ? (
            <li>
              <NavLink to="/admin/mail">Mail log</NavLink>
            </li>
          ) : null}
          {can(user, "recommendations:view") ? (
            <li>
              <NavLink to="/recommendations">Recommendations</NavLink>
            </li>
          ) : null}
          {showDevMailbox ? (
            <li>
              <NavLink to="/dev/mailbox">Mailbox (development)</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="account">
        {user ? (
          <>
            <span className="account-name">
              {user.name} <span className="muted account-role">({ROLE_LABELS[user.role]})</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button">
                Sign out
              </button>
            </Form>
          </>
        ) : (
          <Link to="/login">Sign in</Link>
        )}
      </div>
    </header>
  );
}

/** DEV_MAILBOX=on: a demo whose mail, sign-in links included, anyone can read. Say so on every page. */
function DevMailboxBanner() {
  return (
    <p className="notice notice-warning">
      <strong>Demo:</strong> no email leaves this server; all mail, sign-in links included, is visible to everyone at{" "}
      <Link to="/dev/mailbox">/dev/mailbox</Link>.
    </p>
  );
}

export default function App() {
  const { user, toast, showDevMailbox, logoUrl } = useLoaderData<typeof loader>();
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
        <Outlet />
      </main>
    </>
  );
}

/** The one shared boundary: friendly pages for 403, 404 and unexpected errors. */
export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  let title = "Something went wrong";
  let message = "An unexpected error occurred. Please try again; if it persists, contact the organisers.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) {
      title = "Access denied";
      message = typeof error.data === "string" && error.data ? error.data : "You do not have access to this page.";
    } else if (error.status === 404) {
      title = "Page not found";
      message = typeof error.data === "string" && error.data ? error.data : "We could not find that page.";
    } else if (error.status === 400) {
      title = "Bad request";
      message = typeof error.data === "string" && error.data ? error.data : message;
    } else if (error.status === 429) {
      title = "Please slow down";
      message = typeof error.data === "string" && error.data ? error.data : "Too many requests in a short time. Please wait a few minutes and try again.";
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
          <Link to="/">Go to the start page</Link>
        </p>
      </main>
    </>
  );
}
