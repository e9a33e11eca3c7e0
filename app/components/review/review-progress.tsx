import type { ReviewState } from "@workflows/review.machine";
import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { reopenReviewSchema } from "~/forms/review-manager-schemas";
import { formatDateTime } from "~/i18n";
import { CONFIRM_PARAM, ConfirmStep, useStepToConfirm } from "../confirm-step";
import { TableScroll } from "../forms";
import { TextAreaField } from "../calls/fields";
import { ButtonForm, SetupForm } from "../calls/setup-form";
import { useLocale, useT } from "../use-t";
import { DiscussionMark, formatScore } from "./review-figures";
import { ReviewStateLabel } from "./review-state";

/** What the progress page's loader gives the tables below (see review-progress.server.ts). */
interface JurorRow {
  id: string;
  name: string;
  onJury: boolean;
  lastReminder: Date | string | null;
  assigned: number;
  inProgress: number;
  submitted: number;
  abstained: number;
  late: number;
}

export function JurorProgressTable({ jurors }: { jurors: JurorRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <TableScroll label={t("reviewManager.byJuror")}>
      <table>
        <caption>{t("reviewManager.byJurorCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reviewManager.column.juror")}</th>
            <th scope="col" className="number">{t("reviewManager.column.assigned")}</th>
            <th scope="col" className="number">{t("reviewManager.column.inProgress")}</th>
            <th scope="col" className="number">{t("reviewManager.column.submitted")}</th>
            <th scope="col" className="number">{t("reviewManager.column.abstained")}</th>
            <th scope="col" className="number">{t("reviewManager.column.late")}</th>
            <th scope="col">{t("reviewManager.column.reminder")}</th>
          </tr>
        </thead>
        <tbody>
          {jurors.map((juror) => (
            <tr key={juror.id}>
              <th scope="row">
                {juror.name}
                {juror.onJury ? null : <div className="kern-hint">{t("reviewManager.leftJury")}</div>}
              </th>
              <td className="number">{juror.assigned}</td>
              <td className="number">{juror.inProgress}</td>
              <td className="number">{juror.submitted}</td>
              <td className="number">{juror.abstained}</td>
              <td className="number">{juror.late > 0 ? <strong>{juror.late}</strong> : 0}</td>
              <td>
                {juror.lastReminder ? <div>{t("reviewManager.remindedAt", { at: formatDateTime(locale, juror.lastReminder) })}</div> : null}
                {juror.late > 0 && juror.onJury ? (
                  <ButtonForm intent="remind" hidden={{ jurorId: juror.id }} label={t("reviewManager.remind")} accessibleLabel={t("reviewManager.remindWho", { name: juror.name })} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface ApplicationRow {
  id: string;
  title: string;
  network: string;
  submitted: number;
  needed: number;
  abstained: number;
  mean: number | null;
  spread: number | null;
  forDiscussion: boolean;
}

export function ApplicationProgressTable({ applications }: { applications: ApplicationRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <TableScroll label={t("reviewManager.byApplication")}>
      <table>
        <caption>{t("reviewManager.byApplicationCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reviewManager.column.application")}</th>
            <th scope="col" className="number">{t("reviewManager.column.reviews")}</th>
            <th scope="col" className="number">{t("reviewManager.column.mean")}</th>
            <th scope="col" className="number">{t("reviewManager.column.spread")}</th>
            <th scope="col">{t("reviewManager.column.discussion")}</th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application) => (
            <tr key={application.id}>
              <th scope="row">
                <Link to={`/manager/applications/${application.id}/reviews`}>{application.network}</Link>
                {application.title ? <div className="kern-hint">{application.title}</div> : null}
              </th>
              <td className="number">
                {t("reviewManager.submittedOfNeeded", { submitted: application.submitted, needed: application.needed })}
                {application.abstained > 0 ? <div className="kern-hint">{t("reviewManager.abstentions", { count: application.abstained })}</div> : null}
              </td>
              <td className="number">{formatScore(locale, application.mean)}</td>
              <td className="number">{formatScore(locale, application.spread)}</td>
              <td>{application.forDiscussion ? <DiscussionMark /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface AssignmentRow {
  id: string;
  jurorId: string;
  jurorName: string;
  application: { id: string; title: string; network: string };
  state: string;
  dueAt: Date | string | null;
  late: boolean;
  review: { id: string; version: number } | null;
}

/** Every released assignment with its state, and the manager's two corrections: reopen and reassign. */
export function AssignmentTable({ assignments, jury }: { assignments: AssignmentRow[]; jury: { id: string; name: string }[] }) {
  const t = useT();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  return (
    <TableScroll label={t("reviewManager.assignments")}>
      <table>
        <caption>{t("reviewManager.assignmentsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reviewManager.column.application")}</th>
            <th scope="col">{t("reviewManager.column.juror")}</th>
            <th scope="col">{t("reviewManager.column.state")}</th>
            <th scope="col">{t("reviewManager.column.dueAt")}</th>
            <th scope="col">{t("reviewManager.column.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((assignment) => {
            const who = t("reviewManager.assignmentOf", { juror: assignment.jurorName, network: assignment.application.network });
            return (
              <tr key={assignment.id}>
                <th scope="row">
                  {assignment.application.network}
                  {assignment.application.title ? <div className="kern-hint">{assignment.application.title}</div> : null}
                </th>
                <td>{assignment.jurorName}</td>
                <td>
                  <ReviewStateLabel state={assignment.state as ReviewState} />
                  {assignment.late ? <div><strong>{t("reviewManager.lateMark")}</strong></div> : null}
                </td>
                <td>{assignment.dueAt ? formatDateTime(locale, assignment.dueAt) : "–"}</td>
                <td>
                  {assignment.state === "submitted" && assignment.review ? (
                    <Form method="get" className="button-form">
                      <input type="hidden" name="review" value={assignment.review.id} />
                      <button type="submit" name={CONFIRM_PARAM} value="reopen" className="kern-btn kern-btn--secondary" aria-label={t("reviewManager.reopenWho", { what: who })}>
                        {t("reviewManager.reopen")}
                      </button>
                    </Form>
                  ) : null}
                  <Form method="get" className="inline reassign">
                    <input type="hidden" name="assignment" value={assignment.id} />
                    <label htmlFor={`reassign-${assignment.id}`}>
                      <span className="visually-hidden">{who}: </span>
                      {t("reviewManager.reassignTo")}
                    </label>
                    <select id={`reassign-${assignment.id}`} name="juror" required defaultValue={searchParams.get("assignment") === assignment.id ? (searchParams.get("juror") ?? "") : ""}>
                      <option value="">{t("field.choose")}</option>
                      {jury
                        .filter((juror) => juror.id !== assignment.jurorId)
                        .map((juror) => (
                          <option key={juror.id} value={juror.id}>
                            {juror.name}
                          </option>
                        ))}
                    </select>{" "}
                    <button type="submit" name={CONFIRM_PARAM} value="reassign" className="kern-btn kern-btn--secondary">
                      {t("reviewManager.reassign")}
                    </button>
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The confirmation of a correction the page was asked for (`?confirm=reopen&review=…` or
 * `?confirm=reassign&assignment=…&juror=…`): reopening asks for the reason in the same panel.
 */
export function CorrectionStep({ assignments, jury }: { assignments: AssignmentRow[]; jury: { id: string; name: string }[] }) {
  const t = useT();
  const step = useStepToConfirm();
  const [searchParams] = useSearchParams();
  if (step === "reopen") {
    const assignment = assignments.find((row) => row.review?.id === searchParams.get("review") && row.state === "submitted");
    return assignment?.review ? <ReopenStep assignment={assignment} review={assignment.review} /> : null;
  }
  if (step === "reassign") {
    const assignment = assignments.find((row) => row.id === searchParams.get("assignment"));
    const juror = jury.find((member) => member.id === searchParams.get("juror"));
    if (!assignment || !juror) return null;
    const keeps = assignment.state === "submitted" || assignment.state === "reopened";
    return (
      <ConfirmStep
        question={t("reviewManager.reassign.question", { network: assignment.application.network, from: assignment.jurorName, to: juror.name })}
        explanation={t(keeps ? "reviewManager.reassign.keeps" : "reviewManager.reassign.deletes", { from: assignment.jurorName, to: juror.name })}
        intent="reassign"
        hidden={{ assignmentId: assignment.id, jurorId: juror.id }}
        confirmLabel={t("reviewManager.reassign.confirm")}
      />
    );
  }
  return null;
}

function ReopenStep({ assignment, review }: { assignment: AssignmentRow; review: { id: string; version: number } }) {
  const t = useT();
  const { pathname } = useLocation();
  const panel = useRef<HTMLElement>(null);
  // As in ConfirmStep: with JavaScript the question takes the focus.
  useEffect(() => panel.current?.focus(), []);
  return (
    <section ref={panel} id="confirm-step" className="confirm-step" aria-labelledby="reopen-question" tabIndex={-1}>
      <h2 id="reopen-question">{t("reviewManager.reopen.question", { juror: assignment.jurorName, network: assignment.application.network })}</h2>
      <p>{t("reviewManager.reopen.explained")}</p>
      <SetupForm id="reopen" intent="reopen" schema={reopenReviewSchema} hidden={{ reviewId: review.id, version: String(review.version), confirmed: "1" }} submitLabel={t("reviewManager.reopen.confirm")} labelledBy="reopen-question">
        <TextAreaField name="reason" label={t("reviewManager.reopen.reason")} hint={t("reviewManager.reopen.reasonHint")} rows={3} />
      </SetupForm>
      <p>
        <Link to={pathname}>{t("confirm.cancel")}</Link>
      </p>
    </section>
  );
}
