/**
 * The PDF's built-in Helvetica knows only the WinAnsi character set (Latin-1 plus a few typographic
 * characters such as € „ “ – …). Anything else would be written as an unrelated glyph, so every text
 * is fitted to WinAnsi before layout: letters lose their accents only when the font lacks them
 * (ş → s, ł → l), a few symbols get their ASCII spelling (≥ → >=), and what stays unprintable becomes "?".
 */

/** Characters outside Latin-1 that WinAnsi places in 0x80–0x9F: Unicode code point → byte. */
export const winAnsiExtraCodes: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** Letters without a Unicode decomposition to a WinAnsi base letter, and symbols with a plain spelling. */
const spelledOut: Record<string, string> = {
  "ł": "l",
  "Ł": "L",
  "ı": "i",
  "đ": "d",
  "Đ": "D",
  "ħ": "h",
  "Ħ": "H",
  "ŧ": "t",
  "Ŧ": "T",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "—",
  "\u2212": "-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2260": "!=",
  "\u2248": "~",
  "\u2192": "->",
  "\u2190": "<-",
  "\u21d2": "=>",
  "\u2032": "'",
  "\u2033": '"',
};

/** Characters that only shape the layout: changing them changes nothing the reader would miss. */
const layoutCharacters: Record<string, string> = {
  "\r": "",
  "\t": "    ",
  "\u00ad": "",
  "\u200b": "",
  "\u200c": "",
  "\u200d": "",
  "\u2060": "",
  "\ufeff": "",
};

export function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    character === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtraCodes.has(code)
  );
}

function fitCharacter(character: string): string {
  const spelled = spelledOut[character];
  if (spelled !== undefined) return spelled;
  // Compatibility decomposition turns ligatures, full-width and accented letters into base letters.
  const decomposed = character.normalize("NFKD").replace(/\p{M}/gu, "");
  if (decomposed !== "" && [...decomposed].every(isWinAnsi)) return decomposed;
  return "?";
}

/** The text as the PDF font can show it, and whether anything had to be replaced. */
export function fitToWinAnsi(text: string): { text: string; replaced: boolean } {
  const normalized = text.normalize("NFC");
  let fitted = "";
  let replaced = false;
  for (const character of normalized) {
    const layout = layoutCharacters[character];
    if (layout !== undefined) {
      fitted += layout;
    } else if (isWinAnsi(character)) {
      fitted += character;
    } else {
      fitted += fitCharacter(character);
      replaced = true;
    }
  }
  return { text: fitted, replaced };
}

/**
 * Every string inside `value` (objects, arrays, nested) fitted to WinAnsi; other values (numbers,
 * dates, booleans) unchanged. Object keys are left as they are: they are field keys, never shown.
 */
export function fitStringsToWinAnsi<T>(value: T): { value: T; replaced: boolean } {
  let replaced = false;
  const visit = (item: unknown): unknown => {
    if (typeof item === "string") {
      const fitted = fitToWinAnsi(item);
      replaced ||= fitted.replaced;
      return fitted.text;
    }
    if (Array.isArray(item)) return item.map(visit);
    if (item !== null && typeof item === "object" && Object.getPrototypeOf(item) === Object.prototype) {
      return Object.fromEntries(Object.entries(item).map(([name, inner]) => [name, visit(inner)]));
    }
    return item;
  };
  return { value: visit(value) as T, replaced };
}
