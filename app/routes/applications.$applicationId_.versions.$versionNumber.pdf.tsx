import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadHeaders } from "~/server/web/downloads.server";
import { notFound } from "~/server/http.server";
import { requestLocale } from "~/server/web/locale.server";
import { readableVersionPdf } from "~/server/pdf/version-pdf.server";
import { requireUser } from "~/server/accounts/session.server";

/** A submitted version's PDF, in the reader's language, for everyone who may read the application. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const versionNumber = Number(params.versionNumber);
  if (!Number.isSafeInteger(versionNumber) || versionNumber < 1) throw notFound();
  const pdf = await readableVersionPdf(user, { applicationId: params.applicationId ?? "", versionNumber }, await requestLocale(request, user));
  return new Response(pdf.content, { headers: downloadHeaders({ name: pdf.filename, contentType: "application/pdf", sizeBytes: pdf.content.byteLength }) });
}
