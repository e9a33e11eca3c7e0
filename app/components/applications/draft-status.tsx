import { fieldsOf, type FormDefinition } from "~/forms/form-definition";
import { invalidInputMessage, placeOfInput, shortenedInput, type InvalidInput } from "~/forms/invalid-input";
import { formatDate, formatTime } from "~/i18n";
import { useLocale, useT } from "../use-t";
import { DRAFT_FORM, idFor, labelOf } from "./field-inputs";

/** What the draft's status says: a save under way, typing not yet saved, a save that did not happen, or the stored state. */
export type DraftSaveState = "saving" | "changed" | "notSaved" | "stored";

/** The label of the field (or condition) an invalid input belongs to, for lists that link to it. */
export function useInvalidInputLabel(definition: FormDefinition): (input: InvalidInput) => string {
  const t = useT();
  const locale = useLocale();
  const fields = new Map(fieldsOf(definition).map((field) => [field.key, field]));
  return (input) => {
    const place = placeOfInput(input.name);
    if (place && "conditionIndex" in place) return t("applications.conditions.item", { number: place.conditionIndex + 1 });
    const field = place ? fields.get(place.fieldKey) : undefined;
    if (!field) return shortenedInput(input.raw);
    const label = labelOf(field, locale);
    const partner = /\[(\d+)\]\.(name|role)$/.exec(input.name);
    if (partner && field.type === "partners") {
      return `${label}, ${t("applications.partners.row", { number: Number(partner[1]) + 1 })}: ${t(`applications.partners.${partner[2] as "name" | "role"}`)}`;
    }
    const line = /\.lines\[(\d+)\]\.(description|amount)$/.exec(input.name);
    if (line) return `${label}, ${t("applications.budget.line", { number: Number(line[1]) + 1 })}: ${t(`applications.budget.${line[2] as "description" | "amount"}`)}`;
    if (input.name.endsWith(".own")) return `${label}: ${t("applications.budget.own")}`;
    return label;
  };
}

/**
 * The draft's save state where the person is: a bar that stays at the bottom of the screen while
 * the form scrolls, with the save button. Read out politely when it changes. It says when the draft
 * was stored and, when input was held as invalid, how many fields to check, linking to the first.
 */
export function DraftStatusBar(props: { state: DraftSaveState; savedAt: Date | string; now: Date | string; invalidInput: InvalidInput[] }) {
  const t = useT();
  const locale = useLocale();
  const sameDay = formatDate(locale, props.savedAt) === formatDate(locale, props.now);
  const time = formatTime(locale, props.savedAt);
  const first = props.invalidInput[0];
  return (
    <div className="draft-status">
      <p role="status" className="draft-status-text">
        {props.state === "saving" ? t("applications.autosave.saving") : null}
        {props.state === "changed" ? t("draftStatus.changed") : null}
        {props.state === "notSaved" ? t("draftStatus.notSaved") : null}
        {props.state === "stored" ? (
          <>
            {sameDay ? t("draftStatus.savedAt", { time }) : t("draftStatus.savedOn", { date: formatDate(locale, props.savedAt), time })}
            {first ? (
              <>
                {" · "}
                <a href={`#${idFor(first.name)}`} className="draft-status-problem">
                  {t("draftStatus.invalid", { count: props.invalidInput.length })}
                </a>
              </>
            ) : null}
          </>
        ) : null}
      </p>
      <button type="submit" className="kern-btn kern-btn--secondary" form={DRAFT_FORM} name="intent" value="save">
        {t("applications.save")}
      </button>
    </div>
  );
}

/**
 * At the top of the form after a save that held input: everything else is saved, and these fields
 * keep what was typed until it is corrected. Each entry links to its input.
 */
export function InvalidInputSummary({ definition, invalidInput }: { definition: FormDefinition; invalidInput: InvalidInput[] }) {
  const t = useT();
  const locale = useLocale();
  const labelFor = useInvalidInputLabel(definition);
  if (invalidInput.length === 0) return null;
  return (
    <section className="form-errors invalid-input-summary" aria-labelledby="invalid-input-heading">
      <h2 id="invalid-input-heading">{t("invalidInput.summary.heading")}</h2>
      <p>{t("invalidInput.summary.intro", { count: invalidInput.length })}</p>
      <ul>
        {invalidInput.map((input) => (
          <li key={input.name}>
            <a href={`#${idFor(input.name)}`}>{labelFor(input)}</a>: {invalidInputMessage(input, t, locale)}
          </li>
        ))}
      </ul>
    </section>
  );
}
