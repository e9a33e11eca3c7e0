import { defaultLocale, isLocale, type Locale } from "~/i18n";
import { currentUser, readCookie, serializeCookie, type CurrentUser } from "../accounts/session.server";

export const LOCALE_COOKIE = "portal_lang";

/**
 * The reader's language: the switch's cookie, else the account's setting, else German. A route that
 * has looked up the person already passes them, which saves a second session lookup.
 */
export async function requestLocale(request: Request, knownUser?: Pick<CurrentUser, "locale">): Promise<Locale> {
  const chosen = readCookie(request, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  const user = knownUser ?? (await currentUser(request));
  return user?.locale ?? defaultLocale;
}

export function localeCookie(locale: Locale): string {
  return serializeCookie(LOCALE_COOKIE, locale, 60 * 60 * 24 * 365);
}
