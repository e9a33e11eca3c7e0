import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { trailQuerySchema } from "~/forms/audit-trail";
import { requireRole } from "~/server/accounts/session.server";
import { loadCallTrail } from "~/server/audit-trail/trail.server";
import { AuditTrailTable, OlderStepsLink, TrailKindFilter } from "~/components/audit-trail";
import { StageExportLinks } from "~/components/exports/stage-export-links";
import { useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.call.title ?? "");

const managerRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  const query = trailQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return loadCallTrail(user, params.callId ?? "", query);
}

export default function CallAuditTrail() {
  const t = useT();
  const { call, kind, entries, older } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("trail.call.heading", { title: call.title })}</h1>
      <p className="lead">{t("trail.call.intro")}</p>
      <TrailKindFilter kind={kind} />
      <h2>{kind ? t(`trail.kind.${kind}`) : t("trail.kind.all")}</h2>
      <AuditTrailTable entries={entries} showConcerns label={t("trail.call.heading", { title: call.title })} />
      <OlderStepsLink older={older} kind={kind} />
      {/* The exports of each stage under review, reachable from here until the ranking page links them too. */}
      {call.stages.map((stage) => (
        <StageExportLinks key={stage.id} callId={call.id} stageId={stage.id} basis={stage.rankingBasis} stageName={call.stages.length > 1 ? t(`stageKind.${stage.kind}`) : null} />
      ))}
    </>
  );
}
