import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportQuerySchema } from "~/forms/exports";
import { requireRole } from "~/server/accounts/session.server";
import { loadStageExport } from "~/server/exports/stage-export.server";
import { toXlsx } from "~/server/exports/spreadsheet.server";
import { downloadHeaders } from "~/server/web/downloads.server";
import { requestLocale } from "~/server/web/locale.server";

/** The stage's export as one workbook: the ranking, the reviews and the jury, a sheet each. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["MANAGER", "ADMIN"]);
  const query = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const exported = await loadStageExport(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, { basis: query.basis, locale: await requestLocale(request, user) });
  const { ranking, reviews, jurors } = exported.tables;
  const content = await toXlsx([ranking, reviews, jurors]);
  return new Response(content, {
    headers: downloadHeaders({ name: `${exported.stem}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sizeBytes: content.byteLength }),
  });
}
