import { Form, useActionData } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { emailOnlySchema } from "~/forms/account-schemas";
import type { MessageKey } from "~/i18n";
import { CsrfField, FormErrors, Notice, TextField } from "./forms";
import { useT } from "./use-t";

/**
 * A page that asks only for an address and then says a mail is on its way, whether or not an account
 * belongs to it (password reset, new confirmation link).
 */
export function EmailRequestPage(props: { title: MessageKey; intro?: MessageKey; sent: MessageKey; submit: MessageKey }) {
  const t = useT();
  const lastResult = useActionData<SubmissionResult<string[]> & { sent?: true }>();
  const [form, fields] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: emailOnlySchema }), shouldValidate: "onBlur" });
  return (
    <>
      <h1>{t(props.title)}</h1>
      {props.intro ? <p className="lead">{t(props.intro)}</p> : null}
      {lastResult?.sent ? <Notice>{t(props.sent)}</Notice> : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <CsrfField />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.email} label={t("field.email")} type="email" autoComplete="email" />
        <button type="submit" className="kern-btn kern-btn--primary">
          {t(props.submit)}
        </button>
      </Form>
    </>
  );
}
