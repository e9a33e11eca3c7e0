import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/server/db.server";
import type { CurrentUser } from "../../app/server/accounts/session.server";
import { loadStageExport } from "../../app/server/exports/stage-export.server";
import { neutralise } from "../../app/server/exports/cells";
import * as csvRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.export[.]csv";
import * as xlsxRoute from "../../app/routes/manager.calls.$callId.stages.$stageId.export[.]xlsx";
import { createPerson } from "../support/accounts";
import { addMember } from "../support/application-fixtures";
import { createReviewWorld, type World } from "../support/review-world";
import { getAs, notFoundFrom } from "../support/call-forms";
import { answerOf } from "../support/route-calls";

const FORMULA_TITLE = '=HYPERLINK("http://evil.example","klick")';
const FORMULA_COMMENT = "+SUM(A1:A9)";

let world: World;
let otherManager: CurrentUser;
let coordinator: CurrentUser;

const params = (of: World) => ({ callId: of.callId, stageId: of.stageId });
const path = (of: World, file: string) => `/manager/calls/${of.callId}/stages/${of.stageId}/${file}`;

async function download(route: typeof csvRoute | typeof xlsxRoute, user: CurrentUser, of: World, file: string) {
  const request = await getAs(user, path(of, file));
  let thrown: unknown = null;
  const response = await Promise.resolve(route.loader({ request, params: params(of), context: {} })).catch((error: unknown) => (thrown = error));
  if (thrown) throw thrown;
  return response as Response;
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

/** A sheet's rows as [header → cell] records. */
function recordsOf(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(new Map(headers.map((header, index) => [header, row.getCell(index + 1)])));
  });
  return rows;
}

beforeAll(async () => {
  world = await createReviewWorld();
  otherManager = await createPerson("MANAGER");
  const application = await prisma.application.update({ where: { id: world.applications[0]!.id }, data: { title: FORMULA_TITLE }, select: { networkId: true } });
  coordinator = await addMember(application.networkId, "COORDINATOR");
  await prisma.review.update({ where: { assignmentId: world.assignments.get("0:1")! }, data: { comment: FORMULA_COMMENT } });
});

describe("neutralising cells", () => {
  it("gives formula-looking text a leading apostrophe and leaves numbers, dates and plain text alone", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutralise(-1.25)).toBe(-1.25);
    expect(neutralise("MINT-Region Freiburg")).toBe("MINT-Region Freiburg");
    expect(neutralise(null)).toBeNull();
    const day = new Date("2026-10-20T08:00:00Z");
    expect(neutralise(day)).toBe(day);
  });
});

describe("a stage's XLSX export", () => {
  it("has three sheets with a bold, frozen header row, numbers as numbers and formula-looking text as text", async () => {
    const response = await download(xlsxRoute, world.manager, world, "export.xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.xlsx"/);
    const workbook = await workbookOf(response);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Rangliste", "Gutachten", "Jury"]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
    }

    const ranking = recordsOf(workbook.getWorksheet("Rangliste")!);
    expect(ranking).toHaveLength(2);
    const first = ranking[0]!;
    expect(first.get("Rang (Mittelwert wie vergeben)")!.type).toBe(ExcelJS.ValueType.Number);
    expect(first.get("Rang (Mittelwert wie vergeben)")!.value).toBe(1);
    expect(first.get("Netzwerk")!.value).toBe(world.applications[0]!.network);
    // The title reads as text: no formula, no hyperlink.
    expect(first.get("Titel")!.type).toBe(ExcelJS.ValueType.String);
    expect(first.get("Titel")!.value).toBe(`'${FORMULA_TITLE}`);
    expect(first.get("Mittelwert wie vergeben")!.type).toBe(ExcelJS.ValueType.Number);
    expect(first.get("Mittelwert wie vergeben")!.value).toBe(5.5);
    expect(first.get("Mittelwert wie vergeben")!.numFmt).toBe("0.00");
    expect(first.get("Wirkung: Spannweite")!.value).toBe(5);
    expect(first.get("Gutachten abgegeben")!.value).toBe(2);
    expect(first.get("Gutachten zugeteilt")!.value).toBe(3);
    expect(first.get("Fördern")!.value).toBe(1);
    expect(first.get("Jury uneinig")!.value).toBe("ja");
    expect(first.get("Stand")!.value).toBe("In Begutachtung");
    // Without reviews: no rank, no score, listed last.
    expect(ranking[1]!.get("Rang (Mittelwert wie vergeben)")!.type).toBe(ExcelJS.ValueType.Null);

    const reviews = recordsOf(workbook.getWorksheet("Gutachten")!);
    expect(reviews).toHaveLength(2);
    const byJuror = new Map(reviews.map((row) => [row.get("Jurymitglied")!.value, row]));
    const critical = byJuror.get(world.jurors[1]!.name)!;
    expect(critical.get("Gesamtkommentar")!.type).toBe(ExcelJS.ValueType.String);
    expect(critical.get("Gesamtkommentar")!.value).toBe(`'${FORMULA_COMMENT}`);
    expect(critical.get("Wirkung")!.type).toBe(ExcelJS.ValueType.Number);
    expect(critical.get("Wirkung")!.value).toBe(3);
    expect(critical.get("Empfehlung")!.value).toBe("Nicht fördern");
    expect(critical.get("Sicherheit")!.value).toBe("Sehr sicher");
    expect(critical.get("Abgegeben am")!.type).toBe(ExcelJS.ValueType.Date);
    expect(byJuror.get(world.jurors[0]!.name)!.get("Wirkung: Kommentar")!.value).toBe(`Wirkung nach ${world.jurors[0]!.name}`);

    const jurors = recordsOf(workbook.getWorksheet("Jury")!);
    expect(jurors.map((row) => row.get("Jurymitglied")!.value).sort()).toEqual([world.jurors[0]!.name, world.jurors[1]!.name].sort());
    // The generous juror's offset is a positive number, the strict one's a negative number, not text.
    const offsets = jurors.map((row) => row.get("Milde (+) oder Strenge (−) in Punkten")!);
    expect(offsets.every((cell) => cell.type === ExcelJS.ValueType.Number)).toBe(true);
    expect(offsets.some((cell) => (cell.value as number) < 0)).toBe(true);
    // No cell anywhere holds a formula.
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("ranks on the basis asked for, or the stage's own", async () => {
    await prisma.callStage.update({ where: { id: world.stageId }, data: { rankingBasis: "LENIENCY" } });
    const own = await loadStageExport(world.manager, params(world), { locale: "en" });
    expect(own.tables.ranking.columns[0]!.header).toBe("Rank (Adjusted for leniency and strictness)");
    const raw = await loadStageExport(world.manager, params(world), { locale: "en", basis: "RAW" });
    expect(raw.tables.ranking.columns[0]!.header).toBe("Rank (Mean as given)");
    await prisma.callStage.update({ where: { id: world.stageId }, data: { rankingBasis: "RAW" } });
  });
});

describe("a stage's CSV export", () => {
  it("is one table per file, UTF-8 with a byte order mark, numbers plain and formula-looking text neutralised", async () => {
    const response = await download(csvRoute, world.manager, world, "export.csv?table=reviews");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, ...lines] = text.trim().split("\r\n");
    expect(header).toMatch(/^Netzwerk,Titel,Eingangsnummer,Jurymitglied,Abgegeben am,Wirkung,Wirkung: Kommentar,Machbarkeit,/);
    expect(lines).toHaveLength(2);
    const critical = lines.find((line) => line.includes(world.jurors[1]!.name))!;
    expect(critical).toContain(`,'${FORMULA_COMMENT}`);
    expect(critical).not.toMatch(/,\+SUM/);
    // The title's quotes are doubled inside a quoted field, behind the apostrophe.
    expect(critical).toContain(`"'=HYPERLINK(""http://evil.example"",""klick"")"`);
    expect(critical).toContain(",3,");
    expect(critical).toContain(",2026-10-20T08:00:00.000Z,");
  });

  it("gives the ranking by default and the jury on request", async () => {
    const ranking = new TextDecoder().decode(await (await download(csvRoute, world.manager, world, "export.csv")).arrayBuffer());
    expect(ranking).toContain("Rang (Mittelwert wie vergeben)");
    expect(ranking).toContain(",5.5,");
    const jury = new TextDecoder().decode(await (await download(csvRoute, world.manager, world, "export.csv?table=jurors&basis=nonsense")).arrayBuffer());
    expect(jury).toContain("Jurymitglied,Abgegebene Gutachten");
  });
});

describe("who may export", () => {
  it("refuses jurors and networks (403), a manager of another programme (404), and sends the anonymous to log in", async () => {
    for (const [route, file] of [
      [csvRoute, "export.csv"],
      [xlsxRoute, "export.xlsx"],
    ] as const) {
      expect((await answerOf(route.loader, await getAs(world.jurors[0]!, path(world, file)), { params: params(world) })).status).toBe(403);
      expect((await answerOf(route.loader, await getAs(coordinator, path(world, file)), { params: params(world) })).status).toBe(403);
      expect((await answerOf(route.loader, await getAs(otherManager, path(world, file)), { params: params(world) })).status).toBe(404);
      expect((await answerOf(route.loader, new Request(`http://portal.test${path(world, file)}`), { params: params(world) })).status).toBe(302);
    }
    await notFoundFrom(loadStageExport(otherManager, params(world), { locale: "de" }));
    // A stage of another call under this call's address is no way in either.
    const other = await createReviewWorld();
    await notFoundFrom(loadStageExport(world.manager, { callId: world.callId, stageId: other.stageId }, { locale: "de" }));
  });

  it("names the networks to the managers of a blind call too (jurors get no export at all)", async () => {
    const blind = await createReviewWorld({ blindReview: true });
    const admin = await createPerson("ADMIN");
    const exported = await loadStageExport(admin, params(blind), { locale: "de" });
    const networks = exported.tables.ranking.rows.map((row) => row[1]);
    expect(networks.sort()).toEqual(blind.applications.map((application) => application.network).sort());
    expect((await answerOf(xlsxRoute.loader, await getAs(blind.jurors[0]!, path(blind, "export.xlsx")), { params: params(blind) })).status).toBe(403);
  });
});
