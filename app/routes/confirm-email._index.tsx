import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { emailOnlySchema } from "~/forms/account-schemas";
import { resendConfirmation } from "~/server/accounts.server";
import { readProtectedForm } from "~/server/csrf.server";
import { requestLocale } from "~/server/locale.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { baseUrlOf, clientAddressOf, invalid, refused } from "~/server/form-replies.server";
import { CsrfField, FormErrors, Notice, TextField } from "~/components/forms";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirm.resend");

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readProtectedForm(request);
  const submission = parseWithZod(formData, { schema: emailOnlySchema });
  if (submission.status !== "success") return invalid(submission);
  try {
    await resendConfirmation(submission.value.email, { baseUrl: baseUrlOf(request), clientAddress: clientAddressOf(context) });
  } catch (error) {
    return refused(submission, error, await requestLocale(request));
  }
  wakeOutboxWorker();
  return data({ ...submission.reply(), sent: true as const });
}

export default function ResendConfirmation() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: emailOnlySchema }), shouldValidate: "onBlur" });
  return (
    <>
      <h1>{t("confirm.resend")}</h1>
      {lastResult && "sent" in lastResult ? <Notice>{t("confirm.resent")}</Notice> : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t("field.email")} type="email" autoComplete="email" />
        <button type="submit" className="primary">
          {t("reset.request.submit")}
        </button>
      </Form>
    </>
  );
}
