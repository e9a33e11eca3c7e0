import type { HistoryEntry } from "~/forms/application-history";
import { formatDateTime, isMessageKey, type Locale, type Translate } from "~/i18n";
import { useLocale, useT } from "./use-t";
import { TableScroll } from "./forms";

/** What a step did, in words, and a note that goes with it (the reason given for an extension). */
export interface HistorySentence {
  what: string;
  note: string | null;
}

function stepName(t: Translate, action: string): string | null {
  const key = `history.event.${action}`;
  return isMessageKey(key) ? t(key) : null;
}

/**
 * A step of the history as a sentence in the reader's language. A step this version of the portal
 * does not know (written by a later one) reads as a general change, never as its internal name.
 */
export function historySentence(t: Translate, locale: Locale, entry: HistoryEntry): HistorySentence {
  const note = entry.reason ? t("history.reason", { reason: entry.reason }) : null;
  switch (entry.action) {
    case "SUBMIT":
      return { what: entry.versionNumber ? t("history.submittedVersion", { version: entry.versionNumber }) : t("history.event.SUBMIT"), note };
    case "EXTEND_DEADLINE":
      return { what: entry.until ? t("history.extendedUntil", { until: formatDateTime(locale, entry.until) }) : t("history.event.EXTEND_DEADLINE"), note };
    case "fileUploaded":
      return { what: entry.fileName ? t("history.fileUploadedNamed", { name: entry.fileName }) : t("history.event.fileUploaded"), note };
    case "fileDeleted":
      return { what: entry.fileName ? t("history.fileDeletedNamed", { name: entry.fileName }) : t("history.event.fileDeleted"), note };
  }
  const known = stepName(t, entry.action);
  if (known) return { what: known, note };
  const stateKey = `applicationState.${entry.toState ?? ""}`;
  return { what: isMessageKey(stateKey) ? t("history.otherStepToState", { state: t(stateKey) }) : t("history.otherStep"), note };
}

/** The steps an application went through, newest first: when (Berlin time), who, and what. */
export function ApplicationHistory({ entries }: { entries: HistoryEntry[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.title")}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t("history.none")}</p>
      ) : (
        <TableScroll label={t("history.title")}>
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("history.who")}</th>
              <th scope="col">{t("history.what")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const sentence = historySentence(t, locale, entry);
              return (
                <tr key={entry.id}>
                  <td>{formatDateTime(locale, entry.at)}</td>
                  <td>{entry.actorName ?? t("history.byPortal")}</td>
                  <td>
                    {sentence.what}
                    {sentence.note ? <div className="kern-hint">{sentence.note}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}
