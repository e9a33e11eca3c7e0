import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { isMessageKey } from "~/i18n";
import { useT } from "./use-t";
import { CSRF_FIELD } from "~/forms/form-protocol";


export function CsrfField() {
  const token = useRouteLoaderData<{ csrf: string }>("root")?.csrf ?? "";
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** Field messages are catalogue keys (or already translated text); shown in the reader's language. */
function useMessages(errors: string[] | undefined): string[] {
  const t = useT();
  return (errors ?? []).map((error) => (isMessageKey(error) ? t(error) : error));
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const messages = useMessages(errors);
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
}

export function TextField({ field, label, hint, type = "text", autoComplete }: FieldProps) {
  const hintId = `${field.id}-hint`;
  const describedBy = [hint ? hintId : null, field.errors ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input {...getInputProps(field, { type })} autoComplete={autoComplete} aria-describedby={describedBy} key={field.key} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ field, label, options }: { field: FieldMetadata<string | undefined>; label: string; options: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...getSelectProps(field)} aria-describedby={field.errors ? field.errorId : undefined} key={field.key}>
        <option value="">{t("field.choose")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Errors that belong to the whole form (wrong password, too many attempts), announced to screen readers. */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const messages = useMessages(errors);
  if (messages.length === 0) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}
