import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText, markdownBlocks, markdownInlines, safeHref } from "~/components/markdown-text";

const render = (source: string) => renderToStaticMarkup(createElement(MarkdownText, { source }));

describe("the operator's Markdown (legal pages)", () => {
  it("reads headings, paragraphs with their line breaks, and lists", () => {
    expect(markdownBlocks("# Anbieter\n\nStiftung Muster\nMusterweg 1\n10115 Berlin\n\n- eins\n* zwei\n\n### Kontakt ###")).toEqual([
      { kind: "heading", level: 1, text: "Anbieter" },
      { kind: "paragraph", lines: ["Stiftung Muster", "Musterweg 1", "10115 Berlin"] },
      { kind: "list", items: ["eins", "zwei"] },
      { kind: "heading", level: 3, text: "Kontakt" },
    ]);
  });

  it("starts headings below the page's own h1 and keeps an address's lines", () => {
    expect(render("# Anbieter\n## Kontakt\nZeile 1\r\nZeile 2")).toBe("<h2><span>Anbieter</span></h2><h3><span>Kontakt</span></h3><p><span><span>Zeile 1</span></span><span><br/><span>Zeile 2</span></span></p>");
  });

  it("links only to web, mail and telephone addresses and to pages of this site", () => {
    expect(safeHref("https://example.org/impressum")).toBe("https://example.org/impressum");
    expect(safeHref("mailto:info@example.org")).toBe("mailto:info@example.org");
    expect(safeHref("tel:+4930123456")).toBe("tel:+4930123456");
    expect(safeHref("/datenschutz")).toBe("/datenschutz");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("JavaScript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHref("//evil.example/")).toBeNull();
    expect(render("[Kontakt](mailto:info@example.org) und [Falle](javascript:alert(1))")).toBe(
      '<p><span><a href="mailto:info@example.org">Kontakt</a><span> und </span><span>Falle</span><span>)</span></span></p>',
    );
  });

  it("shows bold text and never turns typed HTML into markup", () => {
    expect(markdownInlines("Verantwortlich: **Kim Muster**")).toEqual([
      { kind: "text", text: "Verantwortlich: " },
      { kind: "strong", text: "Kim Muster" },
    ]);
    const html = render('<script>alert("x")</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});
