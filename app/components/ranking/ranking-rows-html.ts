import type { ApplicationState } from "@workflows/application.machine";
import type { CurrentDecision, RankingRow } from "~/forms/ranking-rows";
import { formatEuros, formatNumber, type Locale, type Translate } from "~/i18n";
import { applicationStateLook } from "../application-state";

/**
 * The ranking's rows as one HTML string. A thousand rows of some thirty elements each made React's
 * rendering the page's whole cost (measured: bench ranking-page); joined as text they cost a few
 * milliseconds. The markup of the state badge and the discussion mark is the same as their
 * components' (StatusBadge, DiscussionMark): tests/unit/ranking-rows-html.test.ts compares them.
 * Every text from the database goes through `escapeHtml`.
 */

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

/**
 * Numbers in the reader's notation, each distinct value formatted once: a thousand rows hold some
 * 27,000 figures but only a few hundred different ones.
 */
export function numberFormatter(locale: Locale): (value: number | null) => string {
  const known = new Map<number, string>();
  return (value) => {
    if (value === null) return "–";
    let text = known.get(value);
    if (text === undefined) {
      text = formatNumber(locale, value);
      known.set(value, text);
    }
    return text;
  };
}

export function stateBadgeHtml(t: Translate, state: string): string {
  const look = applicationStateLook[state as ApplicationState] ?? { tone: "neutral", icon: "info" };
  const label = state in applicationStateLook ? t(`applicationState.${state as ApplicationState}`) : state;
  return `<span class="kern-badge kern-badge--${look.tone} kern-badge--small" data-tone="${look.tone}"><span class="kern-icon kern-icon--${look.icon}" aria-hidden="true"></span><span class="kern-label">${escapeHtml(label)}</span></span>`;
}

export function discussionMarkHtml(t: Translate): string {
  return `<strong class="tag discussion-mark">${escapeHtml(t("reviewManager.forDiscussion"))}</strong>`;
}

/** The decision that stands, in words: outcome (with the amount), the support package, and whether the network has been told. */
export function decisionLines(t: Translate, locale: Locale, decision: CurrentDecision): { outcome: string; hints: string[] } {
  const outcome = t(`ranking.outcome.${decision.outcome}`) + (decision.amountCents !== null ? ` · ${formatEuros(locale, decision.amountCents)}` : "");
  const hints = [decision.supportDescription, t(decision.released ? "ranking.decisionReleased" : "ranking.decisionInternal")].filter((hint) => hint !== "");
  return { outcome, hints };
}

const scoreColumns = ["raw", "standardised", "leniency"] as const;
const basisOf = { raw: "RAW", standardised: "STANDARDISED", leniency: "LENIENCY" } as const;

/** The rows of the ranking's table body; the buttons belong to the shortlist form around the table. */
export function rankingRowsHtml(rows: readonly RankingRow[], context: { t: Translate; locale: Locale; basis: string; disagreementThreshold: number }): string {
  const { t, locale, basis } = context;
  const number = numberFormatter(locale);
  const threshold = number(context.disagreementThreshold);
  const badges = new Map<string, string>();
  const badge = (state: string) => {
    let html = badges.get(state);
    if (html === undefined) {
      html = stateBadgeHtml(t, state);
      badges.set(state, html);
    }
    return html;
  };
  const mark = discussionMarkHtml(t);
  const words = {
    reviews: escapeHtml(t("ranking.reviewsLink")),
    onShortlist: escapeHtml(` · ${t("ranking.onShortlist")}`),
    add: escapeHtml(t("ranking.shortlistAdd")),
    remove: escapeHtml(t("ranking.shortlistRemove")),
    open: escapeHtml(t("ranking.noDecision")),
  };
  const parts: string[] = [];
  rows.forEach((row, index) => {
    const id = escapeHtml(row.id);
    const application = `/manager/applications/${id}`;
    const name = `n${index}`;
    parts.push(
      row.shortlisted ? '<tr class="shortlisted">' : "<tr>",
      `<td>${row.rank ?? "–"}</td>`,
      `<th scope="row"><a href="${application}" id="${name}">${escapeHtml(row.network)}</a><div class="kern-hint"><a href="${application}/reviews" aria-describedby="${name}">${words.reviews}</a>${row.shortlisted ? words.onShortlist : ""}</div></th>`,
      `<td class="text">${escapeHtml(t(`bundesland.${row.bundesland as "BW"}`))}</td>`,
    );
    for (const column of scoreColumns) parts.push(basis === basisOf[column] ? `<td class="basis">${number(row[column])}</td>` : `<td>${number(row[column])}</td>`);
    for (const figures of row.criteria) parts.push(figures ? `<td>${number(figures[0])} · ${number(figures[1])} · ${number(figures[2])}</td>` : "<td>–</td>");
    parts.push(
      `<td>${escapeHtml(t("ranking.reviewsDone", { submitted: row.submitted, assigned: row.assigned }))}</td>`,
      `<td>${row.recommendations.join(" / ")}</td>`,
      `<td>${row.confidence.join(" / ")}</td>`,
      row.disagreement
        ? `<td class="text"><span title="${escapeHtml(t("ranking.disagreementTitle", { spread: number(row.spreadOfTotals), threshold }))}">${mark}</span></td>`
        : `<td class="text">${number(row.spreadOfTotals)}</td>`,
      `<td class="text">${badge(row.state)}</td>`,
    );
    if (row.decision) {
      const { outcome, hints } = decisionLines(t, locale, row.decision);
      parts.push(`<td class="text">${escapeHtml(outcome)}${hints.map((hint) => `<div class="kern-hint">${escapeHtml(hint)}</div>`).join("")}</td>`);
    } else {
      parts.push(`<td class="text">${words.open}</td>`);
    }
    parts.push(
      `<td class="text"><button type="submit" name="shortlist" value="${row.shortlisted ? "off" : "on"}:${id}" class="kern-btn kern-btn--tertiary kern-btn--small" aria-describedby="${name}">${row.shortlisted ? words.remove : words.add}</button></td></tr>`,
    );
  });
  return parts.join("");
}
