import { useFetcher, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import type { FormField } from "~/forms/form-definition";
import { acceptAttribute, fileKindInfo, FLASH_FIELD, FLASH_MESSAGE, type FileActionReply } from "~/forms/file-fields";
import { formatFileSize, isMessageKey, type Locale, type MessageKey, type Translate } from "~/i18n";
import { CsrfField } from "../forms";
import { RequiredMark } from "../applications/field-inputs";
import { useLocale, useT } from "../use-t";

type FileFieldDefinition = Extract<FormField, { type: "file" }>;

export interface FileFieldProps {
  applicationId: string;
  field: FileFieldDefinition;
  files: { id: string; originalName: string; sizeBytes: number }[];
  editable: boolean;
  /** Where the files are stored; a partner row's letter uses `<partnersKey>.<row>`. Defaults to the field's key. */
  fieldKey?: string;
}

const MEBIBYTE = 1024 * 1024;

/** True once React runs in the browser: the forms then answer the fetcher instead of reloading the page. */
const noSubscription = () => () => undefined;
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function kindsText(locale: Locale, field: FileFieldDefinition): string {
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(field.accept.map((kind) => fileKindInfo[kind].label));
}

/** A message about this field's files, with the numbers it needs taken from the field's limits. */
function fieldMessage(t: Translate, locale: Locale, field: FileFieldDefinition, key: MessageKey): string {
  return t(key, { maxMb: field.maxSizeMb, maxFiles: field.maxFiles, kinds: kindsText(locale, field) });
}

const successKeys: readonly string[] = ["files.uploaded", "files.deleted"];

/**
 * An upload field: its own form (multipart, posted to the application's files route) with a
 * labelled file input, the limits in words, and the files uploaded so far with download links and
 * delete buttons. Works as a plain form without JavaScript (the server redirects back here with the
 * outcome in the query string); with JavaScript it posts through a fetcher, checks the size before
 * sending and keeps the page. Must not be placed inside another form.
 */
export function FileField({ applicationId, field, files, editable, fieldKey = field.key }: FileFieldProps) {
  const t = useT();
  const locale = useLocale();
  const hydrated = useHydrated();
  const upload = useFetcher<FileActionReply>({ key: `upload:${applicationId}:${fieldKey}` });
  const [searchParams] = useSearchParams();
  const [localError, setLocalError] = useState<MessageKey | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const baseId = `files-${fieldKey.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;
  const inputId = `${baseId}-input`;
  const limitsId = `${baseId}-limits`;
  const helpId = `${baseId}-help`;
  const messageId = `${baseId}-message`;
  const label = locale === "de" ? field.labelDe : field.labelEn;
  const help = (locale === "de" ? field.helpDe : field.helpEn) || undefined;
  const limits = t("files.limits", {
    kinds: kindsText(locale, field),
    maxMb: field.maxSizeMb,
    maxFiles: field.maxFiles,
  });
  const full = files.length >= field.maxFiles;
  const uploading = upload.state !== "idle";

  const reply = upload.data?.fieldKey === fieldKey ? upload.data : undefined;
  const flashKey = searchParams.get(FLASH_FIELD) === fieldKey ? searchParams.get(FLASH_MESSAGE) : null;
  const shown: { key: MessageKey; ok: boolean } | null = localError
    ? { key: localError, ok: false }
    : reply && isMessageKey(reply.messageKey)
      ? { key: reply.messageKey, ok: reply.ok }
      : flashKey && flashKey.startsWith("files.") && isMessageKey(flashKey)
        ? { key: flashKey, ok: successKeys.includes(flashKey) }
        : null;

  useEffect(() => {
    if (upload.state === "idle" && upload.data?.ok) formRef.current?.reset();
  }, [upload.state, upload.data]);

  /** With JavaScript the limits are checked before anything is sent; the server checks them again. */
  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    setLocalError(null);
    const chosen = Array.from((event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files ?? []);
    const problem: MessageKey | null =
      chosen.length === 0
        ? "files.error.noFile"
        : chosen.length + files.length > field.maxFiles
          ? "files.error.tooMany"
          : chosen.some((file) => file.size > field.maxSizeMb * MEBIBYTE)
            ? "files.error.tooLarge"
            : chosen.some((file) => file.size === 0)
              ? "files.error.empty"
              : null;
    if (problem) {
      event.preventDefault();
      setLocalError(problem);
    }
  }

  const describedBy = [help ? helpId : null, limitsId, shown && !shown.ok ? messageId : null].filter(Boolean).join(" ");
  const message = shown ? (
    <p id={messageId} className={shown.ok ? "notice" : "form-errors"} role={shown.ok ? "status" : "alert"}>
      {fieldMessage(t, locale, field, shown.key)}
    </p>
  ) : null;

  return (
    <div className="field file-field" id={fieldKey}>
      {editable && !full ? (
        <upload.Form
          ref={formRef}
          method="post"
          encType="multipart/form-data"
          action={`/applications/${encodeURIComponent(applicationId)}/files`}
          onSubmit={checkBeforeSending}
          className="kern-form-input"
        >
          <CsrfField />
          <input type="hidden" name="fieldKey" value={fieldKey} />
          {hydrated ? <input type="hidden" name="respond" value="fetcher" /> : null}
          <label className="kern-label" htmlFor={inputId}>
            {label}
            <RequiredMark required={field.required && files.length === 0} />
          </label>
          {help ? (
            <p className="kern-hint" id={helpId}>
              {help}
            </p>
          ) : null}
          <p className="kern-hint" id={limitsId}>
            {limits}
          </p>
          <input
            className="kern-form-input__input"
            id={inputId}
            type="file"
            name="file"
            accept={acceptAttribute(field.accept)}
            multiple={field.maxFiles - files.length > 1}
            required
            aria-describedby={describedBy}
            aria-invalid={shown && !shown.ok ? true : undefined}
            onChange={() => setLocalError(null)}
          />
          {message}
          <p>
            <button type="submit" className="kern-btn kern-btn--secondary" disabled={uploading}>
              {uploading ? t("files.uploading") : t("files.upload")}
            </button>
          </p>
        </upload.Form>
      ) : (
        <>
          <p className="file-field-label" id={`${baseId}-label`}>
            <strong>{label}</strong>
          </p>
          <p className="kern-hint" id={limitsId}>
            {limits}
          </p>
          {editable && full ? <p className="kern-hint">{t("files.full")}</p> : null}
          {message}
        </>
      )}
      {files.length === 0 ? (
        <p className="empty">{t("files.none")}</p>
      ) : (
        <ul className="file-list" aria-label={t("files.list", { label })}>
          {files.map((file) => (
            <li key={file.id}>
              <a href={`/files/${encodeURIComponent(file.id)}`}>{file.originalName}</a> ({formatFileSize(locale, file.sizeBytes)})
              {editable ? <DeleteFileButton fileId={file.id} name={file.originalName} hydrated={hydrated} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DeleteFileButton({ fileId, name, hydrated }: { fileId: string; name: string; hydrated: boolean }) {
  const t = useT();
  const remove = useFetcher<FileActionReply>({ key: `delete-file:${fileId}` });
  const failed = remove.state === "idle" && remove.data && !remove.data.ok ? remove.data : null;
  return (
    <remove.Form method="post" action={`/files/${encodeURIComponent(fileId)}`} style={{ display: "inline" }}>
      <CsrfField />
      <input type="hidden" name="intent" value="delete" />
      {hydrated ? <input type="hidden" name="respond" value="fetcher" /> : null}{" "}
      <button type="submit" className="kern-btn kern-btn--danger kern-btn--small" aria-label={t("files.deleteNamed", { name })} disabled={remove.state !== "idle"}>
        {t("files.delete")}
      </button>
      {failed ? (
        <span className="field-errors" role="alert">
          {" "}
          {failed.message}
        </span>
      ) : null}
    </remove.Form>
  );
}
