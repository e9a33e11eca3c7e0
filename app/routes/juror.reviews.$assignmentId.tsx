import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { abstainSchema, draftFromForm, missingItems, reviewDraftSchema, weightedTotal, type ReviewOutcome } from "~/forms/review-scores";
import { requireRole } from "~/server/accounts/session.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { requestLocale } from "~/server/web/locale.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { RefusedError } from "~/server/http.server";
import { ConfirmationRequiredError } from "~/server/confirmation.server";
import { abstainFromReview, loadReviewPage, reviewRubric, saveReviewDraft, submitReview } from "~/server/review/reviews.server";
import { CONFIRMED_FIELD } from "~/components/confirm-step";
import { AnswersView } from "~/components/applications/answer-view";
import { ReviewWorkspace } from "~/components/review/review-form";
import { ReviewStateLabel } from "~/components/review/review-state";
import { Notice } from "~/components/forms";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { formatDateTime, isMessageKey } from "~/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => titleText(matches, page?.application.title || page?.application.callTitle || "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["JUROR"]);
  return loadReviewPage(user, params.assignmentId ?? "", await requestLocale(request, user));
}

/** Keep the draft (button or autosave), submit it (asks first), or abstain (asks first). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["JUROR"]);
  const formData = await readProtectedForm(request);
  const assignmentId = params.assignmentId ?? "";
  const here = new URL(request.url).pathname;
  const intent = formData.get("intent");
  try {
    if (intent === "abstain") {
      const submission = parseWithZod(formData, { schema: abstainSchema });
      if (submission.status !== "success") return invalidForm("abstain", submission.reply(), 400);
      try {
        await abstainFromReview(user, { assignmentId, reason: submission.value.reason, confirmed: formData.get(CONFIRMED_FIELD) === "abstain" }, { baseUrl: baseUrlOf(request) });
      } catch (error) {
        if (error instanceof ConfirmationRequiredError) return data<ReviewOutcome>({ kind: "confirm", step: "abstain", reason: submission.value.reason });
        throw error;
      }
      wakeOutboxWorker();
      return redirect(here);
    }
    if (intent !== "save" && intent !== "autosave" && intent !== "submit") throw new Response("Bad Request", { status: 400 });
    const rubric = await reviewRubric(user, assignmentId);
    const submission = parseWithZod(formData, { schema: reviewDraftSchema(rubric) });
    if (submission.status !== "success") return invalidForm("review", submission.reply(), 400);
    const draft = draftFromForm(rubric, submission.value);
    if (intent === "submit") {
      try {
        await submitReview(user, { assignmentId, rubric, draft, confirmed: formData.get(CONFIRMED_FIELD) === "submit" });
      } catch (error) {
        if (error instanceof ConfirmationRequiredError) return data<ReviewOutcome>({ kind: "confirm", step: "submit" });
        if (error instanceof RefusedError && error.messageKey === "reviewJuror.error.incomplete") {
          return data<ReviewOutcome>({ kind: "refused", message: error.messageKey, missing: missingItems(rubric, draft) }, { status: 400 });
        }
        throw error;
      }
      return redirect(here);
    }
    await saveReviewDraft(user, { assignmentId, draft });
    return intent === "autosave" ? data<ReviewOutcome>({ kind: "saved", weightedTotal: weightedTotal(rubric, draft.scores) }) : redirect(`${here}?saved=1`);
  } catch (error) {
    if (error instanceof RefusedError) return data<ReviewOutcome>({ kind: "refused", message: error.messageKey, missing: [] }, { status: error.status === 409 ? 400 : error.status });
    throw error;
  }
}

function invalidForm(form: "review" | "abstain", reply: { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null }, status: number) {
  return data<ReviewOutcome>({ kind: "invalid", form, values: reply.initialValue ?? {}, errors: reply.error ?? {} }, { status });
}

export default function ReviewPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() as ReviewOutcome | undefined;
  const { application, content } = page;
  const land = `bundesland.${application.bundesland}`;
  const [searchParams] = useSearchParams();
  const saved = searchParams.has("saved");
  return (
    <>
      <p>
        <Link to="/juror">{t("juror.title")}</Link>
      </p>
      <h1>{application.title || t("reviewJuror.untitled")}</h1>
      {/* The badge stands on its own: a separator before a framed badge reads as a stray dot. */}
      <p className="lead">
        {application.callTitle} · {t(`stageKind.${application.stageKind}`)}
      </p>
      <p>
        <ReviewStateLabel state={page.review.state} />
      </p>
      {saved && !outcome ? <Notice>{t("reviewJuror.saved")}</Notice> : null}
      <div className="review-layout">
        <section aria-labelledby="application-heading" className="review-application">
          <h2 id="application-heading">{t("reviewJuror.application")}</h2>
          {application.blind ? <Notice tone="info">{t("reviewJuror.blind.notice")}</Notice> : null}
          <dl className="facts">
            {application.networkName ? (
              <>
                <dt>{t("reviewJuror.network")}</dt>
                <dd>{application.networkName}</dd>
              </>
            ) : null}
            <dt>{t("field.bundesland")}</dt>
            <dd>{isMessageKey(land) ? t(land) : application.bundesland}</dd>
            <dt>{t("managerApplications.receipt")}</dt>
            <dd>{application.receiptNumber}</dd>
            <dt>{t("managerApplications.submittedAt")}</dt>
            <dd>{formatDateTime(locale, application.submittedAt)}</dd>
            <dt>{t("reviewJuror.start.deadline")}</dt>
            <dd>{page.dueAt ? t("reviewJuror.berlinTime", { time: formatDateTime(locale, page.dueAt) }) : t("reviewJuror.start.noDeadline")}</dd>
          </dl>
          <p>
            <a href={`/juror/reviews/${page.assignmentId}/pdf`} download>
              {t("reviewJuror.pdf")}
            </a>
          </p>
          <AnswersView definition={content.definition} answers={content.answers} files={content.files} conditions={content.conditions} headingLevel={3} idPrefix="application" />
        </section>
        <section aria-labelledby="rubric-heading" className="review-rubric">
          <h2 id="rubric-heading">{t("reviewJuror.rubric")}</h2>
          <ReviewWorkspace page={page} outcome={outcome} />
        </section>
      </div>
    </>
  );
}
