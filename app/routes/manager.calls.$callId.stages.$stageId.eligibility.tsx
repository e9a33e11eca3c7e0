import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { confirmedStepSchema, eligibilityDecisionSchema, eligibilityStates, parseEligibilityQuery, reviseEligibilitySchema, type EligibilityQuery } from "~/forms/review-eligibility-schemas";
import { decideEligibility, loadEligibility, releaseEligibilityResults, reviseEligibility, startEligibilityCheck } from "~/server/review/eligibility.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { baseUrlOf } from "~/server/web/form-replies.server";
import { wakeOutboxWorker } from "~/server/mail/outbox-worker.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { ActionErrors } from "~/components/calls/setup-form";
import { AskFirstButton, ConfirmStep, useStepToConfirm } from "~/components/confirm-step";
import { Notice } from "~/components/forms";
import { EligibilityReportNotice, EligibilityTable } from "~/components/review/eligibility-table";
import { StageReviewSteps } from "~/components/review/stage-review-steps";
import { CountLink, FilterButtons, FilterSelect } from "~/components/applications/list-filters";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "eligibility.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const query = parseEligibilityQuery(new URL(request.url).searchParams);
  return loadEligibility(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, query, user.locale);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const ref = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  const here = new URL(request.url);
  const form = (formId: string) => ({ formId, locale: user.locale });
  switch (intentOf(formData)) {
    case "start":
      return handleSetupForm(formData, { ...form("action"), schema: confirmedStepSchema }, async ({ confirmed }) =>
        data({ formId: "start", report: await startEligibilityCheck(user, { ...ref, confirmed }) }),
      );
    case "decide": {
      const formId = String(formData.get("formId") ?? "bulk");
      return handleSetupForm(formData, { ...form(formId), schema: eligibilityDecisionSchema }, async (input) => data({ formId, report: await decideEligibility(user, ref, input) }));
    }
    case "revise":
      return handleSetupForm(formData, { ...form("action"), schema: reviseEligibilitySchema }, async ({ selected }) => {
        await reviseEligibility(user, { ...ref, ...selected });
        return redirect(`${here.pathname}${here.search}`);
      });
    case "release":
      return handleSetupForm(formData, { ...form("action"), schema: confirmedStepSchema }, async ({ confirmed }) => {
        await releaseEligibilityResults(user, { ...ref, confirmed }, { baseUrl: baseUrlOf(request) });
        wakeOutboxWorker();
        return redirect(here.pathname);
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

/** The same list with some filters changed, as a link. */
function listSearch(query: EligibilityQuery, change: Partial<EligibilityQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(next)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "?";
}

export default function EligibilityCheck() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const step = useStepToConfirm();
  const { call, stage, query } = page;
  const stageName = t(`stageKind.${stage.kind}`);
  const filtered = query.state !== undefined || query.land !== undefined || query.checked !== undefined;
  const released = stage.eligibilityReleasedAt !== null;
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("eligibility.heading", { stage: stageName })}</h1>
      <StageReviewSteps callId={call.id} stageId={stage.id} stageName={stageName} />
      <ActionErrors />
      <EligibilityReportNotice />

      {!page.deadlinePassed ? <Notice tone="info">{t("eligibility.beforeDeadline", { deadline: formatDateTime(locale, stage.closesAt) })}</Notice> : null}
      {released ? <Notice tone="info">{t("eligibility.released", { at: formatDateTime(locale, stage.eligibilityReleasedAt!) })}</Notice> : null}
      {page.stillOpen > 0 ? <Notice tone="info">{t("eligibility.stillOpen", { count: page.stillOpen })}</Notice> : null}

      {page.deadlinePassed && page.startable > 0 ? (
        <section aria-labelledby="start-heading">
          <h2 id="start-heading">{t("eligibility.start.heading")}</h2>
          <p>{t("eligibility.start.waiting", { count: page.startable })}</p>
          {step === "start" ? (
            <ConfirmStep question={t("eligibility.start.question")} explanation={t("eligibility.start.explanation", { count: page.startable })} intent="start" confirmLabel={t("eligibility.start.button")} />
          ) : (
            <AskFirstButton step="start" label={t("eligibility.start.button")} className="primary" />
          )}
        </section>
      ) : null}

      {page.total === 0 ? (
        <p className="empty">{t("eligibility.none")}</p>
      ) : (
        <>
          <nav aria-labelledby="eligibility-counts">
            <h2 id="eligibility-counts">{t("applicationList.counts")}</h2>
            <ul className="inline-list">
              <li>
                <Link to={listSearch(query, { state: undefined, checked: undefined })}>{t("applicationList.countsAll", { count: page.total })}</Link>
              </li>
              <CountLink to={listSearch(query, { checked: "unchecked" })} current={query.checked === "unchecked"}>
                {t("eligibility.countUnchecked", { count: page.unchecked })}
              </CountLink>
              <CountLink to={listSearch(query, { checked: "checked" })} current={query.checked === "checked"}>
                {t("eligibility.countChecked", { count: page.checked })}
              </CountLink>
              {page.counts.map(({ state, count }) => (
                <CountLink key={state} to={listSearch(query, { state: state as EligibilityQuery["state"] })} current={query.state === state}>
                  {t("applicationList.countOfState", { state: t(`applicationState.${state as NonNullable<EligibilityQuery["state"]>}`), count })}
                </CountLink>
              ))}
            </ul>
          </nav>

          <Form method="get" className="filters" aria-labelledby="eligibility-filters">
            <h2 id="eligibility-filters">{t("applicationList.filters")}</h2>
            <FilterSelect
              id="filter-state"
              name="state"
              label={t("applicationList.column.state")}
              value={query.state}
              options={eligibilityStates.map((state) => ({ value: state, label: t(`applicationState.${state}`) }))}
            />
            <FilterSelect id="filter-land" name="land" label={t("applicationList.column.bundesland")} value={query.land} options={page.lands.map((land) => ({ value: land, label: t(`bundesland.${land}`) }))} />
            <FilterSelect
              id="filter-checked"
              name="checked"
              label={t("eligibility.filterChecked")}
              value={query.checked}
              options={[
                { value: "unchecked", label: t("eligibility.unchecked") },
                { value: "checked", label: t("eligibility.checked") },
              ]}
            />
            <FilterButtons filtered={filtered} resetTo="?" />
          </Form>

          {page.applications.length === 0 ? (
            <p className="empty" role="status">
              {t("applicationList.noMatch")}
            </p>
          ) : (
            <EligibilityTable rows={page.applications} caption={t("eligibility.caption", { count: page.applications.length })} />
          )}
        </>
      )}

      {!released && page.total > 0 ? (
        <section aria-labelledby="release-heading">
          <h2 id="release-heading">{t("eligibility.release.heading")}</h2>
          {page.canRelease ? (
            step === "release" ? (
              <ConfirmStep
                question={t("eligibility.release.question")}
                explanation={t("eligibility.release.explanation", { count: page.checked })}
                intent="release"
                confirmLabel={t("eligibility.release.button")}
              />
            ) : (
              <AskFirstButton step="release" label={t("eligibility.release.button")} className="primary" />
            )
          ) : (
            <p>{t("eligibility.release.notYet", { count: page.unchecked + page.stillOpen })}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
