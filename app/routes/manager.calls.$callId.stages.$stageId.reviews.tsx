import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { reassignSchema, remindSchema, reopenReviewSchema } from "~/forms/review-manager-schemas";
import { requireRole } from "~/server/accounts/session.server";
import { handleSetupForm, intentOf } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { loadStageReviewProgress } from "~/server/review/review-progress.server";
import { remindLateJuror } from "~/server/review/review-reminders.server";
import { reassignReview, reopenReview } from "~/server/review/review-corrections.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { ApplicationProgressTable, AssignmentTable, CorrectionStep, JurorProgressTable } from "~/components/review/review-progress";
import { ActionErrors } from "~/components/calls/setup-form";
import { Notice } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviewManager.title");

const managerRoles = ["MANAGER", "ADMIN"] as const;
const doneNotices = ["remind", "reopen", "reassign"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  return loadStageReviewProgress(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, new Date());
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  const formData = await readProtectedForm(request);
  const context = { now: new Date(), baseUrl: baseUrlOf(request) };
  const stage = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  const done = (intent: (typeof doneNotices)[number]) => {
    wakeOutboxWorker();
    return redirect(`${new URL(request.url).pathname}?done=${intent}`);
  };
  switch (intentOf(formData)) {
    case "remind":
      return handleSetupForm(formData, { formId: "action", schema: remindSchema, locale: user.locale }, async ({ jurorId }) => {
        await remindLateJuror(user, { ...stage, jurorId }, context);
        return done("remind");
      });
    case "reopen":
      return handleSetupForm(formData, { formId: "reopen", schema: reopenReviewSchema, locale: user.locale }, async (input) => {
        await reopenReview(user, { ...input, stageId: stage.stageId }, context);
        return done("reopen");
      });
    case "reassign":
      return handleSetupForm(formData, { formId: "action", schema: reassignSchema, locale: user.locale }, async (input) => {
        await reassignReview(user, { ...input, stageId: stage.stageId }, context);
        return done("reassign");
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function StageReviewProgress() {
  const t = useT();
  const locale = useLocale();
  const { stage, unreleased, byJuror, byApplication, assignments, jury } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = doneNotices.find((notice) => notice === searchParams.get("done"));
  return (
    <>
      <p>
        <Link to={`/manager/calls/${stage.call.id}`}>{stage.call.title}</Link>
      </p>
      <StageReviewSteps callId={stage.call.id} stageId={stage.id} stageName={t(`stageKind.${stage.kind}`)} />
      <h1>{t("reviewManager.heading", { stage: t(`stageKind.${stage.kind}`) })}</h1>
      <p>
        {stage.reviewDueAt ? t("reviewManager.dueAt", { dueAt: formatDateTime(locale, stage.reviewDueAt) }) : t("reviewManager.noDueAt")}{" "}
        {t("reviewManager.thresholdNote", { threshold: stage.disagreementThreshold })}
      </p>
      {unreleased > 0 ? <p className="kern-hint">{t("reviewManager.unreleased", { count: unreleased })}</p> : null}
      {done ? <Notice>{t(`reviewManager.done.${done}`)}</Notice> : null}
      <ActionErrors />
      <CorrectionStep assignments={assignments} jury={jury} />
      {assignments.length === 0 ? (
        <p className="empty">{t("reviewManager.none")}</p>
      ) : (
        <>
          <section aria-labelledby="by-juror">
            <h2 id="by-juror">{t("reviewManager.byJuror")}</h2>
            <JurorProgressTable jurors={byJuror} />
          </section>
          <section aria-labelledby="by-application">
            <h2 id="by-application">{t("reviewManager.byApplication")}</h2>
            <ApplicationProgressTable applications={byApplication} />
          </section>
          <section aria-labelledby="all-assignments">
            <h2 id="all-assignments">{t("reviewManager.assignments")}</h2>
            <AssignmentTable assignments={assignments} jury={jury} />
          </section>
        </>
      )}
    </>
  );
}
