import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { logInSchema } from "~/forms/account-schemas";
import { logIn } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { redirectLoggedInToStart, safeRedirectTarget, startPageFor, startSession } from "~/server/accounts/session.server";
import { requestLocale } from "~/server/web/locale.server";
import { baseUrlOf, clientAddressOf, formError, invalid, refused } from "~/server/web/form-replies.server";
import { CsrfField, FormErrors, Notice, TextField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return redirectLoggedInToStart(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: logInSchema });
  if (submission.status !== "success") return invalid(submission);
  const locale = await requestLocale(request);
  try {
    const result = await logIn(submission.value, { baseUrl: baseUrlOf(request), clientAddress: clientAddressOf(context) });
    if (!result.ok) {
      return formError(submission, result.reason === "unverified" ? "login.unverified" : "login.failed");
    }
    const cookie = await startSession(result.userId, request.headers.get("User-Agent"));
    return redirect(safeRedirectTarget(submission.value.redirectTo, startPageFor(result.role)), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    return refused(submission, error, locale);
  }
}

export default function LogIn() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: logInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <>
      <h1>{t("login.title")}</h1>
      {searchParams.get("loggedOut") ? <Notice>{t("logout.done")}</Notice> : null}
      {searchParams.get("confirmed") ? <Notice>{t("confirm.ok")}</Notice> : null}
      {searchParams.get("reset") ? <Notice>{t("reset.done")}</Notice> : null}
      {searchParams.get("redirectTo") ? <p>{t("login.required")}</p> : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t("field.email")} type="email" autoComplete="username" />
        <TextField field={fields.password} label={t("field.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        {t("login.noAccount")} <Link to="/signup">{t("nav.signup")}</Link>
      </p>
    </>
  );
}
