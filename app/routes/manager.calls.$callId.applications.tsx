import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { applicationListSearch, parseApplicationListQuery, type ApplicationListQuery, type ApplicationSortColumn } from "~/forms/application-list";
import { listCallApplications } from "~/server/applications/call-applications.server";
import { requireRole } from "~/server/accounts/session.server";
import { ApplicationStateLabel } from "~/components/application-state";
import { CountLink, FilterButtons, FilterSelect } from "~/components/applications/list-filters";
import { useLocale, useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";
import { formatDateTime, formatEuros, type MessageKey } from "~/i18n";
import { TableScroll } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "managerApplications.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["MANAGER", "ADMIN"]);
  const query = parseApplicationListQuery(new URL(request.url).searchParams);
  return listCallApplications(user, params.callId ?? "", query, user.locale);
}

const columnLabel = (column: ApplicationSortColumn): MessageKey => `applicationList.column.${column}`;

/**
 * A column heading that sorts the list by it: a link (so it works without JavaScript) to the same
 * list sorted by this column, ascending first, the other way round when it is already sorted so.
 */
function SortableHeading({ column, query, className }: { column: ApplicationSortColumn; query: ApplicationListQuery; className?: string }) {
  const t = useT();
  const sorted = query.sort === column;
  const next = sorted && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className={className}>
      <Link to={applicationListSearch(query, { sort: column, dir: next })} preventScrollReset>
        {t(columnLabel(column))}
        {sorted ? <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span> : null}
        <span className="visually-hidden">
          {" "}
          ({t(`applicationList.${next}`)} {t("applicationList.sortAction")})
        </span>
      </Link>
    </th>
  );
}

export default function CallApplications() {
  const t = useT();
  const locale = useLocale();
  const { call, applications, query, total, counts, lands } = useLoaderData<typeof loader>();
  const filtered = query.q !== "" || query.state !== undefined || query.land !== undefined;
  return (
    <>
      <p>
        <Link to={`/manager/calls/${call.id}`}>{call.title}</Link>
      </p>
      <h1>{t("managerApplications.heading", { title: call.title })}</h1>
      {total === 0 ? (
        <p className="empty">{t("managerApplications.none")}</p>
      ) : (
        <>
          <nav aria-labelledby="state-counts">
            <h2 id="state-counts">{t("applicationList.counts")}</h2>
            <ul className="inline-list">
              <li>
                <Link to={applicationListSearch(query, { state: undefined })} aria-current={query.state === undefined ? "true" : undefined}>
                  {t("applicationList.countsAll", { count: total })}
                </Link>
              </li>
              {counts.map(({ state, count }) => (
                <CountLink key={state} to={applicationListSearch(query, { state: state as ApplicationListQuery["state"] })} current={query.state === state}>
                  {t("applicationList.countOfState", { state: t(`applicationState.${state as NonNullable<ApplicationListQuery["state"]>}`), count })}
                </CountLink>
              ))}
            </ul>
          </nav>

          <Form method="get" className="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{t("applicationList.filters")}</h2>
            <div className="field">
              <label htmlFor="filter-q">{t("applicationList.search")}</label>
              <p className="kern-hint" id="filter-q-hint">
                {t("applicationList.searchHint")}
              </p>
              <input id="filter-q" name="q" type="search" defaultValue={query.q} aria-describedby="filter-q-hint" autoComplete="off" />
            </div>
            <FilterSelect
              id="filter-state"
              name="state"
              label={t("applicationList.column.state")}
              value={query.state}
              options={counts.map(({ state }) => ({ value: state, label: t(`applicationState.${state as NonNullable<ApplicationListQuery["state"]>}`) }))}
            />
            <FilterSelect id="filter-land" name="land" label={t("applicationList.column.bundesland")} value={query.land} options={lands.map((land) => ({ value: land, label: t(`bundesland.${land}`) }))} />
            {query.sort !== "network" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            <FilterButtons filtered={filtered} resetTo={applicationListSearch(query, { q: "", state: undefined, land: undefined })} />
          </Form>

          {applications.length === 0 ? (
            <p className="empty" role="status">
              {t("applicationList.noMatch")}
            </p>
          ) : (
            <TableScroll label={t("managerApplications.heading", { title: call.title })}>
              <table className="application-list">
                <caption>{t("applicationList.caption", { count: applications.length, column: t(columnLabel(query.sort)), direction: t(`applicationList.${query.dir}`) })}</caption>
                <thead>
                  <tr>
                    <SortableHeading column="network" query={query} />
                    <SortableHeading column="bundesland" query={query} />
                    <th scope="col">{t("calls.stage")}</th>
                    <SortableHeading column="state" query={query} />
                    <SortableHeading column="submittedAt" query={query} />
                    <SortableHeading column="requested" query={query} className="number" />
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
                      <td>{t(`bundesland.${application.network.bundesland}`)}</td>
                      <td>{t(`stageKind.${application.stage.kind}`)}</td>
                      <td>
                        <ApplicationStateLabel state={application.state} />
                        {application.progress ? <div className="kern-hint">{t("draftProgress.summary", { ...application.progress })}</div> : null}
                        {application.deadlineExtendedUntil ? (
                          <div className="kern-hint">{t("managerApplications.extendedUntil", { until: formatDateTime(locale, application.deadlineExtendedUntil) })}</div>
                        ) : null}
                      </td>
                      <td>{application.submittedAt ? formatDateTime(locale, application.submittedAt) : "–"}</td>
                      <td className="number">{application.requestedCents !== null ? formatEuros(locale, application.requestedCents) : "–"}</td>
                      <td>{application.receiptNumber ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <p className="kern-hint">{t("applicationList.requestedHint")}</p>
        </>
      )}
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
    </>
  );
}
