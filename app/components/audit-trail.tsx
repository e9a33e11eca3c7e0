import { Form, Link } from "@remix-run/react";
import { trailKinds, type TrailEntry, type TrailKind, type TrailMail } from "~/forms/audit-trail";
import { formatDateTime, isMessageKey, type Locale, type MessageKey, type Translate } from "~/i18n";
import { historySentence, type HistorySentence } from "./application-history";
import { FilterSelect } from "./applications/list-filters";
import { TableScroll } from "./forms";
import { useLocale, useT } from "./use-t";

/** Where each kind of row keeps the names of its states; a row whose states have no words shows none. */
const stateLabels: Record<string, string> = { Application: "applicationState", Review: "assignment.reviewState", Call: "callStatus" };

function stateName(t: Translate, entityType: string, state: string | null): string | null {
  const key = `${stateLabels[entityType] ?? "-"}.${state ?? ""}`;
  return isMessageKey(key) ? t(key) : null;
}

/** "Eingereicht → In Begutachtung": the states a step moved between, in words, when both have words. */
export function stateChange(t: Translate, entry: Pick<TrailEntry, "entityType" | "fromState" | "toState">): string | null {
  const from = stateName(t, entry.entityType, entry.fromState);
  const to = stateName(t, entry.entityType, entry.toState);
  return from && to ? t("trail.stateChange", { from, to }) : null;
}

/** A person's reason as they gave it; an assignment struck off by the portal names why in words of its own. */
function reasonNote(t: Translate, entry: TrailEntry, reason: string): string | null {
  if (entry.action !== "assignment-removed") return t("history.reason", { reason });
  const key = `trail.removedBecause.${reason}`;
  return isMessageKey(key) ? t(key) : null;
}

/**
 * A step of the trail as a sentence in the reader's language. An application's own steps read as in
 * its history; the others have a sentence each, naming the juror and the figures the step recorded.
 * A step this version of the portal has no words for (written by a later one) reads as a general
 * step, never as its internal name.
 */
export function trailSentence(t: Translate, locale: Locale, entry: TrailEntry): HistorySentence {
  if (entry.history) return historySentence(t, locale, entry.history);
  const note = entry.reason ? reasonNote(t, entry, entry.reason) : null;
  const key = `trail.step.${entry.entityType}.${entry.action}`;
  if (!isMessageKey(key)) return { what: t("trail.step.other"), note };
  const params = {
    ...entry.counts,
    juror: entry.juror ?? t("trail.unknownPerson"),
    previousJuror: entry.previousJuror ?? t("trail.unknownPerson"),
  };
  return { what: t(key, params), note };
}

function mailLine(t: Translate, locale: Locale, mail: TrailMail): string {
  const when = mail.status === "SENT" && mail.sentAt ? t("trail.mail.sent", { at: formatDateTime(locale, mail.sentAt) }) : t(mail.status === "FAILED" ? "trail.mail.failed" : "trail.mail.pending");
  return t("trail.mail.line", { to: mail.toEmail, subject: mail.subject, when });
}

function Concerns({ entry }: { entry: TrailEntry }) {
  const t = useT();
  if (entry.application) return <Link to={`/manager/applications/${entry.application.id}/audit`}>{entry.application.network}</Link>;
  if (entry.stageKind) return <>{t("trail.concerns.stage", { stage: t(`stageKind.${entry.stageKind}` as MessageKey) })}</>;
  return <>{t(entry.entityType === "Call" || entry.entityType === "FormDefinition" || entry.entityType === "Rubric" ? "trail.concerns.call" : "trail.concerns.unknown")}</>;
}

/** The steps, newest first: when (Berlin time), who, (on a call's trail) what it concerns, and what happened with its mails. */
export function AuditTrailTable({ entries, showConcerns, label }: { entries: TrailEntry[]; showConcerns: boolean; label: string }) {
  const t = useT();
  const locale = useLocale();
  if (entries.length === 0) return <p className="empty">{t("trail.none")}</p>;
  return (
    <TableScroll label={label}>
      <table className="history audit-trail">
        <thead>
          <tr>
            <th scope="col">{t("history.when")}</th>
            <th scope="col">{t("history.who")}</th>
            {showConcerns ? <th scope="col">{t("trail.concerns")}</th> : null}
            <th scope="col">{t("history.what")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const sentence = trailSentence(t, locale, entry);
            const states = stateChange(t, entry);
            return (
              <tr key={entry.id}>
                <td>{formatDateTime(locale, entry.at)}</td>
                <td>{entry.actorName ?? t("history.byPortal")}</td>
                {showConcerns ? (
                  <td>
                    <Concerns entry={entry} />
                  </td>
                ) : null}
                <td>
                  {sentence.what}
                  {states ? <div className="kern-hint">{states}</div> : null}
                  {sentence.note ? <div className="kern-hint">{sentence.note}</div> : null}
                  {entry.mails.length > 0 ? (
                    <details>
                      <summary>{t("trail.mail.count", { count: entry.mails.length })}</summary>
                      <ul>
                        {entry.mails.map((mail) => (
                          <li key={mail.id}>{mailLine(t, locale, mail)}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Choosing a kind of step: a plain GET form, so it works without JavaScript and the address can be shared. */
export function TrailKindFilter({ kind }: { kind: TrailKind | null }) {
  const t = useT();
  return (
    <Form method="get" className="filters" aria-labelledby="trail-filter">
      <h2 id="trail-filter">{t("trail.filter.label")}</h2>
      <FilterSelect id="trail-kind" name="kind" label={t("trail.filter.kind")} value={kind ?? undefined} options={trailKinds.map((option) => ({ value: option, label: t(`trail.kind.${option}`) }))} />
      <p>
        <button type="submit" className="kern-btn kern-btn--primary">
          {t("trail.filter.show")}
        </button>
      </p>
    </Form>
  );
}

/** The link to the next, older page of steps, keeping the chosen kind. */
export function OlderStepsLink({ older, kind }: { older: string | null; kind: TrailKind | null }) {
  const t = useT();
  if (!older) return null;
  const search = new URLSearchParams({ ...(kind ? { kind } : {}), before: older });
  return (
    <p>
      <Link to={`?${search.toString()}`}>{t("trail.older")}</Link>
    </p>
  );
}
