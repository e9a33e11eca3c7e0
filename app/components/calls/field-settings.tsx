import { centsToEuroInput } from "~/forms/call-schemas";
import { fileKindInfo } from "~/forms/file-fields";
import { fileKinds, type FormField } from "~/forms/form-definition";
import { useT } from "~/components/use-t";
import { CheckboxField, ChoiceGroup, InputField, TextAreaField } from "./fields";

/** A field's stored settings as the values of its settings form. */
export function fieldSettingsValues(field: FormField): Record<string, unknown> {
  const common = { fieldKey: field.key, type: field.type, labelDe: field.labelDe, labelEn: field.labelEn, helpDe: field.helpDe ?? "", helpEn: field.helpEn ?? "", required: field.required, identifying: field.identifying ?? false };
  switch (field.type) {
    case "shortText":
    case "longText":
      return { ...common, maxLength: String(field.maxLength) };
    case "number":
      return { ...common, min: field.min?.toString() ?? "", max: field.max?.toString() ?? "", integer: field.integer };
    case "amount":
      return { ...common, maxEuros: centsToEuroInput(field.maxCents) };
    case "file":
      return { ...common, accept: field.accept, maxSizeMb: String(field.maxSizeMb), maxFiles: String(field.maxFiles) };
    case "partners":
      return { ...common, requireLetterOfIntent: field.requireLetterOfIntent };
    case "budget":
      return { ...common, years: field.years.join(", "), minOwnContributionPercent: String(field.minOwnContributionPercent) };
    default:
      return common;
  }
}

/** The inputs of a field's settings form: what every field has, then what its type needs. */
export function FieldSettingsFields({ field, published }: { field: FormField; published: boolean }) {
  const t = useT();
  return (
    <>
      <InputField name="labelDe" label={t("formBuilder.labelDe")} />
      <InputField name="labelEn" label={t("formBuilder.labelEn")} />
      <TextAreaField name="helpDe" label={`${t("formBuilder.helpDe")} ${t("field.optional")}`} rows={3} />
      <TextAreaField name="helpEn" label={`${t("formBuilder.helpEn")} ${t("field.optional")}`} rows={3} />
      <CheckboxField name="required" label={t("formBuilder.required")} hint={published && !field.required ? t("formBuilder.requiredAfterPublication") : undefined} />
      <CheckboxField name="identifying" label={t("reviewJuror.field.identifying")} hint={t("reviewJuror.field.identifyingHint")} />
      <TypeSettings field={field} />
    </>
  );
}

function TypeSettings({ field }: { field: FormField }) {
  const t = useT();
  switch (field.type) {
    case "shortText":
    case "longText":
      return <InputField name="maxLength" label={t("formBuilder.maxLength")} type="number" />;
    case "number":
      return (
        <>
          <InputField name="min" label={`${t("formBuilder.min")} ${t("field.optional")}`} type="number" step="any" />
          <InputField name="max" label={`${t("formBuilder.max")} ${t("field.optional")}`} type="number" step="any" />
          <CheckboxField name="integer" label={t("formBuilder.integer")} hint={t("formBuilder.numberHint")} />
        </>
      );
    case "amount":
      return <InputField name="maxEuros" label={`${t("formBuilder.maxEuros")} ${t("field.optional")}`} inputMode="decimal" hint={t("callSetup.field.eurosHint")} />;
    case "file":
      return (
        <>
          <ChoiceGroup name="accept" legend={t("formBuilder.fileKinds")} type="checkbox" options={fileKinds.map((kind) => ({ value: kind, label: fileKindInfo[kind].label }))} />
          <InputField name="maxSizeMb" label={t("formBuilder.maxSizeMb")} type="number" />
          <InputField name="maxFiles" label={t("formBuilder.maxFiles")} type="number" />
        </>
      );
    case "partners":
      return <CheckboxField name="requireLetterOfIntent" label={t("formBuilder.requireLetter")} hint={t("formBuilder.requireLetterHint")} />;
    case "budget":
      return (
        <>
          <InputField name="years" label={t("formBuilder.years")} hint={t("formBuilder.yearsHint")} />
          <InputField name="minOwnContributionPercent" label={t("formBuilder.minOwnContribution")} type="number" step="any" />
        </>
      );
    default:
      return null;
  }
}
