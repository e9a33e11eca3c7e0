import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listPublicCalls } from "~/server/calls/calls.server";
import { CallList } from "~/components/call-card";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calls.title");

export async function loader() {
  return listPublicCalls();
}

export default function Calls() {
  const t = useT();
  const { open, upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("calls.title")}</h1>
      <p className="kern-hint">{t("calls.timezoneNote")}</p>
      <h2>{t("calls.open")}</h2>
      <CallList calls={open} empty={t("calls.noneOpen")} />
      {upcoming.length > 0 ? (
        <>
          <h2>{t("calls.upcoming")}</h2>
          <CallList calls={upcoming} empty="" />
        </>
      ) : null}
      <h2>{t("calls.past")}</h2>
      <CallList calls={past} empty={t("calls.none")} />
    </>
  );
}
