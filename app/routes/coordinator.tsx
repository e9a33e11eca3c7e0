import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { landOverview } from "~/server/networks/networks.server";
import { useT } from "~/components/use-t";
import { ApplicationStateLabel } from "~/components/application-state";
import { pageTitle } from "~/components/page-title";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "role.STATE_COORDINATOR");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["STATE_COORDINATOR"]);
  return landOverview(user);
}

export default function CoordinatorStart() {
  const t = useT();
  const { bundesland, networks, shared } = useLoaderData<typeof loader>();
  const land = bundesland ? t(`bundesland.${bundesland}`) : "–";
  return (
    <>
      <h1>{t("coordinator.title", { land })}</h1>
      <h2>{t("coordinator.shared")}</h2>
      {shared.length === 0 ? (
        <p className="empty">{t("coordinator.noShared")}</p>
      ) : (
        <ul>
          {shared.map((application) => (
            <li key={application.id}>
              {application.network.name}: {application.call.title} <ApplicationStateLabel state={application.state} />
            </li>
          ))}
        </ul>
      )}
      <h2>{t("coordinator.networks", { land })}</h2>
      <TableScroll label={t("coordinator.networks", { land })}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("nav.network")}</th>
            <th scope="col">{t("field.region")}</th>
            <th scope="col">{t("applicant.partners")}</th>
            <th scope="col">{t("manager.applications")}</th>
          </tr>
        </thead>
        <tbody>
          {networks.map((network) => (
            <tr key={network.id}>
              <td>{network.name}</td>
              <td>{network.region}</td>
              <td>{network._count.partners}</td>
              <td>{network._count.applications}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}
