import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { decideSchema, lapseSchema, parseDecisionPrefill, withdrawDecisionSchema } from "~/forms/decision-schemas";
import { loadDecisionPage } from "~/server/decisions/decision-page.server";
import { decideApplication } from "~/server/decisions/decide-application.server";
import { withdrawDecision } from "~/server/decisions/withdraw-decision.server";
import { respondToAward } from "~/server/decisions/acceptance.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { ApplicationStateLabel } from "~/components/application-state";
import { ActionErrors, SetupForm } from "~/components/calls/setup-form";
import { ChoiceGroup } from "~/components/calls/fields";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { TableScroll } from "~/components/forms";
import { BudgetBar, DecisionFields, DecisionLabel, decisionFormValues } from "~/components/decisions/decision-parts";
import { formatScore } from "~/components/review/review-figures";
import { useLocale, useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

// The trailing underscore keeps this page out of the application page's layout (it renders no outlet).

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.application.network.name ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const page = await loadDecisionPage(user, params.applicationId ?? "");
  return { ...page, prefill: parseDecisionPrefill(new URL(request.url).searchParams) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const applicationId = params.applicationId ?? "";
  const here = new URL(request.url).pathname;
  const form = (formId: string) => ({ formId, locale: user.locale });
  switch (intentOf(formData)) {
    case "decide":
      return handleSetupForm(formData, { ...form("decision"), schema: decideSchema }, async (input) => {
        await decideApplication(user, { ...input, applicationId, amountCents: input.amount }, { locale: user.locale });
        return redirect(here);
      });
    case "withdraw":
      return handleSetupForm(formData, { ...form("action"), schema: withdrawDecisionSchema }, async (input) => {
        await withdrawDecision(user, { ...input, applicationId });
        return redirect(here);
      });
    case "lapse":
      return handleSetupForm(formData, { ...form("action"), schema: lapseSchema }, async ({ confirmed }) => {
        await respondToAward(user, { applicationId, response: "LAPSED", confirmed });
        return redirect(here);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function DecisionPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const step = useStepToConfirm();
  const { application, call, ranking, current } = page;
  const boardUrl = `/manager/calls/${call.id}/stages/${application.stage.id}/decisions`;
  const unreleased = current !== null && current.releasedAt === null;
  const defaults = unreleased
    ? decisionFormValues(current)
    : { outcome: page.prefill.outcome ?? "", amount: page.prefill.amount ?? "", supportDescription: call.awardType === "SUPPORT" ? call.supportDescription : "", sharedReviewIds: [] };
  return (
    <>
      <p>
        <Link to={`/manager/applications/${application.id}`}>{application.network.name}</Link> · <Link to={boardUrl}>{t("decisions.board.title")}</Link>
      </p>
      <h1>{t("decisions.page.heading", { network: application.network.name })}</h1>
      {application.title ? <p className="lead">{application.title}</p> : null}
      <ActionErrors />
      <dl className="facts">
        <dt>{t("managerApplications.state")}</dt>
        <dd>
          <ApplicationStateLabel state={application.state} />
        </dd>
        <dt>{t("decisions.rank")}</dt>
        <dd>
          {ranking.rank === null ? "–" : t("decisions.rankOn", { rank: ranking.rank, basis: t(`decisions.basis.${ranking.basis}`) })}
          {ranking.score !== null ? ` · ${t("decisions.score", { score: formatScore(locale, ranking.score) })}` : ""}
          {ranking.basis !== "RAW" && ranking.raw !== null ? <div className="kern-hint">{t("decisions.rawBeside", { score: formatScore(locale, ranking.raw) })}</div> : null}
        </dd>
        <dt>{t("decisions.reviewsDone")}</dt>
        <dd>{t("decisions.reviewsOf", { done: ranking.reviewsSubmitted, assigned: ranking.reviewsAssigned })}</dd>
      </dl>

      <BudgetBar budget={page.budget} headingId="budget-heading" />

      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t("decisions.current.heading")}</h2>
        <p>
          <DecisionLabel decision={current} />
        </p>
        {current ? (
          <dl className="facts">
            {current.reason ? (
              <>
                <dt>{t("decisions.field.reason")}</dt>
                <dd>{current.reason}</dd>
              </>
            ) : null}
            {current.feedback ? (
              <>
                <dt>{t("decisions.field.feedback")}</dt>
                <dd>{current.feedback}</dd>
              </>
            ) : null}
            {current.exceptionJustification ? (
              <>
                <dt>{t("decisions.field.justification")}</dt>
                <dd>{current.exceptionJustification}</dd>
              </>
            ) : null}
            <dt>{t("decisions.decidedBy")}</dt>
            <dd>{t("decisions.byAt", { name: current.decidedBy.name, at: formatDateTime(locale, current.decidedAt) })}</dd>
          </dl>
        ) : null}
        {page.canWithdraw ? (
          step === "withdraw" ? (
            <ConfirmStep
              question={t("decisions.withdraw.question")}
              explanation={t("decisions.withdraw.explanation")}
              intent="withdraw"
              hidden={{ version: String(application.version) }}
              confirmLabel={t("decisions.withdraw.button")}
            />
          ) : (
            <AskFirstButton step="withdraw" label={t("decisions.withdraw.button")} />
          )
        ) : null}
        {page.lapsable ? (
          step === "lapse" ? (
            <ConfirmStep
              question={t("decisions.lapse.question", { network: application.network.name })}
              explanation={t("decisions.lapse.explanation")}
              intent="lapse"
              hidden={{ applicationId: application.id }}
              confirmLabel={t("decisions.lapse.button")}
            />
          ) : (
            <AskFirstButton step="lapse" label={t("decisions.lapse.button")} />
          )
        ) : null}
      </section>

      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t("decisions.reviews.heading")}</h2>
        {page.reviews.length === 0 ? (
          <p className="empty">{t("decisions.reviews.none")}</p>
        ) : (
          <TableScroll label={t("decisions.reviews.heading")}>
            <table className="application-list">
              <thead>
                <tr>
                  <th scope="col">{t("decisions.reviews.juror")}</th>
                  <th scope="col">{t("decisions.reviews.total")}</th>
                  <th scope="col">{t("decisions.reviews.recommendation")}</th>
                  <th scope="col">{t("decisions.reviews.comment")}</th>
                </tr>
              </thead>
              <tbody>
                {page.reviews.map((review) => (
                  <tr key={review.id}>
                    <th scope="row">{t("decisions.reviews.letterName", { letter: review.letter, name: review.jurorName })}</th>
                    <td>{review.weightedTotal === null ? "–" : formatScore(locale, review.weightedTotal)}</td>
                    <td>{review.recommendation ? t(`reviewJuror.recommendation.${review.recommendation}`) : "–"}</td>
                    <td>{review.comment || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t(unreleased ? "decisions.form.change" : "decisions.form.heading")}</h2>
        {page.choices.length === 0 ? (
          <p>{t(current?.releasedAt ? "decisions.form.released" : "decisions.form.notNow")}</p>
        ) : (
          <SetupForm id="decision" intent="decide" schema={decideSchema} labelledBy="decide-heading" submitLabel={t("decisions.form.submit")} defaultValue={defaults} hidden={{ version: String(application.version) }}>
            <DecisionFields formId="decision" choices={page.choices} call={call} budget={page.budget} outline={application.stage.kind === "OUTLINE"} />
            {page.reviews.some((review) => review.comment) ? (
              <ChoiceGroup
                name="sharedReviewIds"
                legend={t("decisions.field.share")}
                hint={t("decisions.field.shareHint")}
                type="checkbox"
                options={page.reviews.filter((review) => review.comment).map((review) => ({ value: review.id, label: t("decisions.field.shareOne", { letter: review.letter }) }))}
              />
            ) : null}
          </SetupForm>
        )}
      </section>

      {page.history.length > 0 ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t("decisions.history.heading")}</h2>
          <ol className="decision-history">
            {page.history.map((entry) => (
              <li key={entry.id}>
                <DecisionLabel decision={entry} />
                <div className="kern-hint">
                  {t("decisions.byAt", { name: entry.decidedBy.name, at: formatDateTime(locale, entry.decidedAt) })}
                  {entry.supersededAt ? ` · ${t("decisions.history.superseded", { at: formatDateTime(locale, entry.supersededAt) })}` : ""}
                  {entry.reason ? ` · ${t("decisions.history.reason", { reason: entry.reason })}` : ""}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

