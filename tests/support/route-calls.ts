import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export type RouteFunction = (args: ActionFunctionArgs | LoaderFunctionArgs) => unknown;

export interface RouteAnswer {
  status: number;
  headers: Headers;
  /** What the route returned as data (`data()` or a plain object); null for a Response. */
  data: unknown;
  /** The body of a Response, thrown or returned, as text. */
  text: string | null;
}

/**
 * What a route's loader or action answered, thrown or returned, as the server would send it:
 * a Response as such, `data(value, init)` with its status and headers, a plain object as 200.
 * Anything else thrown (a TypeError from a parser, say) is a 500 and fails the test by rethrowing.
 */
export async function answerOf(
  route: RouteFunction,
  request: Request,
  options: { params?: Record<string, string>; clientAddress?: string } = {},
): Promise<RouteAnswer> {
  let result: unknown;
  try {
    result = await route({ request, params: options.params ?? {}, context: { clientAddress: options.clientAddress ?? "192.0.2.1" } });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, headers: result.headers, data: null, text: await result.text() };
  const wrapped = result as { type?: string; data?: unknown; init?: ResponseInit | null } | null;
  if (wrapped && wrapped.type === "DataWithResponseInit") {
    return { status: wrapped.init?.status ?? 200, headers: new Headers(wrapped.init?.headers), data: wrapped.data, text: null };
  }
  return { status: 200, headers: new Headers(), data: result, text: null };
}
