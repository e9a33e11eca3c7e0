import { FormProvider, getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { CsrfField, FormErrors, Notice } from "~/components/forms";
import { useT } from "~/components/use-t";
import type { FormOutcome } from "~/forms/form-protocol";


/** The action's answer, if it belongs to the form with this id (a page has many small forms). */
export function useFormOutcome(formId: string): FormOutcome | undefined {
  const outcome = useActionData<FormOutcome | undefined>();
  return outcome && typeof outcome === "object" && "formId" in outcome && outcome.formId === formId ? outcome : undefined;
}

/**
 * The frame of a page about one call: the way back to the call and the page's heading. A page that
 * changes the call (`needsEditable`) shows a notice instead of its content once the call can no
 * longer be changed.
 */
export function CallSetupPage(props: {
  call: { id: string; title: string; editable?: boolean };
  heading: string;
  headingId?: string;
  needsEditable?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/manager/calls/${props.call.id}`}>{props.call.title}</Link>
      </p>
      <h1 id={props.headingId}>{props.heading}</h1>
      {props.needsEditable && !props.call.editable ? <Notice tone="info">{t("callSetup.error.notEditable")}</Notice> : props.children}
    </>
  );
}

/**
 * One POST form of the setup pages: its intent, the CSRF token, its own errors, and Conform with the
 * zod schema for instant feedback. Works without JavaScript; the server checks the same schema.
 * A form that adds an item needs a `key` that changes with the number of items: once hydrated, the
 * page is not reloaded after the add, and only a new key empties the form for the next item.
 */
export function SetupForm(props: {
  id: string;
  intent: string;
  schema: z.ZodType<Record<string, unknown>, Record<string, unknown>>;
  defaultValue?: Record<string, unknown>;
  hidden?: Record<string, string>;
  children: ReactNode;
  submitLabel: string;
  labelledBy?: string;
}) {
  const outcome = useFormOutcome(props.id);
  const [form] = useForm({
    id: props.id,
    lastResult: outcome?.result,
    // Conform's type wants strings; at run time it serialises booleans and lists of the defaults too.
    defaultValue: props.defaultValue as Record<string, string> | undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: props.schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <FormProvider context={form.context}>
      <Form method="post" className="stacked setup" aria-labelledby={props.labelledBy} {...getFormProps(form)}>
        <CsrfField />
        <input type="hidden" name="intent" value={props.intent} />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormErrors id={form.errorId} errors={form.errors} />
        {props.children}
        <button type="submit" className="kern-btn kern-btn--primary">
          {props.submitLabel}
        </button>
      </Form>
    </FormProvider>
  );
}

/**
 * A form that is only a button (move, delete, publish): hidden values and the token. Its refusal is
 * shown by `ActionErrors` at the top of the page.
 */
export function ButtonForm(props: { intent: string; hidden?: Record<string, string>; label: ReactNode; accessibleLabel?: string; className?: "primary" | "secondary" | "danger" }) {
  return (
    <Form method="post" className="button-form">
      <CsrfField />
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`kern-btn kern-btn--${props.className ?? "secondary"}`} aria-label={props.accessibleLabel}>
        {props.label}
      </button>
    </Form>
  );
}

/** Refusals of the page's button forms, announced and shown at the top of the page. */
export function ActionErrors() {
  const outcome = useFormOutcome("action");
  return outcome ? <FormErrors id="action-errors" errors={outcome.result.error?.[""] ?? undefined} /> : null;
}

/** A form folded away until needed; it opens by itself when it comes back with messages. */
export function FormDisclosure({ formId, summary, children }: { formId: string; summary: string; children: ReactNode }) {
  const outcome = useFormOutcome(formId);
  return (
    <details open={outcome ? true : undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
