import { inflateSync } from "node:zlib";
import { winAnsiExtraCodes } from "../../app/server/pdf/win-ansi.server";

/**
 * Reads back what react-pdf (pdfkit) wrote: the page count and the text of every line, in order.
 * Enough for PDFs with the standard fonts, whose strings are WinAnsi bytes written as hex in TJ/Tj
 * operators inside FlateDecode content streams; not a general PDF parser.
 */

const winAnsiToUnicode = new Map([...winAnsiExtraCodes].map(([unicode, byte]) => [byte, String.fromCodePoint(unicode)]));

function decodeWinAnsi(hex: string): string {
  let text = "";
  for (let index = 0; index + 1 < hex.length; index += 2) {
    const byte = parseInt(hex.slice(index, index + 2), 16);
    text += winAnsiToUnicode.get(byte) ?? String.fromCharCode(byte);
  }
  return text;
}

function contentStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const latin1 = bytes.toString("latin1");
  const streams: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  for (let match = start.exec(latin1); match; match = start.exec(latin1)) {
    const from = match.index + match[0].length;
    const to = latin1.indexOf("endstream", from);
    if (to < 0) throw new Error("PDF stream without endstream");
    const dictionary = latin1.slice(latin1.lastIndexOf("obj", match.index), match.index);
    const data = bytes.subarray(from, to);
    if (/\/Filter\s*\/FlateDecode/.test(dictionary)) {
      try {
        streams.push(inflateSync(data).toString("latin1"));
      } catch {
        // Font programs and images are not text; a stream that does not inflate is not ours to read.
      }
    } else if (!/\/Subtype\s*\/Image/.test(dictionary)) {
      streams.push(data.toString("latin1"));
    }
    start.lastIndex = to;
  }
  return streams;
}

export function pdfPageCount(pdf: Uint8Array): number {
  const latin1 = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return [...latin1.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}

function decodeTextObject(body: string): string {
  let text = "";
  for (const operation of body.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
    const hexStrings = operation[1] !== undefined ? [...operation[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => hex[1] ?? "") : [operation[2] ?? ""];
    text += hexStrings.map(decodeWinAnsi).join("");
  }
  return text;
}

/**
 * The laid-out lines, in order. react-pdf writes a line as one or more text objects (a new one where
 * the script changes, e.g. after "1."), each moved right of the previous one; a translation with a
 * vertical part (other than the page flip) starts a new line.
 */
export function pdfTextLines(pdf: Uint8Array): string[] {
  const lines: string[] = [];
  for (const stream of contentStreams(pdf)) {
    let line = "";
    let lineEnded = false;
    for (const token of stream.matchAll(/BT([\s\S]*?)ET|(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm/g)) {
      if (token[1] !== undefined) {
        if (lineEnded && line !== "") {
          lines.push(line);
          line = "";
        }
        lineEnded = false;
        line += decodeTextObject(token[1]);
      } else if (Number(token[5]) === 1 && Number(token[7]) !== 0) {
        lineEnded = true;
      }
    }
    if (line !== "") lines.push(line);
  }
  return lines;
}

/** All text of the PDF, one line per laid-out line, spaces normalised. */
export function pdfText(pdf: Uint8Array): string {
  return pdfTextLines(pdf)
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .join("\n");
}

export interface PdfTextRun {
  /** 0-based page index. */
  page: number;
  /** Left edge and baseline in points (y grows downwards from the top of the page). */
  x: number;
  y: number;
  /** How far the run advances the pen: its width on the page. */
  width: number;
  text: string;
}

type Matrix = [number, number, number, number, number, number];

function multiply([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix {
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

/**
 * Every text run with where it stands and how wide it is, for checking that nothing overlaps.
 * react-pdf places each run by translating the graphics state (`cm`) inside `q … Q`, and after a run
 * translates by its advance width (`1 0 0 1 <width> 0 cm`); this follows those translations.
 */
export function pdfTextRuns(pdf: Uint8Array): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  contentStreams(pdf)
    .filter((stream) => /BT[\s\S]*?ET/.test(stream))
    .forEach((stream, page) => {
      const saved: Matrix[] = [];
      let matrix: Matrix = [1, 0, 0, 1, 0, 0];
      let open: PdfTextRun | null = null;
      const tokens = /(?<![\w.])(q|Q)(?![\w])|(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) cm|BT([\s\S]*?)ET/g;
      for (const token of stream.matchAll(tokens)) {
        if (token[1] === "q") saved.push(matrix);
        else if (token[1] === "Q") matrix = saved.pop() ?? [1, 0, 0, 1, 0, 0];
        else if (token[8] !== undefined) {
          open = { page, x: matrix[4], y: Math.abs(matrix[5]), width: 0, text: decodeTextObject(token[8]) };
          runs.push(open);
        } else {
          const step = token.slice(2, 8).map(Number) as Matrix;
          if (open && open.width === 0 && step[0] === 1 && step[1] === 0 && step[2] === 0 && step[3] === 1 && step[5] === 0 && step[4] > 0) open.width = step[4];
          matrix = multiply(step, matrix);
        }
      }
    });
  return runs;
}

/** Pairs of runs on one line of one page where the first reaches into the second. */
export function overlappingRuns(runs: PdfTextRun[], tolerance = 0.5): [PdfTextRun, PdfTextRun][] {
  const overlaps: [PdfTextRun, PdfTextRun][] = [];
  const lines = new Map<string, PdfTextRun[]>();
  for (const run of runs) {
    if (run.text.trim() === "") continue;
    const key = `${run.page}:${Math.round(run.y)}`;
    lines.set(key, [...(lines.get(key) ?? []), run]);
  }
  for (const line of lines.values()) {
    const sorted = [...line].sort((left, right) => left.x - right.x);
    for (let index = 1; index < sorted.length; index++) {
      const before = sorted[index - 1]!;
      const after = sorted[index]!;
      if (before.x + before.width > after.x + tolerance) overlaps.push([before, after]);
    }
  }
  return overlaps;
}
