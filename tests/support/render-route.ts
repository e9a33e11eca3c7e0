import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { Outlet, type RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import type { Locale } from "../../app/i18n";

/**
 * A route's page as the server renders it, from the data its loader returned, below a root route
 * that carries the page's language. Text only: React's empty text-boundary comments are taken out.
 */
export async function renderRoutePage(page: ComponentType, data: unknown, locale: Locale = "de"): Promise<string> {
  const routes: RouteObject[] = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale, csrf: "token" }),
      element: createElement(Outlet),
      children: [{ id: "routes/page", index: true, loader: () => data as object, element: createElement(page) }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("http://portal.test/"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context })).replaceAll("<!-- -->", "");
}
