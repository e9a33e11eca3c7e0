import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/server/accounts/session.server";
import { juryWorkOf } from "~/server/review/jury-work.server";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "juror.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["JUROR"]);
  return juryWorkOf(user);
}

export default function JurorStart() {
  const t = useT();
  const { juries, assignments } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("juror.title")}</h1>
      <h2>{t("juror.assignments")}</h2>
      {assignments.length === 0 ? (
        <p className="empty">{t("juror.noAssignments")}</p>
      ) : (
        <ul>
          {assignments.map((assignment) => (
            <li key={assignment.id}>
              {assignment.application.network.name}: {assignment.application.title || assignment.application.call.title}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("juror.juries")}</h2>
      {juries.length === 0 ? (
        <p className="empty">{t("juror.noJuries")}</p>
      ) : (
        <ul>
          {juries.map((call) => (
            <li key={call.id}>
              <Link to={`/calls/${call.slug}`}>{call.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
