import { useState, type ReactNode } from "react";
import type { FormField } from "~/forms/form-definition";
import { anchorOf, inputName, type RawFieldValue } from "~/forms/application-schemas";
import { numberRuleOf, numberRuleText } from "~/forms/invalid-input";
import type { Locale } from "~/i18n";
import { ErrorMessages } from "../forms";
import { useLocale, useT } from "../use-t";

/** Inputs sit beside (not inside) the draft form, so file uploads can bring forms of their own. */
export const DRAFT_FORM = "draft-form";

/** Field messages by input name, already in the reader's language (as a Conform reply carries them). */
export type InputErrors = Record<string, string[] | null | undefined>;

export function idFor(name: string): string {
  return `in-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
}

export function labelOf(item: { labelDe: string; labelEn: string }, locale: Locale): string {
  return locale === "de" ? item.labelDe : item.labelEn;
}

export function helpOf(field: { helpDe?: string; helpEn?: string }, locale: Locale): string | undefined {
  return (locale === "de" ? field.helpDe : field.helpEn) || undefined;
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function ErrorList({ id, messages }: { id: string; messages: string[] | null | undefined }) {
  return <ErrorMessages id={id} messages={messages} />;
}

export function RequiredMark({ required }: { required: boolean }) {
  const t = useT();
  if (!required) return null;
  return (
    <span className="required-mark" title={t("applications.field.required")}>
      {" "}
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{t("applications.field.required")}</span>
    </span>
  );
}

/** The remaining characters of a long text: counted on the server, kept current as the person types. */
function LongTextInput(props: { id: string; name: string; maxLength: number; defaultValue: string; describedBy?: string; invalid: boolean; required: boolean }) {
  const t = useT();
  const [length, setLength] = useState(props.defaultValue.length);
  const counterId = `${props.id}-counter`;
  return (
    <>
      <textarea
        id={props.id}
        name={props.name}
        form={DRAFT_FORM}
        rows={8}
        maxLength={props.maxLength}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy(props.describedBy, counterId)}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        onInput={(event) => setLength(event.currentTarget.value.length)}
      />
      <p className="kern-hint counter" id={counterId}>
        {t("applications.field.remaining", { count: Math.max(0, props.maxLength - length), max: props.maxLength })}
      </p>
    </>
  );
}

type SimpleField = Exclude<FormField, { type: "file" | "partners" | "budget" }>;

function choices(field: SimpleField, locale: Locale, t: ReturnType<typeof useT>): { value: string; label: string }[] | null {
  if (field.type === "singleChoice" || field.type === "multipleChoice") return field.options.map((option) => ({ value: option.value, label: labelOf(option, locale) }));
  if (field.type === "yesNo") return [{ value: "yes", label: t("applications.yes") }, { value: "no", label: t("applications.no") }];
  return null;
}

/**
 * One field of the form, editable: text, long text with its counter, number, amount in euros,
 * date, single and multiple choice and yes/no (as radio and check boxes in a fieldset).
 */
export function FieldInput({ field, value, errors }: { field: SimpleField; value: RawFieldValue; errors: InputErrors }) {
  const t = useT();
  const locale = useLocale();
  const name = inputName.field(field.key);
  const id = idFor(name);
  const help = helpOf(field, locale);
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const messages = errors[name];
  const invalid = !!messages && messages.length > 0;
  // A number's rule is said before anything is typed; once its message stands, that says it instead.
  const rule = field.type === "number" && !invalid ? numberRuleText(numberRuleOf(field), t, locale) : undefined;
  const ruleId = `${id}-rule`;
  const described = describedBy(help && hintId, rule && ruleId, invalid && errorId);
  const options = choices(field, locale, t);
  const hint =
    help || rule ? (
      <>
        {help ? (
          <p className="kern-hint" id={hintId}>
            {help}
          </p>
        ) : null}
        {rule ? (
          <p className="kern-hint" id={ruleId}>
            {rule}
          </p>
        ) : null}
      </>
    ) : null;

  if (options) {
    const multiple = field.type === "multipleChoice";
    const selected = Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
    return (
      <fieldset className="field choice-group" id={anchorOf.field(field.key)} aria-describedby={described} role={multiple ? undefined : "radiogroup"} aria-required={!multiple && field.required ? true : undefined}>
        <legend>
          {labelOf(field, locale)}
          <RequiredMark required={field.required} />
        </legend>
        {hint}
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type={multiple ? "checkbox" : "radio"}
                id={optionId}
                name={name}
                value={option.value}
                form={DRAFT_FORM}
                defaultChecked={selected.includes(option.value)}
                aria-invalid={invalid || undefined}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
        <ErrorList id={errorId} messages={messages} />
      </fieldset>
    );
  }

  const text = typeof value === "string" ? value : "";
  let input: ReactNode;
  if (field.type === "longText") {
    input = <LongTextInput id={id} name={name} maxLength={field.maxLength} defaultValue={text} describedBy={described} invalid={invalid} required={field.required} />;
  } else {
    // Numbers are text inputs: a number input would drop "zwölf" before the server could keep it
    // and block the save without JavaScript. A count's keyboard on phones offers digits only.
    let typed: { type: string; inputMode?: "decimal" | "numeric"; autoComplete?: string; maxLength?: number } = { type: "text", inputMode: "decimal", autoComplete: "off" };
    if (field.type === "number" && field.integer && field.min !== undefined && field.min >= 0) typed = { ...typed, inputMode: "numeric" };
    if (field.type === "date") typed = { type: "date" };
    if (field.type === "shortText") typed = { type: "text", maxLength: field.maxLength };
    input = (
      <span className={field.type === "amount" ? "amount-input" : undefined}>
        <input
          {...typed}
          id={id}
          name={name}
          form={DRAFT_FORM}
          defaultValue={text}
          aria-describedby={described}
          aria-invalid={invalid || undefined}
          aria-required={field.required || undefined}
        />
        {field.type === "amount" ? <span aria-hidden="true"> €</span> : null}
      </span>
    );
  }
  return (
    <div className="field" id={anchorOf.field(field.key)}>
      <label htmlFor={id}>
        {labelOf(field, locale)}
        {field.type === "amount" ? ` (${t("applications.field.euros")})` : ""}
        <RequiredMark required={field.required} />
      </label>
      {hint}
      {input}
      <ErrorList id={errorId} messages={messages} />
    </div>
  );
}
