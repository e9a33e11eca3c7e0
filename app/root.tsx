import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useEffect, useRef } from "react";
import {
  Form,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import kernStylesheet from "@kern-ux/native/dist/kern.min.css?url";
import stylesheet from "./styles.css?url";
import { currentUser } from "./server/accounts/session.server";
import { csrfToken } from "./server/web/csrf.server";
import { CSRF_REFUSAL } from "./forms/form-protocol";
import { requestLocale } from "./server/web/locale.server";
import { developmentMailboxEnabled } from "./server/config.server";
import { legalPages, navigationFor } from "./components/navigation";
import { CsrfField } from "./components/forms";
import { useNonce } from "./components/nonce";
import { useT } from "./components/use-t";
import { defaultLocale, type Locale } from "./i18n";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: kernStylesheet },
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale] = await Promise.all([currentUser(request), requestLocale(request)]);
  const csrf = csrfToken(request);
  return data(
    {
      locale,
      csrf: csrf.token,
      user: user ? { name: user.name, role: user.role } : null,
      mailbox: developmentMailboxEnabled(),
    },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<RootLoaderData>("root");
  const nonce = useNonce();
  const locale: Locale = root?.locale ?? defaultLocale;
  // A page that marks itself `handle.withoutScripts` is plain server HTML: no scripts, and so no copy
  // of its loader data for hydration (the ranking's 1,000 rows would otherwise travel twice).
  const withoutScripts = useMatches().some((match) => (match.handle as { withoutScripts?: boolean } | undefined)?.withoutScripts === true);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {withoutScripts ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const t = useT();
  const root = useRouteLoaderData<RootLoaderData>("root");
  const location = useLocation();
  const other: Locale = root?.locale === "en" ? "de" : "en";
  return (
    <Form method="post" action="/language" className="language-switch">
      <CsrfField />
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={other} aria-label={`${t("language.switch")}: ${t(`language.${other}`)}`}>
        {t(`language.${other}`)}
      </button>
    </Form>
  );
}

function Header() {
  const t = useT();
  const root = useRouteLoaderData<RootLoaderData>("root");
  const user = root?.user;
  const items = navigationFor(user?.role ?? null, root?.mailbox ?? false);
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // With JavaScript, following a link keeps the header mounted: close the menu so the new page shows.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname, location.search]);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <div className="site-header__bar page-width">
        <a href="/" className="brand">
          {t("app.name")}
        </a>
        {/* A disclosure, so the menu opens on a phone without JavaScript; wide screens show it open. */}
        <details className="site-menu" ref={menu}>
          <summary className="kern-btn kern-btn--tertiary">
            <span className="kern-icon kern-icon--dehaze menu-icon-open" aria-hidden="true" />
            <span className="kern-icon kern-icon--close menu-icon-close" aria-hidden="true" />
            <span className="kern-label">{t("nav.menu")}</span>
          </summary>
          <div className="site-menu__panel">
            <nav aria-label={t("nav.main")}>
              <ul className="nav-list">
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header-tools">
              <LanguageSwitch />
              {user ? (
                <Form method="post" action="/logout">
                  <CsrfField />
                  <span className="who">
                    <span className="who__name">{user.name}</span>
                    <span aria-hidden="true"> · </span>
                    <span className="who__role">{t(`role.${user.role}`)}</span>
                  </span>
                  <button type="submit" className="link-button">
                    {t("nav.logout")}
                  </button>
                </Form>
              ) : (
                <ul className="nav-list">
                  <li>
                    <a href="/login">{t("nav.login")}</a>
                  </li>
                  <li>
                    <a href="/signup">{t("nav.signup")}</a>
                  </li>
                </ul>
              )}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="site-footer">
      <nav className="page-width" aria-label={t("footer.label")}>
        <ul>
          {legalPages.map((page) => (
            <li key={page.to}>
              <a href={page.to}>{t(page.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </footer>
  );
}

export default function App() {
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="page-width">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 403
      ? [t("error.forbidden.title"), isRouteErrorResponse(error) && error.data === CSRF_REFUSAL ? t("error.csrf") : t("error.forbidden.text")]
      : status === 404
        ? [t("error.notFound.title"), t("error.notFound.text")]
        : status === 400 || status === 415
          ? [t("error.badRequest.title"), t("error.badRequest.text")]
          : status === 503
            ? [t("lifecycle.busy.title"), t("lifecycle.busy.text")]
            : [t("error.generic.title"), t("error.generic.text")];
  return (
    <>
      <Header />
      <main id="main" tabIndex={-1} className="page-width">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href="/">{t("nav.start")}</a>
        </p>
      </main>
      <Footer />
    </>
  );
}
