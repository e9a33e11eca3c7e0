import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportQuerySchema } from "~/forms/exports";
import { requireRole } from "~/server/accounts/session.server";
import { loadStageExport } from "~/server/exports/stage-export.server";
import { toCsv } from "~/server/exports/spreadsheet.server";
import { downloadHeaders } from "~/server/web/downloads.server";
import { requestLocale } from "~/server/web/locale.server";

/** One table of the stage's export (`?table=ranking|reviews|jurors`) as a CSV file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["MANAGER", "ADMIN"]);
  const query = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const exported = await loadStageExport(user, { callId: params.callId ?? "", stageId: params.stageId ?? "" }, { basis: query.basis, locale: await requestLocale(request, user) });
  const table = exported.tables[query.table];
  const content = new TextEncoder().encode(toCsv(table));
  return new Response(content, { headers: downloadHeaders({ name: `${exported.stem}-${table.name}.csv`, contentType: "text/csv; charset=utf-8", sizeBytes: content.byteLength }) });
}
