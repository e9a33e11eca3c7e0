import type { FormDefinition } from "~/forms/form-definition";
import { fieldsOf } from "~/forms/form-definition";
import type { AnswerValue } from "~/forms/answers";
import { partnersOf } from "~/forms/application-schemas";
import { translator, type Locale } from "~/i18n";
import type { ApplicationPdfInput, SubmittedFile } from "../pdf/application-pdf.server";

/**
 * Blind review (`Call.blindReview`): what a juror sees of an application leaves out who submitted it.
 * One transformation of the submitted content serves the review page, the juror's PDF and the file
 * downloads, so none of them can show more than the others: no network name, no submitter, no partner
 * names, no answer of a field the form marks as identifying, and files named by the field they answer
 * ("Projektskizze.pdf") instead of their original names. The manager always sees the original.
 */

export type SubmittedContent = Pick<ApplicationPdfInput, "networkName" | "submittedBy" | "definition" | "answers" | "files">;

/** Fields marked identifying in any of the definitions (the one frozen at submission, and today's). */
export function identifyingKeys(...definitions: (FormDefinition | null | undefined)[]): Set<string> {
  return new Set(definitions.flatMap((definition) => (definition ? fieldsOf(definition).filter((field) => field.identifying).map((field) => field.key) : [])));
}

/** The file's extension as uploaded ("pdf"), which says nothing about who uploaded it. */
function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match ? `.${match[1]!.toLowerCase()}` : "";
}

/**
 * The name each file goes by in blind review, from the field it answers: "Arbeitsplan.pdf",
 * "Arbeitsplan 2.pdf" for a field's second file, "Partner 1 – Absichtserklärung.pdf" for a partner's
 * letter. Files of left-out fields, and files no answer names, get none: a juror cannot open them.
 */
export function blindFileNames(definition: FormDefinition, answers: SubmittedContent["answers"], files: Pick<SubmittedFile, "id" | "originalName">[], locale: Locale): Map<string, string> {
  const t = translator(locale);
  const byId = new Map(files.map((file) => [file.id, file]));
  const names = new Map<string, string>();
  const name = (fileId: string, base: string) => {
    const file = byId.get(fileId);
    if (file) names.set(fileId, `${base}${extensionOf(file.originalName)}`);
  };
  for (const field of fieldsOf(definition)) {
    const label = locale === "de" ? field.labelDe : field.labelEn;
    const value: AnswerValue | undefined = answers.fields?.[field.key];
    if (field.type === "file" && Array.isArray(value)) {
      const ids = value.filter((item): item is string => typeof item === "string");
      ids.forEach((fileId, index) => name(fileId, ids.length > 1 ? `${label} ${index + 1}` : label));
    }
    if (field.type === "partners") {
      partnersOf(value).forEach((partner, index) => {
        if (partner.letterFileId) name(partner.letterFileId, t("reviewJuror.blind.letterFile", { number: index + 1 }));
      });
    }
  }
  return names;
}

/** The submitted content as a juror of a blind review sees it (see the module's comment). */
export function blindContent<Content extends SubmittedContent>(content: Content, hiddenKeys: Set<string>, locale: Locale): Content {
  const t = translator(locale);
  const definition: FormDefinition = {
    ...content.definition,
    sections: content.definition.sections
      .map((section) => ({ ...section, fields: section.fields.filter((field) => !field.identifying && !hiddenKeys.has(field.key)) }))
      .filter((section) => section.fields.length > 0),
  };
  const shownFields = fieldsOf(definition);
  const fields = Object.fromEntries(
    shownFields
      .filter((field) => content.answers.fields?.[field.key] !== undefined)
      .map((field) => {
        const value = content.answers.fields![field.key]!;
        if (field.type !== "partners") return [field.key, value];
        return [field.key, partnersOf(value).map((partner, index) => ({ ...partner, name: t("reviewJuror.blind.partner", { number: index + 1 }) }))];
      }),
  );
  const answers = { ...content.answers, fields };
  const names = blindFileNames(definition, answers, content.files, locale);
  return {
    ...content,
    networkName: t("reviewJuror.blind.hidden"),
    submittedBy: t("reviewJuror.blind.hidden"),
    definition,
    answers,
    files: content.files.filter((file) => names.has(file.id)).map((file) => ({ ...file, originalName: names.get(file.id)! })),
  };
}
