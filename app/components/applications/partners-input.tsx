import type { FormField } from "~/forms/form-definition";
import { partnerTypes } from "~/forms/answers";
import { anchorOf, inputName, partnerLetterField, partnerLetterKey, type RawPartner } from "~/forms/application-schemas";
import { FileField } from "../files/file-field";
import { useLocale, useT } from "../use-t";
import type { FileSummary } from "./answer-view";
import { DRAFT_FORM, ErrorList, RequiredMark, describedBy, helpOf, idFor, labelOf, type InputErrors } from "./field-inputs";

/**
 * The partner list: one table row per partner (name, type, role, letter of intent). Rows are added
 * and removed with buttons that save the draft, so the list works without JavaScript; each letter of
 * intent is an upload of its own, stored under `<field>.<row>`.
 */
export function PartnersInput(props: {
  applicationId: string;
  field: Extract<FormField, { type: "partners" }>;
  rows: RawPartner[];
  errors: InputErrors;
  files: FileSummary[];
}) {
  const { field, rows, errors } = props;
  const t = useT();
  const locale = useLocale();
  const name = inputName.field(field.key);
  const captionId = `${idFor(name)}-caption`;
  const help = helpOf(field, locale);
  const hintId = `${idFor(name)}-hint`;
  const errorId = `${idFor(name)}-errors`;
  return (
    <div className="field partners" id={anchorOf.field(field.key)}>
      {help ? (
        <p className="hint" id={hintId}>
          {help}
        </p>
      ) : null}
      <table aria-describedby={describedBy(help && hintId)}>
        <caption id={captionId}>
          {labelOf(field, locale)}
          <RequiredMark required={field.required} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("applications.partners.name")}</th>
            <th scope="col">{t("applications.partners.type")}</th>
            <th scope="col">{t("applications.partners.role")}</th>
            <th scope="col">
              {t("applications.partners.letter")}
              {field.requireLetterOfIntent ? <RequiredMark required /> : null}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t("applications.rows.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="empty">
                {t("applications.partners.none")}
              </td>
            </tr>
          ) : null}
          {rows.map((row, index) => {
            const part = (key: keyof RawPartner) => {
              const partName = inputName.partner(field.key, index, key);
              return { name: partName, id: idFor(partName), errorId: `${idFor(partName)}-errors`, messages: errors[partName] };
            };
            const nameInput = part("name");
            const typeInput = part("type");
            const roleInput = part("role");
            const rowLabel = t("applications.partners.row", { number: index + 1 });
            return (
              <tr key={index}>
                <td>
                  <label className="visually-hidden" htmlFor={nameInput.id}>
                    {t("applications.partners.name")} ({rowLabel})
                  </label>
                  <input
                    id={nameInput.id}
                    name={nameInput.name}
                    form={DRAFT_FORM}
                    defaultValue={row.name}
                    maxLength={300}
                    aria-invalid={nameInput.messages?.length ? true : undefined}
                    aria-describedby={nameInput.messages?.length ? nameInput.errorId : undefined}
                  />
                  <ErrorList id={nameInput.errorId} messages={nameInput.messages} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={typeInput.id}>
                    {t("applications.partners.type")} ({rowLabel})
                  </label>
                  <select
                    id={typeInput.id}
                    name={typeInput.name}
                    form={DRAFT_FORM}
                    defaultValue={row.type || "OTHER"}
                    aria-invalid={typeInput.messages?.length ? true : undefined}
                    aria-describedby={typeInput.messages?.length ? typeInput.errorId : undefined}
                  >
                    {partnerTypes.map((type) => (
                      <option key={type} value={type}>
                        {t(`pdf.partnerType.${type}`)}
                      </option>
                    ))}
                  </select>
                  <ErrorList id={typeInput.errorId} messages={typeInput.messages} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={roleInput.id}>
                    {t("applications.partners.role")} ({rowLabel})
                  </label>
                  <input
                    id={roleInput.id}
                    name={roleInput.name}
                    form={DRAFT_FORM}
                    defaultValue={row.role}
                    maxLength={1000}
                    aria-invalid={roleInput.messages?.length ? true : undefined}
                    aria-describedby={roleInput.messages?.length ? roleInput.errorId : undefined}
                  />
                  <ErrorList id={roleInput.errorId} messages={roleInput.messages} />
                </td>
                <td>
                  <FileField
                    applicationId={props.applicationId}
                    field={partnerLetterField(field, index)}
                    files={props.files.filter((file) => file.fieldKey === partnerLetterKey(field.key, index))}
                    editable
                  />
                </td>
                <td>
                  <button type="submit" form={DRAFT_FORM} name="intent" value={`removePartner:${field.key}:${index}`} className="link-button">
                    {t("applications.partners.remove", { number: index + 1 })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorList id={errorId} messages={errors[name]} />
      <button type="submit" form={DRAFT_FORM} name="intent" value={`addPartner:${field.key}`}>
        {t("applications.partners.add")}
      </button>
    </div>
  );
}
