import { useEffect, useRef, useState, type FormEvent } from "react";
import { Form, useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { checkAnswers, type Answers } from "~/forms/answers";
import type { FormDefinition } from "~/forms/form-definition";
import { invalidInputErrors, type InvalidInput } from "~/forms/invalid-input";
import {
  FIELDS_SHOWN,
  anchorOf,
  inputName,
  valuesFromAnswers,
  valuesFromPayload,
  type AnswerDifference,
  type ApplicationChecklistItem,
  type ApplicationCondition,
  type RawBudget,
  type RawPartner,
} from "~/forms/application-schemas";
import { CsrfField } from "../forms";
import { FileField } from "../files/file-field";
import { StatusBadge } from "../application-state";
import { useLocale, useT } from "../use-t";
import type { FileSummary } from "./answer-view";
import { BudgetInput } from "./budget-input";
import { Checklist } from "./checklist";
import { Differences } from "./differences";
import { DraftStatusBar, InvalidInputSummary, type DraftSaveState } from "./draft-status";
import { DRAFT_FORM, ErrorList, FieldInput, RequiredMark, idFor, type InputErrors } from "./field-inputs";
import { PartnersInput } from "./partners-input";

/**
 * What a save answers; `at` (server time) tells the newest of the page's and the autosave's answers,
 * `basedOn` the revision the refused save started from.
 */
export type EditorOutcome =
  | { at: number; kind: "saved"; revision: number }
  | { at: number; kind: "invalid"; basedOn: number; result: SubmissionResult<string[]> }
  | {
      at: number;
      kind: "conflict";
      result: SubmissionResult<string[]>;
      differences: AnswerDifference[];
      theirRevision: number;
      yourRevision: number;
      /** What the refused save would have held as invalid: it stays marked on the inputs. */
      invalidInput: InvalidInput[];
    }
  | { at: number; kind: "refused"; basedOn: number; message: string };

export const AUTOSAVE_DELAY_MS = 1500;

export interface EditorPage {
  applicationId: string;
  definition: FormDefinition;
  answers: Answers;
  conditions: ApplicationCondition[];
  /** Input the stored draft holds as typed because it fails its rule. */
  invalidInput: InvalidInput[];
  checklist: ApplicationChecklistItem[];
  files: FileSummary[];
  revision: number;
  /** When the draft was last stored, and the server's time of the page, for "Gespeichert um 14:03". */
  savedAt: Date | string;
  now: Date | string;
}

/** An answer still describes the page until a later save moved the stored revision past it. */
function stillCurrent(outcome: EditorOutcome, revision: number): boolean {
  switch (outcome.kind) {
    case "saved":
      return outcome.revision >= revision;
    case "conflict":
      return revision <= outcome.theirRevision;
    default:
      return outcome.basedOn >= revision;
  }
}

function newest(revision: number, ...outcomes: (EditorOutcome | undefined)[]): EditorOutcome | undefined {
  return outcomes
    .filter((outcome): outcome is EditorOutcome => !!outcome && stillCurrent(outcome, revision))
    .sort((a, b) => b.at - a.at)[0];
}

function EligibilityQuestions({ page, values, errors }: { page: EditorPage; values: Record<string, string>; errors: InputErrors }) {
  const t = useT();
  const locale = useLocale();
  const check = checkAnswers(page.definition, page.answers);
  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t("applications.eligibility.title")}</h2>
      <p>{t("applications.eligibility.intro")}</p>
      {page.definition.eligibility.map((question) => {
        const name = inputName.eligibility(question.key);
        const id = idFor(name);
        const refused = check.refusals.includes(question.key);
        return (
          <fieldset key={question.key} className="field choice-group" id={anchorOf.eligibility(question.key)} role="radiogroup" aria-required="true">
            <legend>
              {locale === "de" ? question.questionDe : question.questionEn}
              <RequiredMark required />
            </legend>
            {(["yes", "no"] as const).map((answer) => (
              <div className="choice" key={answer}>
                <input type="radio" id={`${id}-${answer}`} name={name} value={answer} form={DRAFT_FORM} defaultChecked={values[question.key] === answer} />
                <label htmlFor={`${id}-${answer}`}>{t(answer === "yes" ? "applications.yes" : "applications.no")}</label>
              </div>
            ))}
            {refused ? (
              <p className="refusal" role="alert">
                <strong>{t("applications.eligibility.notEligible")}</strong> {locale === "de" ? question.refusalDe : question.refusalEn}
              </p>
            ) : null}
            <ErrorList id={`${id}-errors`} messages={errors[name]} />
          </fieldset>
        );
      })}
      {check.eligible !== true ? (
        <>
          <p className="kern-hint">{t(check.eligible === false ? "applications.eligibility.closed" : "applications.eligibility.pending")}</p>
          <button type="submit" className="kern-btn kern-btn--secondary" form={DRAFT_FORM} name="intent" value="save">
            {t("applications.eligibility.continue")}
          </button>
        </>
      ) : null}
    </section>
  );
}

function Conditions({ conditions, values, errors }: { conditions: ApplicationCondition[]; values: string[]; errors: InputErrors }) {
  const t = useT();
  return (
    <section aria-labelledby="conditions-heading">
      <h2 id="conditions-heading">{t("applications.conditions.title")}</h2>
      <p>{t("applications.conditions.intro")}</p>
      <ol className="conditions">
        {conditions.map((condition, index) => {
          const name = inputName.condition(index);
          const id = idFor(name);
          const answered = !!condition.answer?.trim();
          return (
            <li key={index} id={anchorOf.condition(index)}>
              <p className="answer-text" id={`${id}-text`}>
                {condition.text}
              </p>
              <p>
                <StatusBadge tone={answered ? "success" : "warning"} icon={answered ? "check" : "warning"}>
                  {t(answered ? "applications.conditions.answered" : "applications.conditions.open")}
                </StatusBadge>
              </p>
              <div className="field">
                <label htmlFor={id}>
                  {t("applications.conditions.answer", { number: index + 1 })}
                  <RequiredMark required />
                </label>
                <textarea id={id} name={name} form={DRAFT_FORM} rows={4} maxLength={5000} defaultValue={values[index] ?? ""} aria-describedby={`${id}-text`} aria-required="true" />
                <ErrorList id={`${id}-errors`} messages={errors[name]} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * The draft of an application: eligibility questions first, then (once they are answered as
 * required) every section's fields, the manager's conditions, the checklist and the buttons. The
 * draft saves itself 1.5 s after the last change and with the save button (which needs no script);
 * a save refused because someone else saved meanwhile shows both versions and keeps what was typed.
 */
export function ApplicationEditor({ page, actionData }: { page: EditorPage; actionData: EditorOutcome | undefined }) {
  const t = useT();
  const locale = useLocale();
  const autosave = useFetcher<EditorOutcome>({ key: `autosave-${page.applicationId}` });
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queued = useRef<{ autosave: boolean; submitter: HTMLButtonElement | null }>({ autosave: false, submitter: null });
  const paused = useRef(false);
  // Typed since the last save went out: the status says so until the autosave takes it.
  const [changedSinceSave, setChangedSinceSave] = useState(false);

  const outcome = newest(page.revision, actionData, autosave.data);
  const conflict = outcome?.kind === "conflict" ? outcome : null;
  const reply = outcome?.kind === "invalid" || outcome?.kind === "conflict" ? outcome.result : null;
  const values = reply?.initialValue
    ? valuesFromPayload(page.definition, reply.initialValue, page.conditions.length)
    : valuesFromAnswers(page.definition, page.answers, page.conditions, page.invalidInput);
  const errors: InputErrors = conflict
    ? { ...invalidInputErrors(conflict.invalidInput, t, locale), ...reply?.error }
    : (reply?.error ?? invalidInputErrors(page.invalidInput, t, locale));
  const eligible = checkAnswers(page.definition, page.answers).eligible === true;
  // After a conflict the form stays on the revision it was based on, so only an explicit choice overwrites.
  const revision = conflict ? conflict.yourRevision : page.revision;

  useEffect(() => {
    paused.current = conflict !== null;
  }, [conflict]);

  useEffect(() => {
    if (autosave.state !== "idle") return;
    const { submitter } = queued.current;
    if (submitter) {
      queued.current = { autosave: false, submitter: null };
      submit(submitter);
    } else if (queued.current.autosave && formRef.current) {
      queued.current.autosave = false;
      const data = new FormData(formRef.current);
      data.set("intent", "autosave");
      autosave.submit(data, { method: "post" });
      setChangedSinceSave(false);
    }
  }, [autosave, submit]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const scheduleAutosave = (event: FormEvent<HTMLDivElement>) => {
    const target = event.target as HTMLInputElement;
    if (target.form?.id !== DRAFT_FORM) return;
    setChangedSinceSave(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (paused.current || !formRef.current) return;
      if (autosave.state !== "idle") {
        queued.current.autosave = true;
        return;
      }
      const data = new FormData(formRef.current);
      data.set("intent", "autosave");
      autosave.submit(data, { method: "post" });
      setChangedSinceSave(false);
    }, AUTOSAVE_DELAY_MS);
  };

  const saving = autosave.state !== "idle" || (navigation.state === "submitting" && navigation.formData?.has("revision") === true);
  const saveState: DraftSaveState = saving ? "saving" : changedSinceSave ? "changed" : outcome && outcome.kind !== "saved" ? "notSaved" : "stored";

  return (
    <div onChange={scheduleAutosave}>
      <Form
        id={DRAFT_FORM}
        method="post"
        ref={formRef}
        onSubmit={(event) => {
          clearTimeout(timer.current);
          setChangedSinceSave(false);
          if (autosave.state !== "idle") {
            // Waits for the autosave under way, so this save is based on the revision it produces.
            event.preventDefault();
            queued.current.submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          }
        }}
      >
        <CsrfField />
        <input type="hidden" name="revision" value={revision} />
        {eligible ? <input type="hidden" name={FIELDS_SHOWN} value="1" /> : null}
        {/* Enter in a text input presses the form's first button: it must save, not remove a row. */}
        <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t("applications.save")}
        </button>
      </Form>
      <p className="kern-hint">{t("applications.requiredNote")}</p>
      {outcome?.kind === "refused" ? (
        <div className="form-errors" role="alert">
          <p>{outcome.message}</p>
        </div>
      ) : null}
      {outcome?.kind === "invalid" ? (
        <div className="form-errors" role="alert">
          <p>{t("error.summary")}</p>
        </div>
      ) : null}
      {!reply ? <InvalidInputSummary definition={page.definition} invalidInput={page.invalidInput} /> : null}
      {conflict ? <Differences applicationId={page.applicationId} definition={page.definition} differences={conflict.differences} theirRevision={conflict.theirRevision} /> : null}

      {page.definition.eligibility.length > 0 ? <EligibilityQuestions page={page} values={values.eligibility} errors={errors} /> : null}

      {eligible
        ? page.definition.sections.map((section) => (
            <section key={section.key} aria-labelledby={`section-${section.key}`}>
              <h2 id={`section-${section.key}`}>{locale === "de" ? section.titleDe : section.titleEn}</h2>
              {section.fields.map((field) => {
                const value = values.fields[field.key] ?? "";
                switch (field.type) {
                  case "file":
                    return (
                      <div key={field.key} id={anchorOf.field(field.key)} className="file-answer">
                        <FileField applicationId={page.applicationId} field={field} files={page.files.filter((file) => file.fieldKey === field.key)} editable />
                      </div>
                    );
                  case "partners": {
                    const rows = value as RawPartner[];
                    return <PartnersInput key={`${field.key}-${rows.length}`} applicationId={page.applicationId} field={field} rows={rows} errors={errors} files={page.files} />;
                  }
                  case "budget": {
                    const budget = value as RawBudget;
                    return <BudgetInput key={`${field.key}-${budget.lines.length}`} field={field} value={budget} errors={errors} />;
                  }
                  default:
                    return <FieldInput key={field.key} field={field} value={value} errors={errors} />;
                }
              })}
            </section>
          ))
        : null}

      {page.conditions.length > 0 ? <Conditions conditions={page.conditions} values={values.conditions} errors={errors} /> : null}

      <Checklist definition={page.definition} items={page.checklist} />

      <div className="actions">
        <button type="submit" form={DRAFT_FORM} name="intent" value="submit" className="kern-btn kern-btn--primary" disabled={page.checklist.length > 0} aria-describedby="submit-hint">
          {t("applications.submit")}
        </button>
        <p className="kern-hint" id="submit-hint">
          {page.checklist.length > 0 ? t("applications.submitBlocked", { count: page.checklist.length }) : t("applications.submitHint")}
        </p>
      </div>
      <DraftStatusBar state={saveState} savedAt={page.savedAt} now={page.now} invalidInput={page.invalidInput} />
    </div>
  );
}
