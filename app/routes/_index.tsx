import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublicCalls } from "~/server/calls/calls.server";
import { currentUser, startPageFor } from "~/server/accounts/session.server";
import { CallList } from "~/components/call-card";
import { useT } from "~/components/use-t";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "app.tagline");

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, calls] = await Promise.all([currentUser(request), listPublicCalls()]);
  return { open: calls.open, user: user ? { name: user.name, startPage: startPageFor(user.role) } : null };
}

export default function Home() {
  const t = useT();
  const { open, user } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{user ? t("home.welcome", { name: user.name }) : t("app.tagline")}</h1>
      <p className="lead">{t("home.intro")}</p>
      {user ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to={user.startPage}>
            {t("nav.start")}
          </Link>
        </p>
      ) : (
        <section aria-labelledby="for-networks">
          <h2 id="for-networks">{t("home.forNetworks")}</h2>
          <p>{t("home.forNetworksText")}</p>
          <p>
            <Link className="kern-btn kern-btn--primary" to="/signup">
              {t("nav.signup")}
            </Link>
          </p>
        </section>
      )}
      <h2>{t("calls.open")}</h2>
      <CallList calls={open} empty={t("calls.noneOpen")} />
      <p>
        <Link to="/calls">{t("calls.title")}</Link>
      </p>
    </>
  );
}
