/**
 * The call's formatted texts: blank lines separate paragraphs, lines starting with "- " form a bullet
 * list. Everything else is text; React escapes it, so no markup typed by anyone ever reaches the page.
 */
type Block = { kind: "paragraph"; lines: string[] } | { kind: "list"; items: string[] };

export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      current = null;
      continue;
    }
    const bullet = /^\s*[-•]\s+(.*)$/.exec(line);
    if (bullet) {
      if (current?.kind !== "list") blocks.push((current = { kind: "list", items: [] }));
      current.items.push(bullet[1]!.trim());
    } else {
      if (current?.kind !== "paragraph") blocks.push((current = { kind: "paragraph", lines: [] }));
      current.lines.push(line.trim());
    }
  }
  return blocks;
}

export function FormattedText({ text }: { text: string }) {
  return (
    <>
      {textBlocks(text).map((block, index) =>
        block.kind === "list" ? (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={index}>
            {block.lines.map((line, lineIndex) => (
              <span key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ),
      )}
    </>
  );
}
