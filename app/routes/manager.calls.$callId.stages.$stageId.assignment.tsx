import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { assignCellSchema, matrixPageOf, releaseAssignmentsSchema, runAssignmentSchema, unassignCellSchema } from "~/forms/assignment-schemas";
import { assignByHand, loadAssignmentMatrix, releaseAssignments, runAutomaticAssignment, unassignByHand, type AssignmentRunSummary } from "~/server/review/assignment.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { ActionErrors, ButtonForm } from "~/components/calls/setup-form";
import { AskFirstButton, CONFIRM_PARAM, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { Notice } from "~/components/forms";
import { AssignmentMatrix, unassignStep } from "~/components/review/assignment-matrix";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { pageTitle } from "~/components/page-title";
import { useLocale, useT } from "~/components/use-t";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assignment.title");

const RELEASED_PARAM = "released";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadAssignmentMatrix(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, matrixPageOf(new URL(request.url)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const target = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  // Back to the same page of the matrix, without the question that led here.
  const url = new URL(request.url);
  url.searchParams.delete(CONFIRM_PARAM);
  url.searchParams.delete(RELEASED_PARAM);
  const back = () => redirect(`${url.pathname}${url.search}`);
  const options = { formId: "action", locale: user.locale };
  switch (intentOf(formData)) {
    case "run":
      return handleSetupForm(formData, { ...options, formId: "run", schema: runAssignmentSchema }, async () => ({
        formId: "run",
        summary: await runAutomaticAssignment(user, target),
      }));
    case "assign":
      return handleSetupForm(formData, { ...options, schema: assignCellSchema }, async (cell) => {
        await assignByHand(user, { ...target, ...cell });
        return back();
      });
    case "unassign":
      return handleSetupForm(formData, { ...options, schema: unassignCellSchema }, async (cell) => {
        await unassignByHand(user, { ...target, ...cell });
        return back();
      });
    case "release":
      return handleSetupForm(formData, { ...options, schema: releaseAssignmentsSchema }, async ({ confirmed }) => {
        await releaseAssignments(user, { ...target, confirmed }, { baseUrl: baseUrlOf(request) });
        wakeOutboxWorker();
        url.searchParams.set(RELEASED_PARAM, "1");
        return back();
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

function RunResult({ summary }: { summary: AssignmentRunSummary }) {
  const t = useT();
  return (
    <Notice tone={summary.shortfalls.length === 0 ? "success" : "warning"}>
      <p>{t("assignment.result.created", { count: summary.created })}</p>
      {summary.shortfalls.length === 0 ? (
        <p>{t("assignment.result.complete")}</p>
      ) : (
        <>
          <p>
            {t("assignment.result.shortfalls", {
              count: summary.shortfalls.length,
            })}
          </p>
          <ul>
            {summary.shortfalls.map((entry) => (
              <li key={entry.applicationId}>
                {t(`assignment.shortfall.${entry.reason}`, {
                  title: entry.title || t("assignment.untitled"),
                  missing: entry.missing,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Notice>
  );
}

export default function AssignmentPage() {
  const t = useT();
  const locale = useLocale();
  const matrix = useLoaderData<typeof loader>();
  const outcome = useActionData<{
    formId: string;
    summary?: AssignmentRunSummary;
  }>();
  const [searchParams] = useSearchParams();
  const step = useStepToConfirm();
  const { call, stage, jurors, release } = matrix;
  const stageName = t(`stageKind.${stage.kind}`);
  const settingsPath = `/manager/calls/${call.id}/stages/${stage.id}/review-settings`;
  const deadline = stage.reviewDueAt ? formatDateTime(locale, stage.reviewDueAt) : null;
  const toRemove = matrix.rows.flatMap((row) =>
    row.cells.flatMap((cell, index) =>
      cell.kind === "assigned" && step === unassignStep(cell.assignmentId)
        ? [
            {
              id: cell.assignmentId,
              title: row.title || t("assignment.untitled"),
              juror: jurors[index]!.name,
            },
          ]
        : []
    )
  )[0];
  const jurorsWithOwnMax = jurors.filter((juror) => juror.maxLoad !== null);
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <StageReviewSteps callId={call.id} stageId={stage.id} stageName={stageName} />
      <h1>{t("assignment.heading", { stage: stageName })}</h1>
      <p className="lead">{t("assignment.intro")}</p>
      <ActionErrors />
      {searchParams.has(RELEASED_PARAM) ? <Notice>{t("assignment.released")}</Notice> : null}
      {outcome?.summary ? <RunResult summary={outcome.summary} /> : null}
      {toRemove ? (
        <ConfirmStep
          question={t("assignment.unassignQuestion")}
          explanation={t("assignment.unassignExplanation", {
            juror: toRemove.juror,
            title: toRemove.title,
          })}
          intent="unassign"
          hidden={{ assignmentId: toRemove.id }}
          confirmLabel={t("assignment.unassignConfirm")}
        />
      ) : null}

      <section aria-labelledby="run-heading">
        <h2 id="run-heading">{t("assignment.settings")}</h2>
        <p>
          {t("assignment.summary", {
            applications: matrix.applicationCount,
            jurors: jurors.length,
          })}
        </p>
        <dl className="facts">
          <dt>{t("assignment.reviewsPerApplication")}</dt>
          <dd>{stage.reviewsPerApplication}</dd>
          <dt>{t("assignment.maxLoads")}</dt>
          <dd>
            {t("assignment.evenShare", { count: matrix.evenShare })}
            {jurorsWithOwnMax.length > 0 ? (
              <ul>
                {jurorsWithOwnMax.map((juror) => (
                  <li key={juror.id}>
                    {t("assignment.maxLoadSet", {
                      name: juror.name,
                      count: juror.maxLoad ?? 0,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </dl>
        <p>
          <Link to={settingsPath}>{t("assignment.settingsLink")}</Link>
        </p>
        {jurors.length === 0 ? (
          <Notice tone="info">{t("assignment.noJury")}</Notice>
        ) : matrix.applicationCount === 0 ? (
          <Notice tone="info">{t("assignment.noApplications")}</Notice>
        ) : (
          <>
            <p role="status">{t("assignment.missing", { count: matrix.missingReviews })}</p>
            {matrix.missingReviews > 0 ? <ButtonForm intent="run" label={t(release.assigned > 0 ? "assignment.runAgain" : "assignment.run")} className="primary" /> : null}
          </>
        )}
      </section>

      {jurors.length > 0 && matrix.applicationCount > 0 ? (
        <section aria-labelledby="matrix-heading">
          <h2 id="matrix-heading">{t("assignment.matrix")}</h2>
          <AssignmentMatrix jurors={jurors} rows={matrix.rows} needed={stage.reviewsPerApplication} page={matrix.page} total={matrix.applicationCount} />
        </section>
      ) : null}

      {release.assigned > 0 ? (
        <section aria-labelledby="release-heading">
          <h2 id="release-heading">{t("assignment.releaseHeading")}</h2>
          {release.assignments === 0 ? (
            <p>{t("assignment.releaseNothing")}</p>
          ) : (
            <>
              <p>
                {t("assignment.releasePending", {
                  assignments: release.assignments,
                  jurors: release.jurors,
                })}
              </p>
              {deadline ? (
                <>
                  <p>{t("assignment.releaseDeadline", { deadline })}</p>
                  {step === "release" ? (
                    <ConfirmStep
                      question={t("assignment.releaseQuestion")}
                      explanation={t("assignment.releaseExplanation", {
                        jurors: release.jurors,
                        deadline,
                      })}
                      intent="release"
                      confirmLabel={t("assignment.releaseConfirm")}
                    />
                  ) : (
                    <AskFirstButton step="release" label={t("assignment.release")} className="primary" />
                  )}
                </>
              ) : (
                <Notice tone="warning">
                  {t("assignment.releaseNoDeadline")} <Link to={settingsPath}>{t("assignment.settingsLink")}</Link>
                </Notice>
              )}
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
