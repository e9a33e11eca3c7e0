import { data, redirect } from "@remix-run/node";
import { translator, type Locale, type MessageKey } from "~/i18n";
import type { FileRefusedError } from "./application-files.server";
import { FLASH_FIELD, FLASH_MESSAGE, type FileActionReply } from "~/forms/file-fields";

/**
 * The answer to a file form: the page's fetcher (it sends `respond=fetcher`) gets data with the
 * status, a client that accepts JSON gets a JSON response, and a plain form post is redirected back
 * to the field on the application page with the outcome in the query string.
 */
export function fileActionReply(input: {
  request: Request;
  respond: string | undefined;
  applicationId: string;
  fieldKey: string | null;
  success: MessageKey;
  refusal: FileRefusedError | null;
  files?: FileActionReply["files"];
  locale: Locale;
}) {
  const messageKey = input.refusal?.messageKey ?? input.success;
  const status = input.refusal?.status ?? 200;
  const reply: FileActionReply = {
    ok: !input.refusal,
    fieldKey: input.fieldKey,
    messageKey,
    message: translator(input.locale)(messageKey, input.refusal?.params),
    files: input.files ?? [],
  };
  if (input.respond === "fetcher") return data(reply, { status });
  if (input.request.headers.get("Accept")?.includes("application/json")) return Response.json(reply, { status });
  const query = new URLSearchParams({ [FLASH_MESSAGE]: messageKey });
  if (input.fieldKey) query.set(FLASH_FIELD, input.fieldKey);
  return redirect(`/applications/${encodeURIComponent(input.applicationId)}?${query}${input.fieldKey ? `#${encodeURIComponent(input.fieldKey)}` : ""}`, 303);
}
