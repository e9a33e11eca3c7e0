import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { contextOptions, expect, expectAccessible, newContextWithoutJavaScript, storageStatePath, test, type Role } from "./fixtures";

// The portal on a phone (390 × 844, an iPhone 12–15) and on a laptop (1280 wide): every main page of
// every role without sideways scrolling of the page, nothing hidden under something else, the menu
// usable without JavaScript, axe-clean in German and English; and paper without navigation.

type Who = "anonymous" | Role;

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

const SEEDED_CALL = "/calls/mint-regionen-2017";
const SEEDED_APPLICATION_ID = "seed-application-digital-skills-2018-1-mint-region-freiburg-bw-1gl7n6n";
const SEEDED_APPLICATION = `/applications/${SEEDED_APPLICATION_ID}`;

/** The pages each role works with; the manager's call pages are found on the manager's start page. */
const mainPages: Record<Who, string[]> = {
  anonymous: ["/", "/calls", SEEDED_CALL, "/login", "/signup", "/forgot-password", "/impressum", "/datenschutz", "/barrierefreiheit"],
  applicant: ["/applicant", "/network", "/profile", SEEDED_APPLICATION, `${SEEDED_APPLICATION}/receipt`, "/calls"],
  applicant2: ["/applicant", "/network"],
  juror: ["/juror", "/profile"],
  manager: ["/manager", "/invitations", "/manager/calls/new", `/manager/applications/${SEEDED_APPLICATION_ID}`],
  coordinator: ["/coordinator", "/profile"],
  admin: ["/admin", "/invitations", "/dev/mailbox"],
};

const startPage: Record<Who, string> = {
  anonymous: "/",
  applicant: "/applicant",
  applicant2: "/applicant",
  juror: "/juror",
  manager: "/manager",
  coordinator: "/coordinator",
  admin: "/admin",
};

const everyone = Object.keys(mainPages) as Who[];

async function newContext(browser: Browser, baseURL: string | undefined, who: Who, options: { viewport: { width: number; height: number }; english?: boolean }) {
  const context = await browser.newContext(
    contextOptions(baseURL, { viewport: options.viewport, storageState: who === "anonymous" ? undefined : storageStatePath(who) }),
  );
  if (options.english) await context.addCookies([{ name: "portal_lang", value: "en", url: baseURL ?? "" }]);
  return context;
}

/** The call pages a manager edits: the setup page, its applications and its first stage's form. */
async function managerCallPages(page: Page): Promise<string[]> {
  await page.goto("/manager");
  const callLinks = await page.locator('main a[href^="/manager/calls/"]:not([href="/manager/calls/new"])').evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const callPage = callLinks.find((href) => /^\/manager\/calls\/[^/]+$/.test(href));
  expect(callPage, "a call on the manager's start page").toBeTruthy();
  await page.goto(callPage!);
  const inside = await page.locator(`main a[href^="${callPage}/"]`).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const formPage = inside.find((href) => /\/stages\/[^/]+\/form$/.test(href));
  return [callPage!, `${callPage}/applications`, ...(formPage ? [formPage] : [])];
}

/**
 * A draft with the partner and budget tables, the widest form there is: the second demo network starts
 * one for the open seeded call (or opens the one it started in an earlier run) and passes its
 * eligibility questions.
 */
async function draftApplicationPage(page: Page): Promise<string[]> {
  await page.goto("/calls/mint-cluster-runde-4");
  const apply = page.getByRole("region", { name: /^Bewerben|^Apply/ });
  const start = apply.getByRole("button");
  if ((await start.count()) > 0) await start.first().click();
  else await apply.getByRole("link").first().click();
  await page.waitForURL(/\/applications\/[^/]+$/);
  const yes = page.getByRole("radio", { name: /^(Ja|Yes)$/ });
  if ((await yes.count()) > 0) {
    for (const radio of await yes.all()) await radio.check();
    await page.getByRole("button", { name: /^(Entwurf speichern|Save draft)$/ }).first().click();
    await page.waitForLoadState("load");
  }
  await expect(page.getByRole("table").first()).toBeVisible();
  return [new URL(page.url()).pathname];
}

/** The administrator's pages of one programme and one account, as the start page links them. */
async function adminDetailPages(page: Page): Promise<string[]> {
  await page.goto("/admin");
  const links = await page.locator('main a[href^="/admin/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
  const programme = links.find((href) => /^\/admin\/programmes\/(?!new$)[^/]+$/.test(href));
  const account = links.find((href) => /^\/admin\/accounts\/[^/]+$/.test(href));
  return ["/admin/programmes/new", ...(programme ? [programme] : []), ...(account ? [account] : [])];
}

/** Fails when the page scrolls sideways, naming the elements that stick out. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !element.closest(".table-scroll"))
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`);
    return { scrollWidth: document.documentElement.scrollWidth, width, sticking };
  });
  expect(overflow.scrollWidth, `${page.url()} is wider than the screen: ${overflow.sticking.join(", ")}`).toBeLessThanOrEqual(overflow.width);
}

/** The page's heading is what one sees at its place: nothing (a header, a menu) lies on top of it. */
async function expectHeadingUncovered(page: Page) {
  const heading = page.getByRole("heading", { level: 1 }).first();
  await heading.scrollIntoViewIfNeeded();
  const covered = await heading.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + Math.min(box.width, 40) / 2, box.top + box.height / 2);
    return top === null || !(element === top || element.contains(top));
  });
  expect(covered, `the heading of ${page.url()} is covered`).toBe(false);
}

/** The logged-in cookies the global setup kept for a role, for contexts made without its storage state. */
function sessionCookies(role: Role) {
  return (JSON.parse(readFileSync(storageStatePath(role), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] }).cookies;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
}

test.describe("on a phone (390 × 844)", () => {
  for (const who of everyone) {
    test(`${who}: no page scrolls sideways or hides its heading, axe-clean in German and English`, async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      for (const english of [false, true]) {
        const context = await newContext(browser, baseURL, who, { viewport: PHONE, english });
        try {
          const page = await context.newPage();
          const discover = { manager: managerCallPages, applicant2: draftApplicationPage, admin: adminDetailPages }[who as string];
          const found = discover ? await discover(page) : [];
          const pages = [...mainPages[who], ...found];
          for (const path of pages) {
            await visit(page, path);
            await expect(page.locator("html")).toHaveAttribute("lang", english ? "en" : "de");
            await expectNoSidewaysScroll(page);
            await expectHeadingUncovered(page);
            await expectAccessible(page);
          }
        } finally {
          await context.close();
        }
      }
    });

    test(`${who}: the menu opens without JavaScript and holds every link of the header`, async ({ browser, baseURL }) => {
      const context: BrowserContext = await newContextWithoutJavaScript(browser, baseURL);
      try {
        if (who !== "anonymous") await context.addCookies(sessionCookies(who));
        const page = await context.newPage();
        await page.setViewportSize(PHONE);
        await visit(page, startPage[who]);
        const navigation = page.getByRole("navigation", { name: "Hauptnavigation" });
        const menu = page.getByRole("banner").getByText("Menü", { exact: true });
        await expect(menu).toBeVisible();
        await expect(navigation).toBeHidden();
        await menu.click();
        await expect(navigation).toBeVisible();
        // The open menu pushes the page down; its toggle stays beside the portal's name, not on it.
        const brand = await page.getByRole("banner").getByRole("link", { name: "MINT-Förderportal" }).boundingBox();
        const toggle = await page.getByRole("banner").locator("summary").boundingBox();
        expect(brand && toggle && (toggle.x >= brand.x + brand.width || toggle.y >= brand.y + brand.height), "the menu button does not cover the portal's name").toBe(true);
        expect(toggle!.x + toggle!.width).toBeLessThanOrEqual(PHONE.width);
        const firstLink = await navigation.getByRole("link").first().boundingBox();
        expect(firstLink!.y, "the menu's links lie below the bar").toBeGreaterThanOrEqual(toggle!.y + toggle!.height);
        await expect(navigation.getByRole("link", { name: "Ausschreibungen" })).toBeVisible();
        const account = who === "anonymous" ? page.getByRole("banner").getByRole("link", { name: "Anmelden" }) : page.getByRole("banner").getByRole("button", { name: "Abmelden" });
        await expect(account).toBeVisible();
        await expect(page.getByRole("banner").getByRole("button", { name: /English/ })).toBeVisible();
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);
        // A link of the open menu leads on, still without JavaScript.
        await navigation.getByRole("link", { name: "Ausschreibungen" }).click();
        await expect(page).toHaveURL(/\/calls$/);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausschreibungen");
      } finally {
        await context.close();
      }
    });
  }
});

test("on a phone with JavaScript, the menu closes once one of its links has led to another page", async ({ browser, baseURL }) => {
  const context = await newContext(browser, baseURL, "applicant", { viewport: PHONE });
  try {
    const page = await context.newPage();
    await visit(page, "/applicant");
    const navigation = page.getByRole("navigation", { name: "Hauptnavigation" });
    await page.getByRole("banner").getByText("Menü", { exact: true }).click();
    await navigation.getByRole("link", { name: "Ausschreibungen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ausschreibungen");
    await expect(navigation).toBeHidden();
  } finally {
    await context.close();
  }
});

test.describe("on a laptop (1280 wide)", () => {
  for (const who of everyone) {
    test(`${who}: the header is one row, without a menu button`, async ({ browser, baseURL }) => {
      for (const english of [false, true]) {
        const context = await newContext(browser, baseURL, who, { viewport: LAPTOP, english });
        try {
          const page = await context.newPage();
          await visit(page, startPage[who]);
          const banner = page.getByRole("banner");
          await expect(banner.getByText(english ? "Menu" : "Menü", { exact: true })).toBeHidden();
          const brand = await banner.getByRole("link", { name: english ? "MINT Funding Portal" : "MINT-Förderportal" }).boundingBox();
          expect(brand).not.toBeNull();
          const controls = await banner.locator("nav a, .header-tools a, button, .who").evaluateAll((elements) =>
            elements.map((element) => {
              const box = element.getBoundingClientRect();
              return { text: element.textContent?.trim() ?? "", top: box.top, bottom: box.bottom, left: box.left, right: box.right, visible: box.width > 0 && box.height > 0 };
            }),
          );
          expect(controls.filter((control) => control.visible).length).toBeGreaterThan(2);
          for (const control of controls.filter((candidate) => candidate.visible)) {
            const middle = (control.top + control.bottom) / 2;
            expect(middle, `"${control.text}" sits beside the portal's name`).toBeGreaterThan(brand!.y);
            expect(middle, `"${control.text}" sits beside the portal's name`).toBeLessThan(brand!.y + brand!.height);
            expect(control.left, `"${control.text}" starts on the screen`).toBeGreaterThanOrEqual(0);
            expect(control.right, `"${control.text}" ends on the screen`).toBeLessThanOrEqual(LAPTOP.width - 16);
          }
          await expectNoSidewaysScroll(page);
        } finally {
          await context.close();
        }
      }
    });
  }
});

test.describe("the footer and the legal pages", () => {
  test("every page links to Impressum, privacy policy and accessibility statement; each shows the operator's placeholder until filled", async ({ page }) => {
    const pages = [
      { link: "Impressum", heading: "Impressum", placeholder: "Der Betreiber muss das Impressum noch hinterlegen" },
      { link: "Datenschutzerklärung", heading: "Datenschutzerklärung", placeholder: "Der Betreiber muss die Datenschutzerklärung noch hinterlegen" },
      { link: "Erklärung zur Barrierefreiheit", heading: "Erklärung zur Barrierefreiheit", placeholder: "Der Betreiber muss die Erklärung zur Barrierefreiheit noch hinterlegen" },
    ];
    for (const legal of pages) {
      await visit(page, SEEDED_CALL);
      const footer = page.getByRole("contentinfo");
      await footer.getByRole("link", { name: legal.link, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(legal.heading);
      await expect(page.getByRole("heading", { level: 2 }).first()).toContainText(legal.placeholder);
      await expect(page.getByRole("main")).toContainText("LEGAL_DIR");
      await expectAccessible(page);
    }
    // The error pages carry the footer too.
    await page.goto("/no-such-page");
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Impressum" })).toBeVisible();
  });

  test("the legal pages speak English too", async ({ browser, baseURL }) => {
    const context = await newContext(browser, baseURL, "anonymous", { viewport: LAPTOP, english: true });
    try {
      const page = await context.newPage();
      await visit(page, "/impressum");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Legal notice");
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" })).toBeVisible();
      await expect(page.getByRole("main")).toContainText("the operator has yet to provide the legal notice");
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});

test.describe("on paper", () => {
  const printed: { who: Who; path: string; heading: RegExp }[] = [
    { who: "applicant", path: SEEDED_APPLICATION, heading: /MINT-Region Freiburg/ },
    { who: "applicant", path: `${SEEDED_APPLICATION}/receipt`, heading: /Eingangsbestätigung/ },
    { who: "anonymous", path: SEEDED_CALL, heading: /MINT-Regionen 2017/ },
  ];
  for (const { who, path, heading } of printed) {
    test(`${path} prints without header, menu, footer or buttons`, async ({ browser, baseURL }) => {
      const context = await newContext(browser, baseURL, who, { viewport: LAPTOP });
      try {
        const page = await context.newPage();
        await visit(page, path);
        await expect(page.getByRole("banner")).toBeVisible();
        await expect(page.getByRole("contentinfo")).toBeVisible();
        await page.emulateMedia({ media: "print" });
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await expect(page.getByRole("banner")).toBeHidden();
        await expect(page.getByRole("contentinfo")).toBeHidden();
        const visibleButtons = await page.locator("button, .kern-btn").evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length);
        expect(visibleButtons, "buttons on paper").toBe(0);
        const rowsMayBreak = await page.locator("main tr").evaluateAll((rows) => rows.filter((row) => getComputedStyle(row).breakInside !== "avoid").length);
        expect(rowsMayBreak, "table rows that a page break may cut").toBe(0);
        await page.emulateMedia({ media: "screen" });
        await expect(page.getByRole("banner")).toBeVisible();
      } finally {
        await context.close();
      }
    });
  }
});
