import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { confirmEmail } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { CsrfField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirm.title");

// Confirming takes a click, not just opening the link: mail scanners that prefetch links must not use it up.
export async function action({ request, params }: ActionFunctionArgs) {
  await readProtectedForm(request);
  if (await confirmEmail(params.token ?? "")) return redirect("/login?confirmed=1");
  return { invalid: true };
}

export default function ConfirmEmail() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      {result?.invalid ? (
        <>
          <p role="alert">{t("confirm.invalid")}</p>
          <p>
            <Link to="/confirm-email">{t("confirm.resend")}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <CsrfField />
          <button type="submit" className="kern-btn kern-btn--primary">
            {t("email.confirm.button")}
          </button>
        </Form>
      )}
    </>
  );
}
