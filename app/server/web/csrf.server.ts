import { newToken, sameSecret } from "../crypto.server";
import { readCookie, serializeCookie } from "../accounts/session.server";
import { secureCookies } from "../config.server";
import { readFormData } from "./form-body.server";
import { CSRF_FIELD, CSRF_REFUSAL } from "~/forms/form-protocol";


function csrfCookieName(): string {
  return secureCookies() ? "__Host-portal_csrf" : "portal_csrf";
}

/**
 * The token every form carries (double-submit: the same value sits in an HttpOnly cookie that another
 * site can neither read nor set). Returns the Set-Cookie header when the visitor had none yet.
 */
export function csrfToken(request: Request): { token: string; setCookie?: string } {
  const existing = readCookie(request, csrfCookieName());
  if (existing && existing.length >= 32) return { token: existing };
  const token = newToken();
  return { token, setCookie: serializeCookie(csrfCookieName(), token, 60 * 60 * 24 * 365) };
}

/**
 * Reads a form posted by one of our pages; anything else is refused with 403 before it is looked at,
 * a body larger than any of our forms (`MAX_FORM_BYTES`) with 413 before it is parsed, and a body
 * that is no form at all with 400 or 415.
 */
export async function readProtectedForm(request: Request): Promise<FormData> {
  const formData = await readFormData(request);
  verifyCsrfToken(request, formData.get(CSRF_FIELD));
  return formData;
}

/** Refuses (403) a token that is not the one in the visitor's cookie; for bodies read as a stream (uploads). */
export function verifyCsrfToken(request: Request, sent: unknown): void {
  const expected = readCookie(request, csrfCookieName());
  if (typeof sent !== "string" || !expected || !sameSecret(sent, expected)) {
    throw new Response(CSRF_REFUSAL, { status: 403 });
  }
}
