import { createElement, Fragment } from "react";
import { describe, expect, it } from "vitest";
import { ApplicationStateLabel } from "../../app/components/application-state";
import { DiscussionMark } from "../../app/components/review/review-figures";
import { discussionMarkHtml, rankingRowsHtml, stateBadgeHtml } from "../../app/components/ranking/ranking-rows-html";
import type { RankingRow } from "../../app/forms/ranking-rows";
import { translator } from "../../app/i18n";
import { renderRoutePage } from "../support/render-route";

const t = translator("de");

const row: RankingRow = {
  id: "app-1",
  network: `<script>alert("x")</script> & "Söhne"`,
  bundesland: "BY",
  state: "awardDecided",
  shortlisted: true,
  rank: 3,
  raw: 7.25,
  standardised: 6.5,
  leniency: null,
  criteria: [[7.3, 7, 3], null],
  submitted: 2,
  assigned: 3,
  recommendations: [1, 1, 0],
  confidence: [0, 2, 0],
  spreadOfTotals: 4.5,
  disagreement: true,
  decision: { outcome: "FUNDED", amountCents: "50000000", supportDescription: "<b>Beratung</b>", released: false },
};

describe("the ranking's rows as text", () => {
  it("writes the state badge and the discussion mark exactly as their components do", async () => {
    const html = await renderRoutePage(() => createElement(Fragment, null, createElement(ApplicationStateLabel, { state: "awardDecided" }), createElement(DiscussionMark)), {});
    expect(html).toContain(stateBadgeHtml(t, "awardDecided") + discussionMarkHtml(t));
  });

  it("escapes every value from the database and shows the figures in German notation", () => {
    const html = rankingRowsHtml([row], { t, locale: "de", basis: "STANDARDISED", disagreementThreshold: 3 });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Söhne&quot;");
    expect(html).toContain("&lt;b&gt;Beratung&lt;/b&gt;");
    expect(html).toContain('<td class="basis">6,5</td>');
    expect(html).toContain("<td>7,25</td><td class=\"basis\">6,5</td><td>–</td><td>7,3 · 7 · 3</td><td>–</td>");
    expect(html).toMatch(/Förderung · 500\.000\s€/);
    expect(html).toContain("noch intern");
    expect(html).toContain('value="off:app-1"');
    expect(html).toContain("Von der Shortlist nehmen");
    expect(html).toContain("2 von 3");
  });
});
