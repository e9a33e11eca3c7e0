import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { managerOverview } from "~/server/calls/calls.server";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { CallStatusLabel } from "~/components/application-state";
import type { ReactNode } from "react";
import { formatDateTime } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "manager.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["MANAGER"]);
  return managerOverview(user);
}

type Overview = ReturnType<typeof useLoaderData<typeof loader>>;

interface StageColumn<Stage> {
  header: string;
  cell: (stage: Stage) => ReactNode;
}

/** A table of stages that need the manager: the call and the stage first, then what matters for this list. */
function StageTable<Stage extends { call: { id: string; title: string }; kind: "SINGLE" | "OUTLINE" | "FULL_PROPOSAL" }>(props: {
  caption: string;
  stages: Stage[];
  columns: StageColumn<Stage>[];
}) {
  const t = useT();
  return (
    <TableScroll label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("managerStart.call")}</th>
            <th scope="col">{t("calls.stage")}</th>
            {props.columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.stages.map((stage) => (
            <tr key={`${stage.call.id}-${stage.kind}`}>
              <th scope="row">
                <Link to={`/manager/calls/${stage.call.id}`}>{stage.call.title}</Link>
              </th>
              <td>{t(`stageKind.${stage.kind}`)}</td>
              {props.columns.map((column) => (
                <td key={column.header}>{column.cell(stage)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Stages open now, soonest deadline first; those closing soon are marked. */
function OpenStages({ stages }: { stages: Overview["openNow"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <StageTable
      caption={t("managerStart.openNow")}
      stages={stages}
      columns={[
        {
          header: t("calls.deadline"),
          cell: (stage) => (
            <>
              {formatDateTime(locale, stage.closesAt)} · {t("managerStart.daysLeft", { count: stage.daysLeft })}
              {stage.closingSoon ? (
                <>
                  {" "}
                  <span className="badge">{t("managerStart.closingSoon")}</span>
                </>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function OpeningStages({ stages, withinDays }: { stages: Overview["openingSoon"]; withinDays: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <StageTable
      caption={t("managerStart.openingSoon", { count: withinDays })}
      stages={stages}
      columns={[
        { header: t("calls.opensAt"), cell: (stage) => formatDateTime(locale, stage.opensAt) },
        { header: t("calls.deadline"), cell: (stage) => formatDateTime(locale, stage.closesAt) },
      ]}
    />
  );
}

/** Closed stages whose submitted applications wait for the eligibility check, with a link to them. */
function AwaitingChecks({ stages }: { stages: Overview["awaitingEligibilityCheck"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <StageTable
      caption={t("managerStart.awaitingCheck")}
      stages={stages}
      columns={[
        { header: t("managerStart.closedAt"), cell: (stage) => formatDateTime(locale, stage.closesAt) },
        {
          header: t("manager.applications"),
          cell: (stage) => (
            <Link
              to={`/manager/calls/${stage.call.id}/stages/${stage.stageId}/eligibility`}
              aria-label={t("managerStart.submittedUncheckedOf", { count: stage.submitted, title: stage.call.title })}
            >
              {t("managerStart.submittedUnchecked", { count: stage.submitted })}
            </Link>
          ),
        },
      ]}
    />
  );
}

function CallTable({ calls, caption }: { calls: Overview["programmes"][number]["current"]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("calls.title")}</th>
            <th scope="col">{t("mailbox.status")}</th>
            <th scope="col">{t("calls.deadline")}</th>
            <th scope="col">{t("manager.applications")}</th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.id}>
              <th scope="row">
                <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
              </th>
              <td>
                <CallStatusLabel status={call.status} />
              </td>
              <td>{call.closesAt ? formatDateTime(locale, call.closesAt) : ""}</td>
              <td>
                <Link to={`/manager/calls/${call.id}/applications`} aria-label={t("callSetup.applicationsOf", { title: call.title, count: call.applications })}>
                  {call.applications}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function ManagerStart() {
  const t = useT();
  const { openNow, openingSoon, openingSoonDays, awaitingEligibilityCheck, programmes } = useLoaderData<typeof loader>();
  const nothingToDo = openNow.length === 0 && openingSoon.length === 0 && awaitingEligibilityCheck.length === 0;
  return (
    <>
      <h1>{t("manager.title")}</h1>
      <p>
        {programmes.length > 0 ? (
          <>
            <Link to="/manager/calls/new" className="kern-btn kern-btn--primary">
              {t("callSetup.new.title")}
            </Link>{" "}
          </>
        ) : null}
        <Link to="/invitations">{t("invite.title")}</Link>
      </p>
      {programmes.length === 0 ? (
        <p className="empty">{t("manager.noProgrammes")}</p>
      ) : (
        <section aria-labelledby="todo-heading">
          <h2 id="todo-heading">{t("managerStart.todo")}</h2>
          {nothingToDo ? <p className="empty">{t("managerStart.nothingToDo")}</p> : null}
          {openNow.length > 0 ? <OpenStages stages={openNow} /> : null}
          {openingSoon.length > 0 ? <OpeningStages stages={openingSoon} withinDays={openingSoonDays} /> : null}
          {awaitingEligibilityCheck.length > 0 ? <AwaitingChecks stages={awaitingEligibilityCheck} /> : null}
        </section>
      )}
      {programmes.map((programme) => (
        <section key={programme.id} aria-labelledby={`programme-${programme.id}`}>
          <h2 id={`programme-${programme.id}`}>{programme.name}</h2>
          <p><Link to={`/manager/programmes/${programme.id}/expertise`}>{t("reviewJury.expertise.link")}</Link></p>
          {programme.current.length === 0 && programme.archived.length === 0 ? <p className="empty">{t("manager.noCalls")}</p> : null}
          {programme.current.length > 0 ? (
            <CallTable calls={programme.current} caption={t("managerStart.current")} />
          ) : programme.archived.length > 0 ? (
            <p className="empty">{t("managerStart.noCurrent")}</p>
          ) : null}
          {programme.archived.length > 0 ? <CallTable calls={programme.archived} caption={t("managerStart.archived")} /> : null}
        </section>
      ))}
    </>
  );
}
