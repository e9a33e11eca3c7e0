/** What a route's loader or action answered, returned or thrown: its status, data and redirect target. */
export interface RouteOutcome<Body = unknown> {
  status: number;
  body: Body;
  location: string | null;
}

/** Runs a loader or action as Remix does and reports what it answered. */
export async function routeOutcome<Body = unknown>(
  handler: (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
): Promise<RouteOutcome<Body>> {
  try {
    const result = await handler({ request, params, context: {} });
    if (result instanceof Response) return { status: result.status, body: null as Body, location: result.headers.get("Location") };
    if (result && typeof result === "object" && "type" in result && (result as { type: string }).type === "DataWithResponseInit") {
      const { data, init } = result as unknown as { data: Body; init: ResponseInit | null };
      return { status: init?.status ?? 200, body: data, location: null };
    }
    return { status: 200, body: result as Body, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null as Body, location: thrown.headers.get("Location") };
    throw thrown;
  }
}
