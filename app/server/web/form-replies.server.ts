import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { emailOnlySchema } from "~/forms/account-schemas";
import { readProtectedForm } from "./csrf.server";
import { requestLocale } from "./locale.server";
import { wakeOutboxWorker } from "../mail/outbox-worker.server";
import { RateLimitedError } from "../accounts/accounts.server";
import { RefusedError } from "../http.server";
import { clientAddressOf } from "./client-address.server";
import { translator, type Locale } from "~/i18n";

/**
 * Passwords never travel back into a page (it could be cached or shared); every other value does.
 */
export const SECRET_FIELDS = ["password", "passwordConfirm", "currentPassword"];

/** An invalid form comes back with its values and field messages (HTTP 400). */
export function invalid<T>(submission: Submission<T>) {
  return data(submission.reply({ hideFields: SECRET_FIELDS }), { status: 400 });
}

/**
 * Turns a refusal by the domain into the form's reply: a field message where the refusal names a
 * field, a message for the whole form otherwise. Anything else is a real error and is rethrown.
 */
export function refused<T>(submission: Submission<T>, error: unknown, locale: Locale) {
  if (error instanceof RateLimitedError) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return data(submission.reply({ formErrors: [translator(locale)("error.rateLimited", { minutes })], hideFields: SECRET_FIELDS }), {
      status: 429,
      headers: { "Retry-After": String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof RefusedError) {
    // A message with placeholders travels translated; a plain key is translated by the page.
    const message = error.options.params ? translator(locale)(error.messageKey, error.options.params) : error.messageKey;
    const reply = error.options.field
      ? submission.reply({ fieldErrors: { [error.options.field]: [message] }, hideFields: SECRET_FIELDS })
      : submission.reply({ formErrors: [message], hideFields: SECRET_FIELDS });
    return data(reply, { status: error.status === 409 ? 400 : error.status });
  }
  throw error;
}

/** The form's own message for the whole form (wrong password and the like), with a status. */
export function formError<T>(submission: Submission<T>, messageKey: string, status = 400) {
  return data(submission.reply({ formErrors: [messageKey], hideFields: SECRET_FIELDS }), { status });
}

export function baseUrlOf(request: Request): string {
  return process.env.PUBLIC_URL ?? new URL(request.url).origin;
}

export { clientAddressOf };

/**
 * The action of an EmailRequestPage: validates the address, lets `send` queue the mail (or nothing,
 * silently) and answers "sent" either way.
 */
export async function emailRequestAction(
  request: Request,
  context: { clientAddress?: unknown },
  send: (email: string, context: { baseUrl: string; clientAddress: string }) => Promise<void>,
) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: emailOnlySchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await send(submission.value.email, { baseUrl: baseUrlOf(request), clientAddress: clientAddressOf(context) });
  } catch (error) {
    return refused(submission, error, await requestLocale(request));
  }
  wakeOutboxWorker();
  return data({ ...submission.reply(), sent: true as const });
}
