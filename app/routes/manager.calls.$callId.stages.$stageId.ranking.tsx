import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { decisionFilters, parseRankingQuery, rankingBases, rankingBasisSchema, rankingSearch, shortlistSchema } from "~/forms/ranking";
import { packRows, unpackRows } from "~/forms/ranking-rows";
import { changeRankingBasis, loadRanking, setShortlisted } from "~/server/ranking/ranking.server";
import { handleSetupForm, intentOf, requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { readProtectedForm } from "~/server/web/csrf.server";
import { ActionErrors, SetupForm } from "~/components/calls/setup-form";
import { ChoiceGroup } from "~/components/calls/fields";
import { Notice } from "~/components/forms";
import { FilterButtons, FilterSelect } from "~/components/applications/list-filters";
import { StageStepHeading } from "~/components/review/stage-step-heading";
import { JurorLeniencyTable, RankingTable } from "~/components/ranking/ranking-table";
import { StageExportLinks } from "~/components/exports/stage-export-links";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

/** Sorting, filters, the basis and the shortlist are links and plain forms: the page needs no script. */
export const handle = { withoutScripts: true };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ranking.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const query = parseRankingQuery(new URL(request.url).searchParams);
  return packRows(await loadRanking(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, query, user.locale));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCallSetupUser(request);
  const formData = await readProtectedForm(request);
  const ref = { callId: params.callId ?? "", stageId: params.stageId ?? "" };
  // Back to the same view (filters and sort kept), with a word of what changed.
  const back = (done: "basis" | "shortlist") => {
    const here = new URL(request.url);
    here.searchParams.set("done", done);
    return redirect(`${here.pathname}${here.search}`);
  };
  switch (intentOf(formData)) {
    case "basis":
      return handleSetupForm(formData, { formId: "basis", schema: rankingBasisSchema, locale: user.locale }, async ({ basis }) => {
        await changeRankingBasis(user, ref, basis);
        return back("basis");
      });
    case "shortlist":
      return handleSetupForm(formData, { formId: "action", schema: shortlistSchema, locale: user.locale }, async ({ shortlist }) => {
        await setShortlisted(user, ref, shortlist);
        return back("shortlist");
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function StageRanking() {
  const t = useT();
  const packed = useLoaderData<typeof loader>();
  const rows = useMemo(() => unpackRows(packed.rows), [packed.rows]);
  const page = { ...packed, rows };
  const [searchParams] = useSearchParams();
  const done = (["basis", "shortlist"] as const).find((notice) => notice === searchParams.get("done"));
  const { call, stage, query } = page;
  const stageName = t(`stageKind.${stage.kind}`);
  const base = `/manager/calls/${call.id}/stages/${stage.id}`;
  const filtered = query.land !== undefined || query.state !== undefined || query.decision !== undefined || query.flag !== undefined || query.shortlist !== undefined;
  const belowMinimum = page.jurors.filter((juror) => !juror.standardised);
  return (
    <>
      <StageStepHeading call={call} stage={stage} stageName={stageName} heading={t("ranking.heading", { stage: stageName })} />
      <p>{t("ranking.intro")}</p>
      <ul className="inline-list">
        <li>
          <Link to={`${base}/ranking/projector`}>{t("ranking.toProjector")}</Link>
        </li>
        <li>
          <Link to={`${base}/decisions`}>{t("ranking.toDecisions")}</Link>
        </li>
      </ul>
      {done ? <Notice>{t(`ranking.done.${done}`)}</Notice> : null}
      <ActionErrors />

      <section aria-labelledby="basis-heading">
        <h2 id="basis-heading">{t("ranking.basis.heading")}</h2>
        <p>{t("ranking.basis.current", { basis: t(`ranking.basis.${stage.rankingBasis}`) })}</p>
        <SetupForm id="basis" intent="basis" schema={rankingBasisSchema} defaultValue={{ basis: stage.rankingBasis }} submitLabel={t("ranking.basis.save")} labelledBy="basis-heading">
          <ChoiceGroup name="basis" type="radio" legend={t("ranking.basis.legend")} options={rankingBases.map((basis) => ({ value: basis, label: t(`ranking.basis.${basis}`) }))} />
        </SetupForm>
        <details className="ranking-method">
          <summary>{t("ranking.method.summary")}</summary>
          <p>{t("ranking.method.why")}</p>
          <h3>{t("ranking.method.standardisedHeading")}</h3>
          <p>{t("ranking.method.standardised", { min: page.minReviewsForStandardisation })}</p>
          <p>
            {belowMinimum.length > 0
              ? t("ranking.method.belowMinimum", { count: belowMinimum.length, min: page.minReviewsForStandardisation, names: belowMinimum.map((juror) => juror.name).join(", ") })
              : page.jurors.length > 0
                ? t("ranking.method.allStandardised")
                : null}
          </p>
          <h3>{t("ranking.method.leniencyHeading")}</h3>
          <p>{t("ranking.method.leniency")}</p>
          <h3>{t("ranking.jurors.heading")}</h3>
          <JurorLeniencyTable jurors={page.jurors} />
        </details>
      </section>

      {page.total === 0 ? (
        <p className="empty">{t("ranking.none")}</p>
      ) : (
        <section aria-labelledby="ranking-table-heading">
          <h2 id="ranking-table-heading">{t("ranking.tableLabel")}</h2>
          <p>{t("ranking.shortlistCount", { count: page.shortlisted })}</p>
          {/* Keyed by the address: after a client-side navigation the selects show the new filters, not the old ones. */}
          <Form key={rankingSearch(query)} method="get" className="filters" aria-labelledby="ranking-filters">
            <h3 id="ranking-filters">{t("ranking.filter.heading")}</h3>
            <FilterSelect id="filter-land" name="land" label={t("ranking.column.bundesland")} value={query.land} options={page.lands.map((land) => ({ value: land, label: t(`bundesland.${land as "BW"}`) }))} />
            <FilterSelect id="filter-state" name="state" label={t("ranking.column.state")} value={query.state} options={page.states.map((state) => ({ value: state, label: t(`applicationState.${state}`) }))} />
            <FilterSelect
              id="filter-decision"
              name="decision"
              label={t("ranking.filter.decision")}
              value={query.decision}
              options={decisionFilters.map((value) => ({ value, label: value === "none" ? t("ranking.filter.decisionNone") : t(`ranking.outcome.${value}`) }))}
            />
            <FilterSelect id="filter-flag" name="flag" label={t("ranking.filter.flag")} value={query.flag} options={[{ value: "disagreement", label: t("ranking.filter.disagreement") }]} />
            <FilterSelect id="filter-shortlist" name="shortlist" label={t("ranking.filter.shortlist")} value={query.shortlist} options={[{ value: "only", label: t("ranking.filter.shortlistOnly") }]} />
            {query.sort !== "rank" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            <FilterButtons filtered={filtered} resetTo={rankingSearch(query, { land: undefined, state: undefined, decision: undefined, flag: undefined, shortlist: undefined })} />
          </Form>
          <p className="kern-hint">{t("ranking.criteriaLegend", { min: page.scale.min, max: page.scale.max })}</p>
          <p className="kern-hint">{t("ranking.recommendationsLegend")}</p>
          {page.rows.length === 0 ? (
            <p className="empty" role="status">
              {t("ranking.noMatch")}
            </p>
          ) : (
            <RankingTable page={page} />
          )}
        </section>
      )}
      {page.total > 0 ? <StageExportLinks callId={call.id} stageId={stage.id} basis={stage.rankingBasis} /> : null}
    </>
  );
}
