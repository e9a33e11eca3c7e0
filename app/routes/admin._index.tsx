import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { listAccountsForAdmin } from "~/server/accounts/admin-accounts.server";
import { listProgrammesForAdmin } from "~/server/programmes/programmes.server";
import { accountFilterSchema, accountStatuses, userRoles } from "~/forms/admin-schemas";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDate } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["ADMIN"]);
  const filter = accountFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [accounts, programmes] = await Promise.all([listAccountsForAdmin(user, filter), listProgrammesForAdmin(user)]);
  return { filter, ...accounts, programmes, self: user.id };
}

export default function AdminStart() {
  const t = useT();
  const locale = useLocale();
  const { accounts, total, truncated, filter, programmes, self } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.q || filter.role || filter.status);
  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <p>
        <Link to="/invitations">{t("invite.title")}</Link>
      </p>

      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">{t("admin.programmes")}</h2>
        <p>
          <Link to="/admin/programmes/new">{t("admin.programmes.new")}</Link>
        </p>
        {programmes.length === 0 ? (
          <p className="empty">{t("admin.programmes.none")}</p>
        ) : (
          <TableScroll label={t("admin.programmes")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("field.programme")}</th>
                <th scope="col">{t("calls.funder")}</th>
                <th scope="col">{t("admin.programmes.managers")}</th>
                <th scope="col">{t("manager.calls")}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => (
                <tr key={programme.id}>
                  <th scope="row">
                    <Link to={`/admin/programmes/${programme.id}`}>{programme.name}</Link>
                  </th>
                  <td>{programme.funder}</td>
                  <td>{programme.managers.length > 0 ? programme.managers.map((manager) => manager.name).join(", ") : t("admin.programmes.nobody")}</td>
                  <td>{t("admin.programmes.calls", { count: programme.calls })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t("admin.users")}</h2>
        <Form method="get" role="search" aria-label={t("admin.accounts.filter")}>
          <div className="field">
            <label htmlFor="accounts-q">{t("admin.accounts.search")}</label>
            <input id="accounts-q" name="q" type="search" defaultValue={filter.q} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="accounts-role">{t("field.role")}</label>
            <select id="accounts-role" name="role" defaultValue={filter.role ?? ""}>
              <option value="">{t("admin.accounts.anyRole")}</option>
              {userRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="accounts-status">{t("admin.status")}</label>
            <select id="accounts-status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("admin.accounts.anyStatus")}</option>
              {accountStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`admin.status.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="kern-btn kern-btn--secondary">{t("admin.accounts.apply")}</button>
          {filtered ? <Link to="/admin">{t("admin.accounts.reset")}</Link> : null}
        </Form>
        <p role="status">{filtered ? t("admin.accounts.found", { count: total }) : t("admin.userCount", { count: total })}</p>
        {truncated ? <p>{t("admin.accounts.truncated", { count: accounts.length })}</p> : null}
        {accounts.length === 0 ? (
          <p className="empty">{t("admin.accounts.none")}</p>
        ) : (
          <TableScroll label={t("admin.accounts.caption")}>
          <table>
            <caption>{t("admin.accounts.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("field.name")}</th>
                <th scope="col">{t("admin.email")}</th>
                <th scope="col">{t("admin.role")}</th>
                <th scope="col">{t("admin.status")}</th>
                <th scope="col">{t("admin.created")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    <Link to={`/admin/accounts/${account.id}`}>{account.name}</Link>
                    {account.id === self ? ` ${t("admin.you")}` : null}
                  </th>
                  <td>{account.email}</td>
                  <td>{t(`role.${account.role}`)}</td>
                  <td>{t(`admin.status.${account.status}`)}</td>
                  <td>{formatDate(locale, account.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
