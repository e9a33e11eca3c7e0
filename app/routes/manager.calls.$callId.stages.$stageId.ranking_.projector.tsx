import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadProjector } from "~/server/ranking/ranking.server";
import { requireCallSetupUser } from "~/server/calls/setup-replies.server";
import { DecisionCell } from "~/components/ranking/ranking-table";
import { DiscussionMark, formatScore } from "~/components/review/review-figures";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ranking.projector.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCallSetupUser(request);
  return loadProjector(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" });
}

const scores = [
  ["RAW", "raw"],
  ["STANDARDISED", "standardised"],
  ["LENIENCY", "leniency"],
] as const;

/**
 * The shortlist on the wall of the jury meeting: large type, high contrast, one card per application
 * in rank order. It shows what the room discusses and nothing about who judged how.
 */
export default function ShortlistProjector() {
  const t = useT();
  const locale = useLocale();
  const { call, stage, rows } = useLoaderData<typeof loader>();
  return (
    <div className="projector">
      <p>
        <Link to={`/manager/calls/${call.id}/stages/${stage.id}/ranking`}>{t("ranking.projector.back")}</Link>
      </p>
      <h1>{t("ranking.projector.heading", { call: call.title })}</h1>
      <p>{t("ranking.projector.basis", { basis: t(`ranking.basis.${stage.rankingBasis}`) })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("ranking.projector.none")}</p>
      ) : (
        <ol className="projector-list">
          {rows.map((row) => (
            <li key={row.id}>
              <span className="projector-rank" aria-label={t("ranking.column.rank")}>
                {row.rank ?? t("ranking.noRank")}
              </span>
              <div>
                <h2>{row.network}</h2>
                <p>{t(`bundesland.${row.bundesland as "BW"}`)}</p>
                <p className="projector-scores">
                  {scores.map(([basis, key]) => (
                    <span key={basis} className={basis === stage.rankingBasis ? "basis" : undefined}>
                      {t("ranking.projector.score", { label: t(`ranking.basis.short.${basis}`), value: formatScore(locale, row[key]) })}
                    </span>
                  ))}
                </p>
                <p>
                  {t("ranking.projector.reviews", { count: row.submitted })} {row.disagreement ? <DiscussionMark /> : null}
                </p>
                {row.decision ? (
                  <div className="projector-decision">
                    <DecisionCell decision={row.decision} />
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
