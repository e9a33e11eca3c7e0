import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, expectAccessible, newContextWithoutJavaScript, storageStatePath, test } from "./fixtures";
import { e2eDatabaseUrl } from "./database";

// The assignment of a closed stage's reviews: the automatic run, the matrix with a cell removed and
// set by hand, a conflict refused, and the release with one mail per juror; with and without
// JavaScript, and axe on every state of the page. The demo has no stage in review yet (the
// eligibility check brings applications there), so the stage is written into the database directly,
// which works where the test server runs on PostgreSQL (as in CI).

const databaseUrl = e2eDatabaseUrl();
test.skip(!databaseUrl, "needs the end-to-end database on PostgreSQL (TEST_DATABASE_URL), as in CI");

const DAY = 86_400_000;

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

interface StageInReview {
  path: string;
  titles: string[];
}

/** A closed MINT-Cluster call whose stage has four applications in review and three demo jurors, one of them in conflict with the first. */
async function closedStageInReview(tag: string): Promise<StageInReview> {
  return withDatabase(async (client) => {
    const id = (what: string) => `e2e-assignment-${tag}-${what}`;
    const now = Date.now();
    const { rows: programmes } = await client.query<{ id: string }>(`SELECT id FROM "Programme" WHERE name = 'MINT-Cluster'`);
    const { rows: people } = await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = ANY($1)`, [
      ["coordinator@example.org", "juror1@example.org", "juror2@example.org", "juror3@example.org"],
    ]);
    const person = (email: string) => people.find((row) => row.email === email)!.id;
    const { rows: networks } = await client.query<{ id: string }>(`SELECT id FROM "Network" ORDER BY id LIMIT 4`);
    await client.query(
      `INSERT INTO "Call" (id, "programmeId", slug, title, funder, "awardType", status, "updatedAt") VALUES ($1, $2, $3, $4, 'BMFTR', 'MONEY', 'CLOSED', now())`,
      [id("call"), programmes[0]!.id, id("call"), `Zuteilungstest ${tag}`],
    );
    await client.query(
      `INSERT INTO "CallStage" (id, "callId", position, kind, "opensAt", "closesAt", "reviewsPerApplication", "reviewDueAt") VALUES ($1, $2, 0, 'SINGLE', $3, $4, 2, $5)`,
      [id("stage"), id("call"), new Date(now - 40 * DAY), new Date(now - DAY), new Date(now + 30 * DAY)],
    );
    const titles = ["Forschen im Schülerlabor", "Mädchen programmieren", "Robotik am Rhein", "Sternwarte für alle"].map((title) => `${title} ${tag}`);
    for (const [index, title] of titles.entries()) {
      await client.query(
        `INSERT INTO "Application" (id, "callId", "stageId", "networkId", title, state, snapshot, version, "createdById", "submittedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'inReview', $6, 3, $7, $8, now())`,
        [
          id(`application-${index}`),
          id("call"),
          id("stage"),
          networks[index]!.id,
          title,
          JSON.stringify({ value: "inReview", context: { submissions: 1, ineligibleReason: null } }),
          person("coordinator@example.org"),
          new Date(now - 2 * DAY),
        ],
      );
    }
    for (const email of ["juror1@example.org", "juror2@example.org", "juror3@example.org"]) {
      await client.query(`INSERT INTO "JuryMembership" (id, "callId", "stageId", "userId") VALUES ($1, $2, $3, $4)`, [id(`jury-${email}`), id("call"), id("stage"), person(email)]);
    }
    await client.query(`INSERT INTO "Conflict" (id, "applicationId", "jurorId", source, status, reason) VALUES ($1, $2, $3, 'DECLARED', 'DECLARED', 'Frühere Kollegin')`, [
      id("conflict"),
      id("application-0"),
      person("juror1@example.org"),
    ]);
    return { path: `/manager/calls/${id("call")}/stages/${id("stage")}/assignment`, titles };
  });
}

/** A conflict that appears after the page was loaded (a juror declares it meanwhile). */
async function declareConflictLate(tag: string, applicationIndex: number, jurorEmail: string): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Conflict" (id, "applicationId", "jurorId", source, status, reason) SELECT $1, $2, id, 'DECLARED', 'DECLARED', 'Nachträglich erkannt' FROM "User" WHERE email = $3`,
      [`e2e-assignment-${tag}-late`, `e2e-assignment-${tag}-application-${applicationIndex}`, jurorEmail],
    ),
  );
}

const row = (page: Page, title: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(title) }) });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("assigning the reviews of a stage", () => {
  test("runs the automatic assignment, changes a cell by hand and releases with one mail per juror", async ({ managerPage: page }) => {
    const tag = unique();
    const stage = await closedStageInReview(tag);
    await page.goto(stage.path);
    await expect(page.getByRole("heading", { level: 1, name: "Zuteilung der Gutachten: Antrag" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Begutachtung: Antrag" }).getByRole("link", { name: "Zuteilung" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Es fehlen noch 8 Gutachten.")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Automatisch zuteilen" }).click();
    await expect(page.getByText("8 Gutachten wurden neu zugeteilt.")).toBeVisible();
    await expect(page.getByText("Jeder Antrag hat jetzt so viele Gutachten, wie er braucht.")).toBeVisible();
    for (const title of stage.titles) await expect(row(page, title)).toContainText("2 von 2");
    // The conflict is shown, and there is no button for it.
    const conflicted = row(page, stage.titles[0]!);
    await expect(conflicted).toContainText("befangen");
    await expect(conflicted.getByRole("button", { name: /Julia Jung/ })).toHaveCount(0);
    await expectAccessible(page);

    // Remove one of the second application's assignments: the button asks first.
    const second = row(page, stage.titles[1]!);
    const removal = second.getByRole("button", { name: /^Zuteilung von .+ für „.+“ aufheben$/ }).first();
    const jurorName = (await removal.getAttribute("aria-label"))!.replace(/^Zuteilung von (.+) für .*$/, "$1");
    await removal.click();
    const question = page.getByRole("region", { name: "Zuteilung wirklich aufheben?" });
    await expect(question).toContainText(`${jurorName} begutachtet „${stage.titles[1]}“ dann nicht mehr.`);
    await expectAccessible(page);
    await question.getByRole("button", { name: "Zuteilung aufheben" }).click();
    await expect(row(page, stage.titles[1]!)).toContainText("1 von 2");

    // And set it again by hand.
    await row(page, stage.titles[1]!).getByRole("button", { name: `${jurorName} für „${stage.titles[1]}“ einteilen` }).click();
    await expect(row(page, stage.titles[1]!)).toContainText("2 von 2");

    await expect(page.getByText("8 Zuteilungen sind noch nicht freigegeben (3 Jurymitglieder).")).toBeVisible();
    await page.getByRole("button", { name: "Freigeben", exact: true }).click();
    const release = page.getByRole("region", { name: "Zuteilungen wirklich freigeben?" });
    await expect(release).toContainText("3 Jurymitglieder erhalten je eine E-Mail");
    await expectAccessible(page);
    await release.getByRole("button", { name: "Jetzt freigeben" }).click();
    await expect(page.getByText("Die Zuteilungen sind freigegeben; die E-Mails werden verschickt.")).toBeVisible();
    await expect(page.getByText("Alle Zuteilungen sind freigegeben.")).toBeVisible();
    await expectAccessible(page);

    const mails = await withDatabase(async (client) => {
      const { rows } = await client.query<{ toEmail: string; text: string }>(`SELECT "toEmail", text FROM "OutboxEmail" WHERE subject = $1`, [`Ihre Gutachten: Zuteilungstest ${tag}`]);
      return rows;
    });
    expect(mails.map((mail) => mail.toEmail).sort()).toEqual(["juror1@example.org", "juror2@example.org", "juror3@example.org"]);
    // Julia Jung is in conflict with the first application: her list never names it.
    expect(mails.find((mail) => mail.toEmail === "juror1@example.org")!.text).not.toContain(stage.titles[0]);
  });

  test("without JavaScript: a cell in conflict since the page was loaded is refused in words, on a phone", async ({ browser, baseURL }) => {
    const tag = unique();
    const stage = await closedStageInReview(tag);
    const context = await newContextWithoutJavaScript(browser, baseURL, { storageState: storageStatePath("manager"), viewport: { width: 375, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(stage.path);
      const assign = row(page, stage.titles[2]!).getByRole("button", { name: `Jonas Jäger für „${stage.titles[2]}“ einteilen` });
      await expect(assign).toBeVisible();
      await declareConflictLate(tag, 2, "juror2@example.org");
      await assign.click();
      await expect(page.getByRole("alert")).toContainText("Dieses Jurymitglied ist bei diesem Antrag befangen und kann ihn nicht begutachten.");
      await expect(row(page, stage.titles[2]!)).toContainText("befangen");
      await expect(row(page, stage.titles[2]!)).toContainText("0 von 2");
      // The page itself does not scroll sideways; the matrix does, in its own frame.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
