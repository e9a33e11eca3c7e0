import { answerOf, type RouteFunction } from "./route-calls";

/** What a route's loader or action answered (see `answerOf`), with its data typed and its redirect target. */
export interface RouteOutcome<Body = unknown> {
  status: number;
  body: Body;
  location: string | null;
}

export async function routeOutcome<Body = unknown>(handler: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<RouteOutcome<Body>> {
  const answer = await answerOf(handler, request, { params });
  return { status: answer.status, body: answer.data as Body, location: answer.headers.get("Location") };
}
