import { fieldsOf, fileKinds, formField, type FileKind, type FormDefinition, type FormField } from "./form-definition";
import type { Answers, PartnerAnswer } from "./answers";
import type { MessageKey } from "~/i18n";

/**
 * What the portal knows about each file kind: the type it is served with and the name endings that
 * belong to it. The kind itself is always decided by the file's content (file-types.server.ts);
 * endings only shape the file picker and the stored name.
 */
export const fileKindInfo: Record<FileKind, { contentType: string; extensions: readonly string[]; label: string }> = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"], label: "PDF" },
  png: { contentType: "image/png", extensions: ["png"], label: "PNG" },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG" },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "DOCX" },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "XLSX" },
  odt: { contentType: "application/vnd.oasis.opendocument.text", extensions: ["odt"], label: "ODT" },
};

/** The `accept` attribute of a file input for these kinds (endings and types, as browsers match either). */
export function acceptAttribute(kinds: readonly FileKind[]): string {
  return kinds.flatMap((kind) => [...fileKindInfo[kind].extensions.map((extension) => `.${extension}`), fileKindInfo[kind].contentType]).join(",");
}

/** The query parameters that carry an upload's or deletion's outcome back to the page when JavaScript is off. */
export const FLASH_FIELD = "fileField";
export const FLASH_MESSAGE = "fileMessage";

/** The limits an upload is checked against, whichever form field it answers. */
export interface UploadLimits {
  accept: FileKind[];
  maxSizeMb: number;
  maxFiles: number;
}

export type FileFieldDefinition = Extract<FormField, { type: "file" }>;

/** A partner's letter of intent: one PDF of at most 10 MB per row of the partner list. */
export const letterOfIntentLimits: UploadLimits = { accept: ["pdf"], maxSizeMb: 10, maxFiles: 1 };
/** `<partnersKey>.<row>`: a partner list's key and a row number below 10,000. */
const rowKeyPattern = /^([a-z][a-zA-Z0-9_]{0,59})\.(0|[1-9][0-9]{0,3})$/;

/** The partner list and row a letter's key names, if it is one. */
export function partnerRowOf(fieldKey: string): { partnersKey: string; row: number } | null {
  const match = rowKeyPattern.exec(fieldKey);
  return match ? { partnersKey: match[1]!, row: Number(match[2]) } : null;
}

/**
 * The upload limits for `fieldKey` in a stage's form: a file field by its key, or a partner list's
 * row as `<partnersKey>.<row>` (its letter of intent). Null when the form has no such place for files.
 * Fields are checked one by one, so a form stored before the schema grew still yields its valid fields.
 */
export function uploadLimitsFor(definition: unknown, fieldKey: string): UploadLimits | null {
  const row = partnerRowOf(fieldKey);
  const wanted = row ? row.partnersKey : fieldKey;
  const parsed = formField.safeParse(rawFieldsOf(definition).find((field) => isRecord(field) && field.key === wanted));
  if (!parsed.success) return null;
  const field = parsed.data;
  if (row) return field.type === "partners" ? letterOfIntentLimits : null;
  return field.type === "file" ? { accept: field.accept, maxSizeMb: field.maxSizeMb, maxFiles: field.maxFiles } : null;
}

function rawFieldsOf(definition: unknown): unknown[] {
  if (!isRecord(definition) || !Array.isArray(definition.sections)) return [];
  return definition.sections.flatMap((section: unknown) => (isRecord(section) && Array.isArray(section.fields) ? (section.fields as unknown[]) : []));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The answers with the uploaded files filled in: a file field's value is the list of its files' ids,
 * a partner row's `letterFileId` the id of its letter. Files live in their own rows (StoredFile), so
 * checking and freezing an application merge them in here instead of copying ids into the draft.
 */
export function answersWithFiles(definition: FormDefinition, answers: Answers, files: readonly { id: string; fieldKey: string | null }[]): Answers {
  const fields = { ...(answers.fields ?? {}) };
  for (const field of fieldsOf(definition)) {
    if (field.type === "file") {
      fields[field.key] = files.filter((file) => file.fieldKey === field.key).map((file) => file.id);
    } else if (field.type === "partners" && Array.isArray(fields[field.key])) {
      fields[field.key] = (fields[field.key] as PartnerAnswer[]).map((partner, row) => {
        const letter = files.find((file) => file.fieldKey === `${field.key}.${row}`);
        const { letterFileId: _previous, ...rest } = partner;
        return letter ? { ...rest, letterFileId: letter.id } : rest;
      });
    }
  }
  return { ...answers, fields };
}

/** A stored file as carrying it into the next stage sees it. */
interface FileToCarry {
  fieldKey: string | null;
  contentType: string;
  sizeBytes: number | bigint;
}

/**
 * The files of an earlier stage that go along into the next stage's draft, whose answers
 * `carryOverAnswers` made: the files of a file field that the next form has under the same key, as
 * far as their kind, size and number fit that field (given in upload order, the first ones go), and
 * the letters of intent of the partner rows carried over.
 */
export function filesToCarryOver<File extends FileToCarry>(to: FormDefinition, carried: Answers, files: readonly File[]): File[] {
  const fieldsByKey = new Map(fieldsOf(to).map((field) => [field.key, field]));
  const takenPerField = new Map<string, number>();
  return files.filter((file) => {
    if (!file.fieldKey) return false;
    const row = partnerRowOf(file.fieldKey);
    if (row) {
      const partners = carried.fields?.[row.partnersKey];
      return fieldsByKey.get(row.partnersKey)?.type === "partners" && Array.isArray(partners) && row.row < partners.length;
    }
    const field = fieldsByKey.get(file.fieldKey);
    if (field?.type !== "file") return false;
    const kind = fileKinds.find((candidate) => fileKindInfo[candidate].contentType === file.contentType);
    const taken = takenPerField.get(field.key) ?? 0;
    const fits = kind !== undefined && field.accept.includes(kind) && Number(file.sizeBytes) <= field.maxSizeMb * 1024 * 1024 && taken < field.maxFiles;
    if (fits) takenPerField.set(field.key, taken + 1);
    return fits;
  });
}

/** What an upload or deletion answers a script (the page's fetcher, or any client asking for JSON). */
export interface FileActionReply {
  ok: boolean;
  fieldKey: string | null;
  messageKey: MessageKey;
  /** The message in the person's language. */
  message: string;
  files: { id: string; originalName: string; sizeBytes: number }[];
}
