import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/server/accounts/session.server";
import { downloadHeaders } from "~/server/web/downloads.server";
import { requestLocale } from "~/server/web/locale.server";
import { jurorApplicationPdf } from "~/server/review/reviews.server";

/** The application as the juror may see it (blinded in blind review), as a PDF in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["JUROR"]);
  const pdf = await jurorApplicationPdf(user, params.assignmentId ?? "", await requestLocale(request, user));
  return new Response(pdf.content, { headers: downloadHeaders({ name: pdf.filename, contentType: "application/pdf", sizeBytes: pdf.content.byteLength }) });
}
