import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/session.server";
import { networksOfMember } from "~/server/networks.server";
import { listPublicCalls } from "~/server/calls.server";
import { CallList } from "~/components/call-card";
import { ApplicationStateLabel } from "~/components/application-state";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applicant.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["APPLICANT"]);
  const [networks, calls] = await Promise.all([networksOfMember(user), listPublicCalls()]);
  return { networks, openCalls: calls.open };
}

export default function ApplicantStart() {
  const t = useT();
  const locale = useLocale();
  const { networks, openCalls } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("applicant.title")}</h1>
      {networks.length === 0 ? <p className="empty">{t("applicant.noNetwork")}</p> : null}
      {networks.map((network) => (
        <section key={network.id} aria-labelledby={`network-${network.id}`}>
          <h2 id={`network-${network.id}`}>
            {network.name} <span className="badge">{t(`bundesland.${network.bundesland}`)}</span>
          </h2>
          {network.applications.length === 0 ? (
            <p className="empty">{t("applicant.noApplications")}</p>
          ) : (
            <table>
              <caption>{t("applicant.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("applicant.application.call")}</th>
                  <th scope="col">{t("calls.stage")}</th>
                  <th scope="col">{t("applicant.application.state")}</th>
                  <th scope="col">{t("calls.deadline")}</th>
                </tr>
              </thead>
              <tbody>
                {network.applications.map((application) => (
                  <tr key={application.id}>
                    <td>
                      <Link to={`/calls/${application.call.slug}`}>{application.call.title}</Link>
                    </td>
                    <td>{t(`stageKind.${application.stage.kind}`)}</td>
                    <td>
                      <ApplicationStateLabel state={application.state} />
                    </td>
                    <td>{formatDateTime(locale, application.stage.closesAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t("applicant.partners")}</h3>
          {network.partners.length === 0 ? (
            <p className="empty">{t("applicant.noPartners")}</p>
          ) : (
            <ul>
              {network.partners.map((partner) => (
                <li key={partner.id}>
                  {partner.name}
                  {partner.roleInNetwork ? ` – ${partner.roleInNetwork}` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <h2>{t("applicant.openCalls")}</h2>
      <CallList calls={openCalls} empty={t("calls.noneOpen")} />
    </>
  );
}
