import type { ActionFunction, LoaderFunction, ServerBuild } from "@remix-run/node";
import { databaseUnavailable } from "../db.server";

/**
 * The answer while the database server is away: 503, which the root error page explains as
 * "busy, nothing was saved, try again". The portal needs no restart: the pool connects anew on the
 * next request once the server is back.
 */
export const DATABASE_BUSY_STATUS = 503;

function answeringBusy(handler: LoaderFunction | ActionFunction): LoaderFunction & ActionFunction {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!databaseUnavailable(error)) throw error;
      console.error("Database unavailable, answered 503:", error instanceof Error ? error.message.split("\n").at(-1) : error);
      // A thrown Response reaches the error page with its status (an Error would reach it as a bare 500).
      throw new Response(null, { status: DATABASE_BUSY_STATUS, statusText: "Service Unavailable", headers: { "Retry-After": "5" } });
    }
  };
}

/**
 * The build with every loader and action answering 503 when the database is away. One wrapper
 * around the build rather than a check in each route: a route added later is covered too.
 */
export function answeringBusyWhileDatabaseIsAway(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      const module = { ...route.module, ...(loader ? { loader: answeringBusy(loader) } : {}), ...(action ? { action: answeringBusy(action) } : {}) };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}
