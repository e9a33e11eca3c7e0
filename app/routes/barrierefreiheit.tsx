import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadLegalPage } from "~/server/legal/legal-texts.server";
import { LegalPage, legalPageTitle } from "~/components/legal-page";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, legalPageTitle("barrierefreiheit"));

export function loader({ request }: LoaderFunctionArgs) {
  return loadLegalPage(request, "barrierefreiheit");
}

export default LegalPage;
