import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import { boardFilters, bulkDecisionSchema, lapseSchema, parseBoardFilter } from "~/forms/decision-schemas";
import { centsToEuroInput } from "~/forms/call-schemas";
import { loadDecisionBoard } from "~/server/decisions/decision-board.server";
import { decideSelection } from "~/server/decisions/decide-selection.server";
import { respondToAward } from "~/server/decisions/acceptance.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { ApplicationStateLabel } from "~/components/application-state";
import { ActionErrors, SetupForm } from "~/components/calls/setup-form";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { TableScroll } from "~/components/forms";
import { BudgetBar, DecisionFields, DecisionLabel, SelectionErrors } from "~/components/decisions/decision-parts";
import { EligibilityReportNotice, SelectionBox, submitted, useOutcome } from "~/components/review/eligibility-table";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { formatScore } from "~/components/review/review-figures";
import { CountLink, FilterButtons, FilterSelect } from "~/components/applications/list-filters";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDate } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "decisions.board.title");

const BULK_FORM = "bulk";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadDecisionBoard(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, parseBoardFilter(new URL(request.url).searchParams));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const ref = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  const here = new URL(request.url);
  switch (intentOf(formData)) {
    case "decide":
      return handleSetupForm(formData, { formId: BULK_FORM, schema: bulkDecisionSchema, locale: user.locale }, async (input) =>
        data({ formId: BULK_FORM, report: await decideSelection(user, ref, input, { locale: user.locale }) }),
      );
    case "lapse":
      return handleSetupForm(formData, { formId: "action", schema: lapseSchema, locale: user.locale }, async ({ applicationId, confirmed }) => {
        await respondToAward(user, { applicationId, response: "LAPSED", confirmed });
        return redirect(here.pathname);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function DecisionBoard() {
  const t = useT();
  const locale = useLocale();
  const board = useLoaderData<typeof loader>();
  const step = useStepToConfirm();
  const bulk = useOutcome(BULK_FORM);
  const ticked = new Set(submitted(bulk, "selected"));
  const { call, stage } = board;
  const stageName = t(`stageKind.${stage.kind}`);
  const decidable = board.applications.filter((row) => row.decidable);
  // The live budget multiplies the typed amount by the ticked rows.
  const tickedCount = useCallback(() => document.querySelectorAll(`input[form="${BULK_FORM}"][name="selected"]:checked`).length, []);
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("decisions.board.heading", { stage: stageName })}</h1>
      <StageReviewSteps callId={call.id} stageId={stage.id} stageName={stageName} />
      <ActionErrors />
      <EligibilityReportNotice />
      <p className="kern-hint">{t("decisions.board.intro", { basis: t(`decisions.basis.${stage.rankingBasis}`) })}</p>

      <BudgetBar budget={board.budget} headingId="budget-heading" />

      {board.lapsed.length > 0 ? (
        <section aria-labelledby="lapsed-heading">
          <h2 id="lapsed-heading">{t("decisions.lapse.heading")}</h2>
          <ul>
            {board.lapsed.map((row) => (
              <li key={row.id}>
                {t("decisions.lapse.item", { network: row.network, date: formatDate(locale, row.acceptBy) })}{" "}
                {step === `lapse-${row.id}` ? (
                  <ConfirmStep
                    question={t("decisions.lapse.question", { network: row.network })}
                    explanation={t("decisions.lapse.explanation")}
                    intent="lapse"
                    hidden={{ applicationId: row.id }}
                    confirmLabel={t("decisions.lapse.button")}
                  />
                ) : (
                  <AskFirstButton step={`lapse-${row.id}`} label={t("decisions.lapse.button")} accessibleLabel={t("decisions.lapse.buttonFor", { network: row.network })} />
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {board.offers.length > 0 ? (
        <section aria-labelledby="offers-heading">
          <h2 id="offers-heading">{t("decisions.moveUp.heading")}</h2>
          <ul>
            {board.offers.map((offer) => (
              <li key={offer.declined.applicationId}>
                {t("decisions.moveUp.declined", { network: offer.declined.network })}{" "}
                {offer.next ? (
                  <>
                    {offer.next.rank === null ? t("decisions.moveUp.nextUnranked", { network: offer.next.network }) : t("decisions.moveUp.next", { network: offer.next.network, rank: offer.next.rank })}{" "}
                    <Link
                      className="kern-btn kern-btn--secondary"
                      to={`/manager/applications/${offer.next.applicationId}/decision?${new URLSearchParams({ outcome: "award", ...(offer.declined.amountCents ? { amount: centsToEuroInput(offer.declined.amountCents) } : {}) })}`}
                    >
                      {t("decisions.moveUp.open", { network: offer.next.network })}
                    </Link>
                  </>
                ) : (
                  t("decisions.moveUp.nobody")
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {board.total === 0 ? (
        <p className="empty">{t("decisions.board.none")}</p>
      ) : (
        <>
          <nav aria-labelledby="decision-counts">
            <h2 id="decision-counts">{t("applicationList.counts")}</h2>
            <ul className="inline-list">
              <li>
                <Link to="?">{t("applicationList.countsAll", { count: board.total })}</Link>
              </li>
              {board.counts.map(({ decision, count }) => (
                <CountLink key={decision} to={`?decision=${decision}`} current={board.filter === decision}>
                  {t("decisions.board.countOf", { decision: t(`decisions.filter.${decision}`), count })}
                </CountLink>
              ))}
            </ul>
          </nav>
          <Form method="get" className="filters" aria-labelledby="decision-filters">
            <h2 id="decision-filters">{t("applicationList.filters")}</h2>
            <FilterSelect id="filter-decision" name="decision" label={t("decisions.board.filter")} value={board.filter} options={boardFilters.map((filter) => ({ value: filter, label: t(`decisions.filter.${filter}`) }))} />
            <FilterButtons filtered={board.filter !== undefined} resetTo="?" />
          </Form>

          {board.applications.length === 0 ? (
            <p className="empty" role="status">
              {t("applicationList.noMatch")}
            </p>
          ) : (
            <TableScroll label={t("decisions.board.caption", { count: board.applications.length })}>
              <table className="application-list">
                <caption>{t("decisions.board.caption", { count: board.applications.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("eligibility.column.select")}</th>
                    <th scope="col">{t("decisions.column.rank")}</th>
                    <th scope="col">{t("applicationList.column.network")}</th>
                    <th scope="col">{t("decisions.column.score")}</th>
                    <th scope="col">{t("applicationList.column.state")}</th>
                    <th scope="col">{t("decisions.column.decision")}</th>
                  </tr>
                </thead>
                <tbody>
                  {board.applications.map((row) => (
                    <tr key={row.id}>
                      <td>
                        {row.decidable ? <SelectionBox row={row} form={BULK_FORM} ticked={ticked} /> : null}
                      </td>
                      <td>{row.rank ?? "–"}</td>
                      <th scope="row">
                        <Link to={`/manager/applications/${row.id}/decision`}>{row.network.name}</Link>
                        {row.title ? <div className="kern-hint">{row.title}</div> : null}
                      </th>
                      <td>{row.score === null ? "–" : formatScore(locale, row.score)}</td>
                      <td>
                        <ApplicationStateLabel state={row.state} />
                      </td>
                      <td>
                        <DecisionLabel decision={row.decision} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}

      {decidable.length > 0 ? (
        <section aria-labelledby="bulk-heading">
          <h2 id="bulk-heading">{t("decisions.bulk.heading")}</h2>
          <p className="kern-hint">{t("decisions.bulk.hint")}</p>
          <SetupForm id={BULK_FORM} intent="decide" schema={bulkDecisionSchema} labelledBy="bulk-heading" submitLabel={t("decisions.bulk.submit")}>
            <SelectionErrors />
            <DecisionFields formId={BULK_FORM} choices={board.choices} call={call} budget={board.budget} outline={stage.kind === "OUTLINE"} count={tickedCount} />
          </SetupForm>
        </section>
      ) : null}
    </>
  );
}
