import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCallApplications } from "~/server/applications/call-applications.server";
import { requireRole } from "~/server/accounts/session.server";
import { ApplicationStateLabel } from "~/components/application-state";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "managerApplications.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["MANAGER", "ADMIN"]);
  return listCallApplications(user, params.callId ?? "");
}

export default function CallApplications() {
  const t = useT();
  const locale = useLocale();
  const { call, applications } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("managerApplications.heading", { title: call.title })}</h1>
      {applications.length === 0 ? (
        <p className="empty">{t("managerApplications.none")}</p>
      ) : (
        <TableScroll label={t("managerApplications.caption", { count: applications.length })}>
        <table>
          <caption>{t("managerApplications.caption", { count: applications.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("managerApplications.network")}</th>
              <th scope="col">{t("calls.stage")}</th>
              <th scope="col">{t("managerApplications.state")}</th>
              <th scope="col">{t("managerApplications.submittedAt")}</th>
              <th scope="col">{t("managerApplications.receipt")}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id}>
                <th scope="row">
                  <Link to={`/manager/applications/${application.id}`}>{application.network.name}</Link>
                  {application.title ? <div className="kern-hint">{application.title}</div> : null}
                </th>
                <td>{t(`stageKind.${application.stage.kind}`)}</td>
                <td>
                  <ApplicationStateLabel state={application.state} />
                  {application.deadlineExtendedUntil ? (
                    <div className="kern-hint">{t("managerApplications.extendedUntil", { until: formatDateTime(locale, application.deadlineExtendedUntil) })}</div>
                  ) : null}
                </td>
                <td>{application.submittedAt ? formatDateTime(locale, application.submittedAt) : "–"}</td>
                <td>{application.receiptNumber ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
    </>
  );
}
