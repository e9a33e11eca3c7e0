import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readProtectedForm } from "~/server/web/csrf.server";
import { currentUser, safeRedirectTarget } from "~/server/accounts/session.server";
import { localeCookie } from "~/server/web/locale.server";
import { rememberLocale } from "~/server/accounts/accounts.server";
import { isLocale } from "~/i18n";

export async function loader() {
  return redirect("/");
}

/** The language switch: remembered in a cookie, and on the account when someone is logged in. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const locale = formData.get("locale");
  if (!isLocale(locale)) throw new Response("Unknown language", { status: 400 });
  const user = await currentUser(request);
  if (user) await rememberLocale(user.id, locale);
  return redirect(safeRedirectTarget(formData.get("redirectTo"), "/"), { headers: { "Set-Cookie": localeCookie(locale) } });
}
