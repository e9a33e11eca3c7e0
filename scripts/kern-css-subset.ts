import type { AtRule, Plugin, Rule } from "postcss";

/**
 * KERN ships one stylesheet with every component, every utility class, 46 icons and a dark theme:
 * 35 KB gzip, loaded before anything is painted. This PostCSS plugin drops, at build time, the parts
 * the portal does not use, so each page pays only for what it shows (measured in
 * docs/decisions/007-kern-design-system.md). It removes by name what is known to be unused, so a
 * component KERN adds in a later version arrives without anyone touching this list.
 */

/** Components no page uses: a page that needs one takes it off this list. */
const unusedComponents = ["accordion", "dialog", "dropdown", "kopfzeile", "loader", "task-list", "summary", "input-group", "divider"];

/** The icons the portal shows (badges, alerts, field errors, the header menu); the other 30 are dropped. */
export const keptIcons = [
  "info",
  "success",
  "warning",
  "danger",
  "check",
  "close",
  "dehaze",
  "draft",
  "arrow-forward",
  "autorenew",
  "calendar-today",
  "checklist",
  "edit",
  "visibility",
  "small",
  "large",
  "x-large",
  "default",
];

/**
 * Utility classes (spacing, display, sizing, flex and grid helpers): the portal lays pages out with
 * its own few layout classes on KERN's tokens instead of hundreds of responsive helpers.
 */
const utilityClass =
  /\.kern-(?:(?:m|mt|mb|ml|mr|mx|my|p|pt|pb|pl|pr|px|py)-(?:none|xxs|xs|sm|md|lg|xl|auto)|aspect|auto-cols|auto-rows|basis|block|inline|hidden|h-|max-h|max-w|min-h|min-w|w-|overflow|stack|flex|grow|shrink|order|gap|grid|justify|align|place|col|row)/;

// A component's block, elements, modifiers and groups: .kern-task-list, __item, --small, -group.
const componentClass = new RegExp(`\\.kern-(?:${unusedComponents.join("|")})(?![a-z])`);
const iconModifier = /\.kern-icon--([a-z-]+)/g;
// The portal has one (light) theme: KERN's dark tokens would restyle it for some visitors only,
// and they are neither designed for our own components nor tested.
const darkTheme = /\[data-kern-theme=dark\]|\.kern-dark\b/;

const licenceNotice =
  "! KERN UX (@kern-ux/native), licensed under the EUPL-1.2 (https://gitlab.opencode.de/kern-ux/kern-ux-plain). " +
  "Trimmed to the parts this portal uses by scripts/kern-css-subset.ts in the portal's repository.";

function selectorIsUnused(selector: string): boolean {
  if (utilityClass.test(selector) || componentClass.test(selector) || darkTheme.test(selector)) return true;
  for (const match of selector.matchAll(iconModifier)) {
    if (!keptIcons.includes(match[1]!)) return true;
  }
  return false;
}

function removeEmptyParents(node: Rule | AtRule) {
  let parent = node.parent;
  node.remove();
  while (parent && parent.type === "atrule" && (parent.nodes?.length ?? 0) === 0) {
    const next = parent.parent;
    parent.remove();
    parent = next;
  }
}

export function kernCssSubset(): Plugin {
  return {
    postcssPlugin: "kern-css-subset",
    Once(root, { postcss }) {
      // KERN's licence (EUPL-1.2) asks that its notice travel with every copy, also a trimmed one;
      // "/*!" keeps the comment through minification.
      if ((root.source?.input.file ?? "").includes("@kern-ux/native")) {
        const notice = postcss.comment({ text: licenceNotice, raws: { left: "", right: " " } });
        const first = root.first;
        if (first?.type === "atrule" && first.name === "charset") root.insertAfter(first, notice);
        else root.prepend(notice);
      }
      // Node by node, so KERN's rules are found also where a stylesheet @imports them.
      const fromKern = (node: Rule | AtRule) => (node.source?.input.file ?? "").includes("@kern-ux/native");
      root.walkAtRules("media", (atRule) => {
        if (fromKern(atRule) && atRule.params.includes("prefers-color-scheme: dark")) atRule.remove();
      });
      root.walkRules((rule) => {
        if (!fromKern(rule) || (rule.parent?.type === "atrule" && (rule.parent as AtRule).name === "keyframes")) return;
        const kept = rule.selectors.filter((selector) => !selectorIsUnused(selector));
        if (kept.length === 0) removeEmptyParents(rule);
        else if (kept.length < rule.selectors.length) rule.selectors = kept;
      });
    },
  };
}
kernCssSubset.postcss = true as const;
