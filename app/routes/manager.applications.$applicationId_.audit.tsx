import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { trailQuerySchema } from "~/forms/audit-trail";
import { requireRole } from "~/server/accounts/session.server";
import { loadApplicationTrail } from "~/server/audit-trail/trail.server";
import { AuditTrailTable, OlderStepsLink } from "~/components/audit-trail";
import { useT } from "~/components/use-t";
import { titleText } from "~/components/page-title";

// The trailing underscore keeps this page out of the application page's layout (it renders no outlet).

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleText(matches, data?.application.network ?? "");

const managerRoles = ["MANAGER", "ADMIN"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, managerRoles);
  const query = trailQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return loadApplicationTrail(user, params.applicationId ?? "", query);
}

export default function ApplicationAuditTrail() {
  const t = useT();
  const { application, entries, older } = useLoaderData<typeof loader>();
  const heading = t("trail.application.heading", { network: application.network, stage: t(`stageKind.${application.stageKind}`) });
  return (
    <>
      <p>
        <Link to={`/manager/applications/${application.id}`}>{application.network}</Link> ·{" "}
        <Link to={`/manager/calls/${application.call.id}/audit`}>{t("trail.call.link")}</Link>
      </p>
      <h1>{heading}</h1>
      {application.title ? <p className="lead">{application.title}</p> : null}
      <p>{t("trail.application.intro")}</p>
      <AuditTrailTable entries={entries} showConcerns={false} label={heading} />
      <OlderStepsLink older={older} kind={null} />
    </>
  );
}
