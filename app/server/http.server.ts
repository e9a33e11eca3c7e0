import type { MessageKey } from "~/i18n";

/** Errors a route turns into an HTTP status; domain functions throw them, routes let them through. */
export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

/**
 * A business rule or workflow refused the request. The message key explains why in the reader's
 * language; `field` names the form field it concerns, if any; `params` fill the message's
 * placeholders (a limit, an amount).
 */
export class RefusedError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly options: { field?: string; status?: number; params?: Record<string, string | number> } = {},
  ) {
    super(messageKey);
  }

  get status(): number {
    return this.options.status ?? 409;
  }
}
