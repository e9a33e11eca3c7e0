import { Link } from "@remix-run/react";
import { addFieldSchema, addQuestionSchema, addSectionSchema, updateQuestionSchema, updateSectionSchema } from "~/forms/call-schemas";
import { fieldTypes, type EligibilityQuestion, type FormField, type FormSection } from "~/forms/form-definition";
import { useLocale, useT } from "~/components/use-t";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { CheckboxField, ChoiceGroup, InputField, SelectInput, TextAreaField } from "./fields";
import { ButtonForm, FormDisclosure, SetupForm } from "./setup-form";
import { TableScroll } from "../forms";

/**
 * The form builder's pieces. Every change is its own small POST form, so the builder works without
 * JavaScript; once the call is published, the buttons for changes that would lose answers are gone
 * (and the server refuses them anyway).
 */

/** Up and down buttons for an item in a list; the ends of the list have only one. */
export function MoveButtons({ intent, hidden, first, last, itemLabel }: { intent: string; hidden: Record<string, string>; first: boolean; last: boolean; itemLabel: string }) {
  const t = useT();
  return (
    <>
      {first ? null : <ButtonForm intent={intent} hidden={{ ...hidden, direction: "up" }} label={t("formBuilder.moveUp")} accessibleLabel={t("formBuilder.moveUpItem", { item: itemLabel })} />}
      {last ? null : <ButtonForm intent={intent} hidden={{ ...hidden, direction: "down" }} label={t("formBuilder.moveDown")} accessibleLabel={t("formBuilder.moveDownItem", { item: itemLabel })} />}
    </>
  );
}

function DeleteButton({ intent, hidden, itemLabel }: { intent: string; hidden: Record<string, string>; itemLabel: string }) {
  const t = useT();
  return <ButtonForm intent={intent} hidden={hidden} label={t("formBuilder.delete")} accessibleLabel={t("formBuilder.deleteItem", { item: itemLabel })} className="danger" />;
}

const deleteFieldStep = (fieldKey: string) => `deleteField:${fieldKey}`;
const deleteSectionStep = (sectionKey: string) => `deleteSection:${sectionKey}`;

/** Deleting a field loses its settings for good, so the button only asks (see `FieldDeletionQuestion`). */
export function DeleteFieldButton({ fieldKey, label }: { fieldKey: string; label: string }) {
  const t = useT();
  return <AskFirstButton step={deleteFieldStep(fieldKey)} label={t("formBuilder.delete")} accessibleLabel={t("formBuilder.deleteItem", { item: label })} />;
}

/** The "Really delete?" panel, when the page was asked about one of these fields. */
export function FieldDeletionQuestion({ fields }: { fields: FormField[] }) {
  const t = useT();
  const locale = useLocale();
  const asked = useStepToConfirm();
  const field = fields.find((candidate) => deleteFieldStep(candidate.key) === asked);
  if (!field) return null;
  return (
    <ConfirmStep
      question={t("formBuilder.confirmDeleteField.question", { label: locale === "en" ? field.labelEn : field.labelDe })}
      explanation={t("formBuilder.confirmDeleteField.explained")}
      intent="deleteField"
      hidden={{ fieldKey: field.key }}
      confirmLabel={t("formBuilder.confirmDeleteField.button")}
    />
  );
}

/** The "Really delete?" panel, when the page was asked about one of these sections (one with fields). */
export function SectionDeletionQuestion({ sections }: { sections: FormSection[] }) {
  const t = useT();
  const locale = useLocale();
  const asked = useStepToConfirm();
  const section = sections.find((candidate) => deleteSectionStep(candidate.key) === asked && candidate.fields.length > 0);
  if (!section) return null;
  return (
    <ConfirmStep
      question={t("formBuilder.confirmDeleteSection.question", { title: locale === "en" ? section.titleEn : section.titleDe, count: section.fields.length })}
      explanation={t("formBuilder.confirmDeleteSection.explained")}
      intent="deleteSection"
      hidden={{ sectionKey: section.key }}
      confirmLabel={t("formBuilder.confirmDeleteSection.button")}
    />
  );
}

function QuestionFields() {
  const t = useT();
  return (
    <>
      <TextAreaField name="questionDe" label={t("formBuilder.questionDe")} rows={2} />
      <TextAreaField name="questionEn" label={t("formBuilder.questionEn")} rows={2} />
      <ChoiceGroup
        name="requiredAnswer"
        legend={t("formBuilder.requiredAnswer")}
        type="radio"
        options={[
          { value: "yes", label: t("formPreview.yes") },
          { value: "no", label: t("formPreview.no") },
        ]}
      />
      <TextAreaField name="refusalDe" label={t("formBuilder.refusalDe")} hint={t("formBuilder.refusalHint")} rows={2} />
      <TextAreaField name="refusalEn" label={t("formBuilder.refusalEn")} rows={2} />
    </>
  );
}

export function EligibilityEditor({ questions, published, editable }: { questions: EligibilityQuestion[]; published: boolean; editable: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t("formPreview.eligibility")}</h2>
      <p className="kern-hint">{t("formBuilder.eligibilityIntro")}</p>
      {questions.length === 0 ? <p className="empty">{t("formBuilder.noQuestions")}</p> : null}
      {questions.map((question, index) => {
        const label = locale === "en" ? question.questionEn : question.questionDe;
        return (
          <article key={question.key} id={`question-${question.key}`} className="builder-item" aria-labelledby={`question-${question.key}-title`}>
            <h3 id={`question-${question.key}-title`}>{t("formBuilder.questionNumber", { number: index + 1 })}</h3>
            {editable ? (
              <>
                <SetupForm
                  id={`edit-question-${question.key}`}
                  intent="updateQuestion"
                  schema={updateQuestionSchema}
                  hidden={{ questionKey: question.key }}
                  submitLabel={t("callSetup.save")}
                  defaultValue={{ ...question, requiredAnswer: question.requiredAnswer ? "yes" : "no" }}
                >
                  <QuestionFields />
                </SetupForm>
                <div className="item-actions">
                  <MoveButtons intent="moveQuestion" hidden={{ questionKey: question.key }} first={index === 0} last={index === questions.length - 1} itemLabel={label} />
                  {published ? null : <DeleteButton intent="deleteQuestion" hidden={{ questionKey: question.key }} itemLabel={label} />}
                </div>
              </>
            ) : (
              <p>{label}</p>
            )}
          </article>
        );
      })}
      {editable && !published ? (
        <FormDisclosure formId="add-question" summary={t("formBuilder.addQuestion")}>
          <SetupForm key={questions.length} id="add-question" intent="addQuestion" schema={addQuestionSchema} submitLabel={t("formBuilder.addQuestion")} defaultValue={{ requiredAnswer: "yes" }}>
            <QuestionFields />
            <InputField name="key" label={`${t("formBuilder.key")} ${t("field.optional")}`} hint={t("formBuilder.keyHint")} />
          </SetupForm>
        </FormDisclosure>
      ) : null}
    </section>
  );
}

export function SectionEditor(props: { section: FormSection; index: number; count: number; published: boolean; editable: boolean; fieldPage: (key: string) => string }) {
  const { section, index, count, published, editable } = props;
  const t = useT();
  const locale = useLocale();
  const title = locale === "en" ? section.titleEn : section.titleDe;
  return (
    <section id={`section-${section.key}`} className="builder-section" aria-labelledby={`section-${section.key}-title`}>
      <h3 id={`section-${section.key}-title`}>{title}</h3>
      {editable ? (
        <div className="item-actions">
          <MoveButtons intent="moveSection" hidden={{ sectionKey: section.key }} first={index === 0} last={index === count - 1} itemLabel={title} />
          {section.fields.length === 0 ? (
            <DeleteButton intent="deleteSection" hidden={{ sectionKey: section.key }} itemLabel={title} />
          ) : published ? null : (
            <AskFirstButton step={deleteSectionStep(section.key)} label={t("formBuilder.delete")} accessibleLabel={t("formBuilder.deleteItem", { item: title })} />
          )}
        </div>
      ) : null}
      {section.fields.length === 0 ? (
        <p className="empty">{t("formPreview.emptySection")}</p>
      ) : (
        <TableScroll label={t("formBuilder.fieldsOf", { section: title })}>
        <table>
          <caption>{t("formBuilder.fieldsOf", { section: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("formBuilder.label")}</th>
              <th scope="col">{t("formBuilder.type")}</th>
              <th scope="col">{t("formBuilder.requiredColumn")}</th>
              {editable ? <th scope="col">{t("formBuilder.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {section.fields.map((field, fieldIndex) => {
              const label = locale === "en" ? field.labelEn : field.labelDe;
              return (
                <tr key={field.key} id={`field-${field.key}`}>
                  <th scope="row">
                    {editable ? <Link to={props.fieldPage(field.key)}>{label}</Link> : label}
                  </th>
                  <td>{t(`formBuilder.type.${field.type}`)}</td>
                  <td>{field.required ? t("formBuilder.requiredYes") : t("formBuilder.requiredNo")}</td>
                  {editable ? (
                    <td className="item-actions">
                      <MoveButtons
                        intent="moveField"
                        hidden={{ fieldKey: field.key }}
                        first={index === 0 && fieldIndex === 0}
                        last={index === count - 1 && fieldIndex === section.fields.length - 1}
                        itemLabel={label}
                      />
                      {published ? null : <DeleteFieldButton fieldKey={field.key} label={label} />}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
      )}
      {editable ? (
        <>
          <FormDisclosure formId={`add-field-${section.key}`} summary={t("formBuilder.addFieldTo", { section: title })}>
            <SetupForm key={section.fields.length} id={`add-field-${section.key}`} intent="addField" schema={addFieldSchema} hidden={{ sectionKey: section.key }} submitLabel={t("formBuilder.addField")}>
              <SelectInput name="type" label={t("formBuilder.type")} placeholder={t("field.choose")} options={fieldTypes.map((type) => ({ value: type, label: t(`formBuilder.type.${type}`) }))} />
              <InputField name="labelDe" label={t("formBuilder.labelDe")} />
              <InputField name="labelEn" label={t("formBuilder.labelEn")} />
              <CheckboxField name="required" label={t("formBuilder.required")} hint={published ? t("formBuilder.requiredAfterPublication") : undefined} />
              <TextAreaField name="options" label={`${t("formBuilder.options")} ${t("field.optional")}`} hint={t("formBuilder.optionsHint")} rows={4} />
              <InputField name="key" label={`${t("formBuilder.key")} ${t("field.optional")}`} hint={t("formBuilder.keyHint")} />
            </SetupForm>
          </FormDisclosure>
          <FormDisclosure formId={`edit-section-${section.key}`} summary={t("formBuilder.renameSection", { section: title })}>
            <SetupForm id={`edit-section-${section.key}`} intent="updateSection" schema={updateSectionSchema} hidden={{ sectionKey: section.key }} submitLabel={t("callSetup.save")} defaultValue={{ titleDe: section.titleDe, titleEn: section.titleEn }}>
              <InputField name="titleDe" label={t("formBuilder.titleDe")} />
              <InputField name="titleEn" label={t("formBuilder.titleEn")} />
            </SetupForm>
          </FormDisclosure>
        </>
      ) : null}
    </section>
  );
}

export function AddSectionForm() {
  const t = useT();
  return (
    <section aria-labelledby="add-section-heading">
      <h3 id="add-section-heading">{t("formBuilder.addSection")}</h3>
      <SetupForm id="add-section" intent="addSection" schema={addSectionSchema} submitLabel={t("formBuilder.addSection")}>
        <InputField name="titleDe" label={t("formBuilder.titleDe")} />
        <InputField name="titleEn" label={t("formBuilder.titleEn")} />
        <InputField name="key" label={`${t("formBuilder.key")} ${t("field.optional")}`} hint={t("formBuilder.keyHint")} />
      </SetupForm>
    </section>
  );
}
