import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { applicationStateLook, callStatusLook } from "~/components/application-state";
import { keptIcons, kernCssSubset } from "../../scripts/kern-css-subset";

const kernFile = path.resolve("node_modules/@kern-ux/native/dist/kern.min.css");
const kernCss = readFileSync(kernFile, "utf8");

async function subset(css: string, from: string): Promise<string> {
  return (await postcss([kernCssSubset()]).process(css, { from })).css;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(tsx?|css)$/.test(name) ? [full] : [];
  });
}

describe("KERN's stylesheet, trimmed at build time", () => {
  it("keeps the components, tokens and font settings the portal uses", async () => {
    const css = await subset(kernCss, kernFile);
    for (const selector of [
      ".kern-btn--primary",
      ".kern-btn--secondary",
      ".kern-btn--tertiary",
      ".kern-form-input__input",
      ".kern-form-input__select",
      ".kern-label",
      ".kern-hint",
      ".kern-error",
      ".kern-fieldset",
      ".kern-form-check",
      ".kern-table",
      ".kern-alert--danger",
      ".kern-badge--success",
      ".kern-progress",
      ".kern-icon--dehaze",
      "--kern-color-action-default:",
      "--kern-typography-font-family-default:",
    ]) {
      expect(css.includes(selector), selector).toBe(true);
    }
  });

  it("drops unused components, utility classes, unused icons and the dark theme", async () => {
    const css = await subset(kernCss, kernFile);
    for (const selector of [".kern-dialog", ".kern-dropdown", ".kern-task-list", ".kern-accordion", ".kern-kopfzeile", ".kern-mt-lg", ".kern-col-md-6", ".kern-icon--mail", "prefers-color-scheme: dark", "data-kern-theme=dark"]) {
      expect(css.includes(selector), selector).toBe(false);
    }
    const before = gzipSync(kernCss).length;
    const after = gzipSync(css).length;
    expect(after).toBeLessThan(before / 2);
  });

  it("keeps every icon the portal's markup and status badges name", async () => {
    const named = new Set<string>();
    for (const file of sourceFiles(path.resolve("app"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/kern-icon--([a-z-]+)(?![a-z-]*\$)/g)) named.add(match[1]!);
    }
    for (const look of [...Object.values(applicationStateLook), ...Object.values(callStatusLook)]) named.add(look.icon);
    // Notices and alerts name their icon after their tone.
    for (const tone of ["info", "success", "warning", "danger"]) named.add(tone);
    const css = await subset(kernCss, kernFile);
    for (const icon of named) {
      expect(keptIcons, icon).toContain(icon);
      expect(css.includes(`.kern-icon--${icon}`), icon).toBe(true);
    }
  });

  it("carries KERN's licence notice in a comment that minifiers keep", async () => {
    const css = await subset(kernCss, kernFile);
    expect(css.startsWith('@charset "UTF-8";/*! KERN UX (@kern-ux/native), licensed under the EUPL-1.2')).toBe(true);
  });

  it("leaves the portal's own stylesheet alone", async () => {
    const own = ".kern-btn--danger{color:red}.kern-dialog-like{display:block}@media (prefers-color-scheme: dark){body{color:white}}";
    expect(await subset(own, path.resolve("app/styles.css"))).toBe(own);
  });
});
