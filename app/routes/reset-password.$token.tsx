import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { resetPasswordSchema } from "~/forms/account-schemas";
import { passwordResetTokenIsValid, resetPassword } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { formError, invalid } from "~/server/web/form-replies.server";
import { CsrfField, FormErrors, TextField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: await passwordResetTokenIsValid(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: resetPasswordSchema });
  if (submission.status !== "success") return invalid(submission);
  if (!(await resetPassword(params.token ?? "", submission.value.password))) return formError(submission, "reset.invalid", 410);
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }), shouldValidate: "onBlur" });
  if (!valid) {
    return (
      <>
        <h1>{t("reset.title")}</h1>
        <p role="alert">{t("reset.invalid")}</p>
        <p>
          <Link to="/forgot-password">{t("reset.request.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.password} label={t("field.passwordNew")} type="password" hint={t("field.passwordHint")} autoComplete="new-password" />
        <TextField field={fields.passwordConfirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("reset.submit")}
        </button>
      </Form>
    </>
  );
}
