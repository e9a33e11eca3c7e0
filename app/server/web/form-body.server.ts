import { limitBody } from "./body-limit.server";

/** The two encodings an HTML form posts in; anything else was not sent by one of our pages. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;
export type FormEncoding = (typeof FORM_TYPES)[number];

/** 415: the body is something other than a form (JSON, plain text, a file without a form around it). */
export function notAForm(): Response {
  return new Response("Unsupported Media Type: this address takes HTML forms only", { status: 415 });
}

/** 400: the body is missing, or announced as a form but cannot be read as one. */
export function unreadableForm(): Response {
  return new Response("Bad Request: the form could not be read", { status: 400 });
}

function encodingOf(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Refuses a request whose body is not one of the `accepted` form encodings: no body at all is 400,
 * a body of another type 415. Called before any of the body is read.
 */
export function requireFormBody(request: Request, accepted: readonly FormEncoding[] = FORM_TYPES): void {
  if (!request.body) throw unreadableForm();
  if (!(accepted as readonly string[]).includes(encodingOf(request))) throw notAForm();
}

/**
 * The posted form, read within the body limit (413 beyond it). Every action reads its form through
 * here, so a body that is no form answers 400 or 415 instead of failing inside the parser with a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  requireFormBody(request);
  const limited = await limitBody(request);
  try {
    return await limited.formData();
  } catch {
    throw unreadableForm();
  }
}
