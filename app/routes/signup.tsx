import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { bundeslaender, signUpSchema } from "~/forms/account-schemas";
import { signUp } from "~/server/accounts/accounts.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { redirectLoggedInToStart } from "~/server/accounts/session.server";
import { requestLocale } from "~/server/web/locale.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { baseUrlOf, clientAddressOf, invalid, refused } from "~/server/web/form-replies.server";
import { CsrfField, FormErrors, SelectField, TextField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return redirectLoggedInToStart(request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success") return invalid(submission);
  const locale = await requestLocale(request);
  try {
    await signUp(submission.value, { locale, baseUrl: baseUrlOf(request), clientAddress: clientAddressOf(context) });
  } catch (error) {
    return refused(submission, error, locale);
  }
  wakeOutboxWorker();
  return data({ ...submission.reply({ resetForm: true }), signedUp: true as const });
}

export default function SignUp() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (lastResult && "signedUp" in lastResult) {
    return (
      <>
        <h1>{t("signup.done.title")}</h1>
        <p role="status">{t("signup.done.text")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("signup.title")}</h1>
      <p className="lead">{t("signup.intro")}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.name} label={t("field.name")} autoComplete="name" />
        <TextField field={fields.email} label={t("field.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("field.password")} type="password" hint={t("field.passwordHint")} autoComplete="new-password" />
        <TextField field={fields.passwordConfirm} label={t("field.passwordConfirm")} type="password" autoComplete="new-password" />
        <TextField field={fields.networkName} label={t("field.networkName")} autoComplete="organization" />
        <SelectField
          field={fields.bundesland}
          label={t("field.bundesland")}
          options={bundeslaender.map((code) => ({ value: code, label: t(`bundesland.${code}`) }))}
        />
        <TextField field={fields.region} label={t("field.region")} />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </>
  );
}
