import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { juryWorkOf } from "~/server/review/jury-work.server";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { TableScroll } from "~/components/forms";
import { DeadlineCountdown } from "~/components/applications/deadline-countdown";
import { ReviewStateLabel } from "~/components/review/review-state";
import { formatDateTime, isMessageKey } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "juror.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["JUROR"]);
  return { stages: await juryWorkOf(user), now: new Date() };
}

export default function JurorStart() {
  const t = useT();
  const locale = useLocale();
  const { stages, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("juror.title")}</h1>
      {stages.length === 0 ? <p className="empty">{t("juror.noJuries")}</p> : null}
      {stages.map((stage) => {
        const headingId = `stage-${stage.stageId}`;
        const stageName = t(`stageKind.${stage.stageKind}`);
        return (
          <section key={stage.stageId} aria-labelledby={headingId}>
            <h2 id={headingId}>
              {stage.callTitle} · {stageName}
            </h2>
            <dl className="facts">
              <dt>{t("reviewJuror.start.progress")}</dt>
              <dd>{t("reviewJuror.start.progressValue", { done: stage.done, count: stage.assignments.length })}</dd>
              <dt>{t("reviewJuror.start.deadline")}</dt>
              <dd>
                {stage.reviewDueAt ? (
                  <>
                    {t("reviewJuror.berlinTime", { time: formatDateTime(locale, stage.reviewDueAt) })} · <DeadlineCountdown deadline={stage.reviewDueAt} serverNow={now} />
                  </>
                ) : (
                  t("reviewJuror.start.noDeadline")
                )}
              </dd>
            </dl>
            {stage.undeclared > 0 ? (
              <p className="notice">
                {t("reviewJuror.start.conflictsOpen", { count: stage.undeclared })}{" "}
                <Link to={`/juror/stages/${stage.stageId}`}>{t("reviewJuror.start.declareConflicts", { stage: stageName })}</Link>
              </p>
            ) : null}
            {stage.assignments.length === 0 ? (
              <p className="empty">{t("juror.noAssignments")}</p>
            ) : (
              <TableScroll label={t("reviewJuror.start.assignments", { stage: stageName })}>
                <table aria-labelledby={headingId}>
                  <thead>
                    <tr>
                      <th scope="col">{t("reviewJuror.start.application")}</th>
                      <th scope="col">{t("field.bundesland")}</th>
                      <th scope="col">{t("reviewJuror.start.state")}</th>
                      <th scope="col">{t("reviewJuror.start.due")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stage.assignments.map((assignment) => {
                      const name = [assignment.title, assignment.networkName].filter(Boolean).join(" · ") || t("reviewJuror.untitled");
                      const land = `bundesland.${assignment.bundesland}`;
                      return (
                        <tr key={assignment.id}>
                          <th scope="row">
                            <Link to={`/juror/reviews/${assignment.id}`}>{name}</Link>
                          </th>
                          <td>{isMessageKey(land) ? t(land) : assignment.bundesland}</td>
                          <td>
                            <ReviewStateLabel state={assignment.state} />
                          </td>
                          <td>{assignment.dueAt ? formatDateTime(locale, assignment.dueAt) : "–"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </>
  );
}
