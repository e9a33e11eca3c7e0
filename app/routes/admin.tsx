import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { listAccounts } from "~/server/accounts/accounts.server";
import { programmesManagedBy } from "~/server/calls/calls.server";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDate } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  const [accounts, programmes] = await Promise.all([listAccounts(), programmesManagedBy(user)]);
  return { accounts, programmes: programmes.map((programme) => ({ id: programme.id, name: programme.name, funder: programme.funder, calls: programme.calls.length })) };
}

export default function AdminStart() {
  const t = useT();
  const locale = useLocale();
  const { accounts, programmes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>
        <Link to="/invitations">{t("invite.title")}</Link>
      </p>
      <h2>{t("admin.programmes")}</h2>
      <TableScroll label={t("admin.programmes")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("field.programme")}</th>
            <th scope="col">{t("calls.funder")}</th>
            <th scope="col">{t("manager.calls")}</th>
          </tr>
        </thead>
        <tbody>
          {programmes.map((programme) => (
            <tr key={programme.id}>
              <td>{programme.name}</td>
              <td>{programme.funder}</td>
              <td>{programme.calls}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <h2>{t("admin.users")}</h2>
      <p>{t("admin.userCount", { count: accounts.length })}</p>
      <TableScroll label={t("admin.users")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("field.name")}</th>
            <th scope="col">{t("admin.email")}</th>
            <th scope="col">{t("admin.role")}</th>
            <th scope="col">{t("admin.verified")}</th>
            <th scope="col">{t("admin.created")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.name}</td>
              <td>{account.email}</td>
              <td>{t(`role.${account.role}`)}</td>
              <td>{account.emailVerifiedAt ? t("admin.yes") : t("admin.no")}</td>
              <td>{formatDate(locale, account.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}
