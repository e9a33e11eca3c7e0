import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { networksOfMember } from "~/server/networks/networks.server";
import { applicationsOfMember } from "~/server/applications/applications.server";
import { releasedOutcomesOf } from "~/server/outcomes/network-outcome.server";
import { listPublicCalls } from "~/server/calls/calls.server";
import { isOpenToLand } from "~/forms/call-openness";
import { CallList } from "~/components/call-card";
import { ApplicationStateLabel } from "~/components/application-state";
import { OutcomePanel } from "~/components/outcomes/outcome-panel";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "applicant.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["APPLICANT"]);
  const [networks, applications, calls] = await Promise.all([networksOfMember(user), applicationsOfMember(user), listPublicCalls()]);
  const outcomes = await releasedOutcomesOf(user, applications.map((application) => application.id));
  // Calls limited to some Länder are offered only to networks from there.
  const openCalls = networks.length === 0 ? calls.open : calls.open.filter((call) => networks.some((network) => isOpenToLand(call.openToBundeslaender, network.bundesland)));
  return { networks, applications, outcomes: [...outcomes.values()], openCalls, now: new Date() };
}

export default function ApplicantStart() {
  const t = useT();
  const locale = useLocale();
  const { networks, applications, outcomes, openCalls, now } = useLoaderData<typeof loader>();
  const missingText = (count: number) =>
    count === 0 ? t("applications.list.complete") : t("applications.list.missingCount", { count });
  // The server's clock decides, as it does for submitting; a draft past its deadline has nothing left to fill in.
  const isClosed = (deadline: Date | string) => new Date(deadline) <= new Date(now);
  return (
    <>
      <h1>{t("applicant.title")}</h1>
      {networks.length === 0 ? <p className="empty">{t("applicant.noNetwork")}</p> : null}
      {networks.map((network) => (
        <section key={network.id} aria-labelledby={`network-${network.id}`}>
          <h2 id={`network-${network.id}`}>
            {network.name} <span className="tag">{t(`bundesland.${network.bundesland}`)}</span>
          </h2>
          {applications.every((application) => application.network.id !== network.id) ? (
            <p className="empty">{t("applicant.noApplications")}</p>
          ) : (
            <TableScroll label={t("applicant.title")}>
            <table>
              <caption>{t("applicant.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("applicant.application.call")}</th>
                  <th scope="col">{t("calls.stage")}</th>
                  <th scope="col">{t("applicant.application.state")}</th>
                  <th scope="col">{t("calls.deadline")}</th>
                  <th scope="col">{t("applications.list.missing")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("applications.list.open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {applications
                  .filter((application) => application.network.id === network.id)
                  .map((application) => (
                    <tr key={application.id}>
                      <td>
                        <Link to={`/calls/${application.call.slug}`}>{application.call.title}</Link>
                      </td>
                      <td>{t(`stageKind.${application.stageKind}`)}</td>
                      <td>
                        <ApplicationStateLabel state={application.state} />
                        {application.receiptNumber ? ` ${application.receiptNumber}` : ""}
                        {application.ineligibleReason ? <div className="kern-hint">{t("eligibility.network.reason", { reason: application.ineligibleReason })}</div> : null}
                      </td>
                      <td>
                        {formatDateTime(locale, application.deadline)}
                        {application.extended ? ` (${t("applications.deadline.extended")})` : ""}
                        {isClosed(application.deadline) ? ` · ${t("applications.countdown.over")}` : ""}
                      </td>
                      <td>{application.missing === null || isClosed(application.deadline) ? "–" : missingText(application.missing)}</td>
                      <td>
                        <Link to={`/applications/${application.id}`}>
                          {t(application.state === "draft" ? "applications.list.edit" : "applications.list.view", { call: application.call.title })}
                        </Link>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            </TableScroll>
          )}
          {applications
            .filter((application) => application.network.id === network.id)
            .map((application) => {
              const outcome = outcomes.find((candidate) => candidate.applicationId === application.id);
              return outcome ? <OutcomePanel key={application.id} outcome={outcome} headingLevel={3} context={application.call.title} /> : null;
            })}
          <p>
            <Link to={`/network?network=${network.id}`}>{t("applications.list.networkLink")}</Link>
          </p>
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
      {applications.length > 0 ? <p className="kern-hint">{t("calls.timezoneNote")}</p> : null}
      <h2>{t("applicant.openCalls")}</h2>
      <CallList calls={openCalls} empty={t("calls.noneOpen")} />
    </>
  );
}
