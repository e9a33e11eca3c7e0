import { getCollectionProps, getInputProps, getTextareaProps, useField, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FieldErrors } from "~/components/forms";

/**
 * Inputs of the manager's setup forms, bound by name to the Conform form around them
 * (`FormProvider`), each with its label, optional hint and its messages linked by aria-describedby.
 */

function describedBy(field: FieldMetadata<unknown>, hint: ReactNode | undefined): string | undefined {
  return [hint ? `${field.id}-hint` : null, field.errors ? field.errorId : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, children }: { id: string; children: ReactNode | undefined }) {
  return children ? (
    <p className="kern-hint" id={id}>
      {children}
    </p>
  ) : null;
}

export function InputField(props: {
  name: string;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "date" | "time" | "number";
  inputMode?: "decimal" | "numeric";
  step?: string;
  autoComplete?: string;
}) {
  const [field] = useField<unknown>(props.name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{props.label}</label>
      <Hint id={`${field.id}-hint`}>{props.hint}</Hint>
      <input
        {...getInputProps(field, { type: props.type ?? "text" })}
        inputMode={props.inputMode}
        step={props.step}
        autoComplete={props.autoComplete ?? "off"}
        aria-describedby={describedBy(field, props.hint)}
        key={field.key}
      />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField(props: { name: string; label: string; hint?: ReactNode; rows?: number }) {
  const [field] = useField<unknown>(props.name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{props.label}</label>
      <Hint id={`${field.id}-hint`}>{props.hint}</Hint>
      <textarea {...getTextareaProps(field)} rows={props.rows ?? 4} aria-describedby={describedBy(field, props.hint)} key={field.key} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; hint?: ReactNode }) {
  const [field] = useField<unknown>(props.name);
  return (
    <div className="field checkbox">
      <div>
        <input {...getInputProps(field, { type: "checkbox" })} aria-describedby={describedBy(field, props.hint)} key={field.key} />{" "}
        <label htmlFor={field.id}>{props.label}</label>
      </div>
      <Hint id={`${field.id}-hint`}>{props.hint}</Hint>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Radio buttons (one answer) or checkboxes (several) under a legend. */
export function ChoiceGroup(props: { name: string; legend: string; type: "radio" | "checkbox"; options: { value: string; label: string }[]; hint?: ReactNode }) {
  const [field] = useField<unknown>(props.name);
  const inputs = getCollectionProps(field, { type: props.type, options: props.options.map((option) => option.value) });
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy(field, props.hint)}>
      <legend>{props.legend}</legend>
      <Hint id={`${field.id}-hint`}>{props.hint}</Hint>
      {inputs.map((input, index) => (
        <div key={input.key ?? input.value}>
          <input {...input} aria-describedby={undefined} key={input.key} /> <label htmlFor={input.id}>{props.options[index]!.label}</label>
        </div>
      ))}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}

export function SelectInput(props: { name: string; label: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const [field] = useField<unknown>(props.name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{props.label}</label>
      <select
        id={field.id}
        name={field.name}
        form={field.formId}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
        aria-invalid={field.errors ? true : undefined}
        aria-describedby={field.errors ? field.errorId : undefined}
        key={field.key}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A Berlin wall-clock moment as two inputs, a day and a time, grouped under one legend. */
export function BerlinMomentFields(props: { dateName: string; timeName: string; legend: string; dateLabel: string; timeLabel: string }) {
  return (
    <fieldset className="moment">
      <legend>{props.legend}</legend>
      <InputField name={props.dateName} label={props.dateLabel} type="date" />
      <InputField name={props.timeName} label={props.timeLabel} type="time" />
    </fieldset>
  );
}
