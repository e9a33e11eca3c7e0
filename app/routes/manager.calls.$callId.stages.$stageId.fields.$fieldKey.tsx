import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { addOptionSchema, changeFieldTypeSchema, fieldPropertiesSchema } from "~/forms/call-schemas";
import { fieldsOf, fieldTypes, type FormField } from "~/forms/form-definition";
import { loadStageForm } from "~/server/calls/call-setup.server";
import { formBuilderAction } from "~/server/calls/form-builder-actions.server";
import { notFound } from "~/server/http.server";
import { requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { FieldSettingsFields, fieldSettingsValues } from "~/components/calls/field-settings";
import { InputField, SelectInput, TextAreaField } from "~/components/calls/fields";
import { FormMockup } from "~/components/calls/form-mockup";
import { ActionErrors, ButtonForm, SetupForm } from "~/components/calls/setup-form";
import { DeleteFieldButton, FieldDeletionQuestion } from "~/components/calls/form-builder";
import { Notice, TableScroll } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "formBuilder.field.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const stageForm = await loadStageForm(user, params.callId ?? "", params.stageId ?? "");
  const field = stageForm.definition ? fieldsOf(stageForm.definition).find((candidate) => candidate.key === params.fieldKey) : undefined;
  if (!field) throw notFound();
  return { ...stageForm, field };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return formBuilderAction(user, request, { callId: params.callId ?? "", stageId: params.stageId ?? "" });
}

function optionsOf(field: FormField) {
  if (field.type === "singleChoice" || field.type === "multipleChoice") return field.options;
  if (field.type === "budget") return field.categories;
  return null;
}

export default function FieldSettings() {
  const t = useT();
  const locale = useLocale();
  const { call, stage, field, published, editable, version } = useLoaderData<typeof loader>();
  const label = locale === "en" ? field.labelEn : field.labelDe;
  const options = optionsOf(field);
  const builder = `/manager/calls/${call.id}/stages/${stage.id}/form`;
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link> · <Link to={builder}>{t("formBuilder.heading", { stage: t(`stageKind.${stage.kind}`) })}</Link>
      </p>
      <h1 id="field-heading">{t("formBuilder.field.heading", { label })}</h1>
      <p>
        {t("formBuilder.type")}: {t(`formBuilder.type.${field.type}`)}
      </p>
      <p className="kern-hint">{t("formBuilder.field.keyNote", { key: field.key })}</p>
      <ActionErrors />
      {editable && !published ? <FieldDeletionQuestion fields={[field]} /> : null}
      {published ? <Notice tone="info">{t("formBuilder.publishedNotice", { version })}</Notice> : null}
      {!editable ? <Notice tone="info">{t("callSetup.error.notEditable")}</Notice> : null}

      {editable ? (
        <SetupForm
          id="field-properties"
          intent="updateField"
          schema={fieldPropertiesSchema(field.type)}
          labelledBy="field-heading"
          hidden={{ fieldKey: field.key, type: field.type }}
          submitLabel={t("callSetup.save")}
          defaultValue={fieldSettingsValues(field)}
        >
          <FieldSettingsFields field={field} published={published} />
        </SetupForm>
      ) : null}

      {options ? (
        <section aria-labelledby="options-heading">
          <h2 id="options-heading">{field.type === "budget" ? t("formBuilder.categories") : t("formBuilder.options")}</h2>
          <TableScroll label={field.type === "budget" ? t("formBuilder.categories") : t("formBuilder.options")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("formBuilder.labelDe")}</th>
                <th scope="col">{t("formBuilder.labelEn")}</th>
                <th scope="col">{t("formBuilder.key")}</th>
                {editable && !published ? <th scope="col">{t("formBuilder.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {options.map((option) => (
                <tr key={option.value}>
                  <th scope="row">{option.labelDe}</th>
                  <td>{option.labelEn}</td>
                  <td>
                    <code>{option.value}</code>
                  </td>
                  {editable && !published ? (
                    <td>
                      {options.length > 1 ? (
                        <ButtonForm
                          intent="removeOption"
                          hidden={{ fieldKey: field.key, value: option.value }}
                          label={t("formBuilder.delete")}
                          accessibleLabel={t("formBuilder.deleteItem", { item: locale === "en" ? option.labelEn : option.labelDe })}
                          className="danger"
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          {editable ? (
            <SetupForm id="add-option" intent="addOption" schema={addOptionSchema} hidden={{ fieldKey: field.key }} submitLabel={t("formBuilder.addOption")} labelledBy="options-heading">
              <InputField name="labelDe" label={t("formBuilder.labelDe")} />
              <InputField name="labelEn" label={t("formBuilder.labelEn")} />
              <InputField name="value" label={`${t("formBuilder.key")} ${t("field.optional")}`} hint={t("formBuilder.keyHint")} />
            </SetupForm>
          ) : null}
        </section>
      ) : null}

      {editable && !published ? (
        <section aria-labelledby="type-heading">
          <h2 id="type-heading">{t("formBuilder.changeType")}</h2>
          <p className="kern-hint">{t("formBuilder.changeTypeHint")}</p>
          <SetupForm
            id="change-type"
            intent="changeFieldType"
            schema={changeFieldTypeSchema}
            hidden={{ fieldKey: field.key }}
            submitLabel={t("formBuilder.changeType")}
            defaultValue={{ type: field.type }}
            labelledBy="type-heading"
          >
            <SelectInput name="type" label={t("formBuilder.type")} options={fieldTypes.map((type) => ({ value: type, label: t(`formBuilder.type.${type}`) }))} />
            <TextAreaField name="options" label={`${t("formBuilder.options")} ${t("field.optional")}`} hint={t("formBuilder.optionsHint")} rows={4} />
          </SetupForm>
          <h2>{t("formBuilder.deleteField")}</h2>
          <DeleteFieldButton fieldKey={field.key} label={label} />
        </section>
      ) : null}

      <section aria-labelledby="field-preview">
        <h2 id="field-preview">{t("formBuilder.preview")}</h2>
        <FormMockup definition={{ eligibility: [], sections: [{ key: "preview", titleDe: field.labelDe, titleEn: field.labelEn, fields: [field] }] }} idPrefix="field-preview" />
      </section>
    </>
  );
}
