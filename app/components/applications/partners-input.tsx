import type { FormField } from "~/forms/form-definition";
import { partnerTypes } from "~/forms/answers";
import { inputName, partnerLetterField, partnerLetterKey, type RawPartner } from "~/forms/application-schemas";
import { FileField } from "../files/file-field";
import { useT } from "../use-t";
import type { FileSummary } from "./answer-view";
import { RequiredMark, type InputErrors } from "./field-inputs";
import { RowCell, RowsTable } from "./rows-table";

/**
 * The partner list: one table row per partner (name, type, role, letter of intent). Each letter of
 * intent is an upload of its own, stored under `<field>.<row>`.
 */
export function PartnersInput(props: {
  applicationId: string;
  field: Extract<FormField, { type: "partners" }>;
  rows: RawPartner[];
  errors: InputErrors;
  files: FileSummary[];
}) {
  const { field, errors } = props;
  const t = useT();
  return (
    <RowsTable
      field={field}
      columns={[
        t("applications.partners.name"),
        t("applications.partners.type"),
        t("applications.partners.role"),
        <>
          {t("applications.partners.letter")}
          {field.requireLetterOfIntent ? <RequiredMark required /> : null}
        </>,
      ]}
      rows={props.rows}
      empty={t("applications.partners.none")}
      removeIntent={(index) => `removePartner:${field.key}:${index}`}
      removeLabel={(number) => t("applications.partners.remove", { number })}
      addIntent={`addPartner:${field.key}`}
      addLabel={t("applications.partners.add")}
      errors={errors}
      cells={(row, index) => {
        const cell = { rowLabel: t("applications.partners.row", { number: index + 1 }), errors };
        return (
          <>
            <RowCell name={inputName.partner(field.key, index, "name")} label={t("applications.partners.name")} {...cell}>
              {(input) => <input {...input} defaultValue={row.name} maxLength={300} />}
            </RowCell>
            <RowCell name={inputName.partner(field.key, index, "type")} label={t("applications.partners.type")} {...cell}>
              {(input) => (
                <select {...input} defaultValue={row.type || "OTHER"}>
                  {partnerTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`pdf.partnerType.${type}`)}
                    </option>
                  ))}
                </select>
              )}
            </RowCell>
            <RowCell name={inputName.partner(field.key, index, "role")} label={t("applications.partners.role")} {...cell}>
              {(input) => <input {...input} defaultValue={row.role} maxLength={1000} />}
            </RowCell>
            <td>
              <FileField
                applicationId={props.applicationId}
                field={partnerLetterField(field, index)}
                files={props.files.filter((file) => file.fieldKey === partnerLetterKey(field.key, index))}
                editable
              />
            </td>
          </>
        );
      }}
    />
  );
}
