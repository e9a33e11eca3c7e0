import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { programmesManagedBy } from "~/server/calls/calls.server";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { CallStatusLabel } from "~/components/application-state";
import { formatDateTime } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "manager.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["MANAGER"]);
  return { programmes: await programmesManagedBy(user) };
}

export default function ManagerStart() {
  const t = useT();
  const locale = useLocale();
  const { programmes } = useLoaderData<typeof loader>();
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
      {programmes.length === 0 ? <p className="empty">{t("manager.noProgrammes")}</p> : null}
      {programmes.map((programme) => (
        <section key={programme.id} aria-labelledby={`programme-${programme.id}`}>
          <h2 id={`programme-${programme.id}`}>{programme.name}</h2>
          {programme.calls.length === 0 ? (
            <p className="empty">{t("manager.noCalls")}</p>
          ) : (
            <TableScroll label={t("manager.calls")}>
            <table>
              <caption>{t("manager.calls")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("calls.title")}</th>
                  <th scope="col">{t("mailbox.status")}</th>
                  <th scope="col">{t("calls.deadline")}</th>
                  <th scope="col">{t("manager.applications")}</th>
                </tr>
              </thead>
              <tbody>
                {programme.calls.map((call) => (
                  <tr key={call.id}>
                    <td>
                      <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
                    </td>
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
          )}
        </section>
      ))}
    </>
  );
}
