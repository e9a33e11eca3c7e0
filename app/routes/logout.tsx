import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readProtectedForm } from "~/server/web/csrf.server";
import { endSession } from "~/server/accounts/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await readProtectedForm(request);
  const cookie = await endSession(request);
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie } });
}
