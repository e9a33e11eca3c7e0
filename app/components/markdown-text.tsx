import type { ReactNode } from "react";

/**
 * A small, safe part of Markdown for texts the operator writes (Impressum, privacy, accessibility):
 * "#" to "###" headings, paragraphs (a single line break stays a line break, as in an address),
 * "- " lists, **bold** and [links](https://…). Nothing is parsed as HTML: React escapes every
 * character, and a link keeps its target only for http(s), mailto, tel and paths on this site.
 */
export type MarkdownBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; items: string[] };

export type MarkdownInline = { kind: "text"; text: string } | { kind: "strong"; text: string } | { kind: "link"; text: string; href: string | null };

export function markdownBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let current: MarkdownBlock | null = null;
  for (const rawLine of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (line === "") {
      current = null;
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, text: heading[2]!.replace(/\s+#+$/, "") });
      current = null;
    } else if (bullet) {
      if (current?.kind !== "list") blocks.push((current = { kind: "list", items: [] }));
      current.items.push(bullet[1]!);
    } else {
      if (current?.kind !== "paragraph") blocks.push((current = { kind: "paragraph", lines: [] }));
      current.lines.push(line);
    }
  }
  return blocks;
}

/** A link target the page may carry; anything else (javascript:, data:, //elsewhere) becomes plain text. */
export function safeHref(target: string): string | null {
  const href = target.trim();
  if (/^(https?:\/\/|mailto:|tel:)/i.test(href)) return href;
  if (href.startsWith("/") && !href.startsWith("//")) return href;
  return null;
}

export function markdownInlines(text: string): MarkdownInline[] {
  const parts: MarkdownInline[] = [];
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    if (match[1] !== undefined) parts.push({ kind: "strong", text: match[1] });
    else parts.push({ kind: "link", text: match[2]!, href: safeHref(match[3]!) });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

function Inlines({ text }: { text: string }) {
  return (
    <>
      {markdownInlines(text).map((part, index) =>
        part.kind === "strong" ? (
          <strong key={index}>{part.text}</strong>
        ) : part.kind === "link" && part.href ? (
          <a key={index} href={part.href}>
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The text below a page's h1: its headings start one level lower ("#" is an h2). */
export function MarkdownText({ source }: { source: string }) {
  return (
    <>
      {markdownBlocks(source).map((block, index): ReactNode => {
        if (block.kind === "heading") {
          const Heading = (["h2", "h3", "h4"] as const)[block.level - 1]!;
          return (
            <Heading key={index}>
              <Inlines text={block.text} />
            </Heading>
          );
        }
        if (block.kind === "list")
          return (
            <ul key={index}>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>
                  <Inlines text={item} />
                </li>
              ))}
            </ul>
          );
        return (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                <Inlines text={line} />
              </span>
            ))}
          </p>
        );
      })}
    </>
  );
}
