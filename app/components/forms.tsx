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

/** KERN's error line: a danger icon beside each message, all of them under one id for aria-describedby. */
export function ErrorMessages({ id, messages }: { id: string; messages: readonly string[] | null | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <div className="field-errors" id={id}>
      {messages.map((message) => (
        <p className="kern-error" key={message}>
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{message}</span>
        </p>
      ))}
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return <ErrorMessages id={id} messages={useMessages(errors)} />;
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
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <p className="kern-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...getInputProps(field, { type })}
        className={field.errors ? "kern-form-input__input kern-form-input__input--error" : "kern-form-input__input"}
        autoComplete={autoComplete}
        aria-describedby={describedBy}
        key={field.key}
      />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({ field, label, options }: { field: FieldMetadata<string | undefined>; label: string; options: { value: string; label: string }[] }) {
  const t = useT();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={field.id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select
          {...getSelectProps(field)}
          className={field.errors ? "kern-form-input__select kern-form-input__select--error" : "kern-form-input__select"}
          aria-describedby={field.errors ? field.errorId : undefined}
          key={field.key}
        >
          <option value="">{t("field.choose")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Errors that belong to the whole form (wrong password, too many attempts), announced to screen readers. */
export function FormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const messages = useMessages(errors);
  if (messages.length === 0) return null;
  return (
    <div className="kern-alert kern-alert--danger" role="alert" id={id}>
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <div className="alert-message">
          {messages.map((message) => (
            <p className="kern-body" key={message}>
              {message}
            </p>
          ))}
        </div>
      </div>
    </div>
  );
}

type NoticeTone = "success" | "info" | "warning";

/** A message after an action (saved, sent, changed), as one of KERN's alerts. */
export function Notice({ children, tone = "success" }: { children: ReactNode; tone?: NoticeTone }) {
  return (
    <div className={`kern-alert kern-alert--${tone}`} role="status">
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
        <div className="alert-message">{children}</div>
      </div>
    </div>
  );
}

/**
 * A table wider than a phone scrolls inside this frame, not the page. The frame is a labelled
 * region that takes the keyboard focus, so it can be scrolled with the arrow keys.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
