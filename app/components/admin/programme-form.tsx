import { Form } from "@remix-run/react";
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { programmeSchema } from "~/forms/admin-schemas";
import type { MessageKey } from "~/i18n";
import { CsrfField, FieldErrors, FormErrors, TextField } from "../forms";
import { useT } from "../use-t";

/** Name, funder and description of a programme: the same form creates one and edits one. */
export function ProgrammeForm({
  lastResult,
  defaultValue,
  submit,
  intent,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: { name: string; funder: string; description: string };
  submit: MessageKey;
  intent?: string;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id: "programme",
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: programmeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const description = fields.description;
  return (
    <Form method="post" className="stacked" {...getFormProps(form)}>
      <CsrfField />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField field={fields.name} label={t("admin.programme.name")} />
      <TextField field={fields.funder} label={t("admin.programme.funder")} hint={t("admin.programme.funderHint")} />
      <div className="field">
        <label htmlFor={description.id}>
          {t("admin.programme.description")} {t("field.optional")}
        </label>
        <textarea {...getTextareaProps(description)} rows={5} key={description.key} aria-describedby={description.errors ? description.errorId : undefined} />
        <FieldErrors id={description.errorId} errors={description.errors} />
      </div>
      <button type="submit" className="kern-btn kern-btn--primary">
        {t(submit)}
      </button>
    </Form>
  );
}
