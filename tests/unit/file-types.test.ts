import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FileInspector, InspectionError, nameEnding, sniffFileKind, SNIFF_BYTES, zipEndIsIntact } from "../../app/server/files/file-types.server";
import { uploadLimitsFor, answersWithFiles, acceptAttribute } from "../../app/forms/file-fields";
import { formDefinition } from "../../app/forms/form-definition";
import { sample, zipArchive } from "../support/sample-files";
import type { FileKind } from "../../app/forms/form-definition";

/** Runs bytes through an inspector in small chunks; resolves with what came out or the refusal. */
async function inspect(bytes: Buffer, accept: FileKind[], originalName: string, maxBytes = 10 * 1024 * 1024, chunk = 1000) {
  const inspector = new FileInspector({ accept, maxBytes, originalName });
  const chunks = function* () {
    for (let offset = 0; offset < bytes.length; offset += chunk) yield bytes.subarray(offset, offset + chunk);
  };
  const passed: Buffer[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      Readable.from(chunks()).pipe(inspector).on("data", (piece: Buffer) => passed.push(piece)).on("end", resolve).on("error", reject);
    });
  } catch (error) {
    if (error instanceof InspectionError) return { refusal: error.refusal, passedBytes: Buffer.concat(passed).length };
    throw error;
  }
  return { kind: inspector.kind, output: Buffer.concat(passed) };
}

describe("recognising files by their first bytes", () => {
  it.each([
    ["pdf", sample.pdf()],
    ["png", sample.png()],
    ["jpeg", sample.jpeg()],
    ["docx", sample.docx()],
    ["docx", sample.docx({ dataDescriptor: true })],
    ["xlsx", sample.xlsx()],
    ["odt", sample.odt()],
  ] as const)("recognises %s", (kind, bytes) => {
    expect(sniffFileKind(bytes)).toEqual({ kind });
  });

  it("recognises nothing else: a program, text, an empty file, a plain ZIP, ZIPs that only look like office files", () => {
    expect(sniffFileKind(sample.exe())).toEqual({ kind: null, reason: "unknown" });
    expect(sniffFileKind(Buffer.from("<html><script>alert(1)</script></html>"))).toEqual({ kind: null, reason: "unknown" });
    expect(sniffFileKind(Buffer.alloc(0))).toEqual({ kind: null, reason: "empty" });
    expect(sniffFileKind(zipArchive([{ name: "photo.jpg", content: "x" }]))).toEqual({ kind: null, reason: "unknown" });
    // A `word/` folder without the OOXML content-types part is not a Word document.
    expect(sniffFileKind(zipArchive([{ name: "word/document.xml", content: "<x/>" }]))).toEqual({ kind: null, reason: "unknown" });
    // The ODF marker must be the first entry, stored, with the text document's media type.
    expect(sniffFileKind(zipArchive([{ name: "content.xml", content: "<x/>" }, { name: "mimetype", content: "application/vnd.oasis.opendocument.text", method: "store" }]))).toEqual({ kind: null, reason: "unknown" });
    expect(sniffFileKind(zipArchive([{ name: "mimetype", content: "application/vnd.oasis.opendocument.spreadsheet", method: "store" }]))).toEqual({ kind: null, reason: "unknown" });
    // PNG's signature without its header chunk is no image.
    expect(sniffFileKind(sample.png().subarray(0, 10))).toEqual({ kind: null, reason: "unknown" });
  });

  it("judges a truncated archive by what is there: its first 20 bytes are no document", () => {
    expect(sniffFileKind(sample.docx().subarray(0, 20))).toEqual({ kind: null, reason: "unknown" });
  });

  it("checks a ZIP's end record: whole archives pass, cut ones do not", () => {
    const whole = sample.docx();
    expect(zipEndIsIntact(whole, whole.length)).toBe(true);
    const cut = whole.subarray(0, whole.length - 30);
    expect(zipEndIsIntact(cut, cut.length)).toBe(false);
    // An end record that claims a directory beyond itself (the middle of the file is missing).
    const spliced = Buffer.concat([whole.subarray(0, 40), whole.subarray(whole.length - 22)]);
    expect(zipEndIsIntact(spliced, spliced.length)).toBe(false);
  });

  it("reads name endings only where they look like one", () => {
    expect(nameEnding("Antrag.PDF")).toBe("pdf");
    expect(nameEnding("Bericht v1.2")).toBeNull();
    expect(nameEnding("ohne Endung")).toBeNull();
    expect(nameEnding("archiv.tar.gz")).toBe("gz");
  });
});

describe("the inspector a file streams through", () => {
  it("passes an allowed file through unchanged and names its kind", async () => {
    const bytes = sample.pdf(200_000);
    const result = await inspect(bytes, ["pdf"], "Konzept.pdf");
    expect(result).toMatchObject({ kind: "pdf" });
    expect(result.output!.equals(bytes)).toBe(true);
  });

  it("accepts a whole office document of each kind, also when its first bytes arrive one at a time", async () => {
    expect(await inspect(sample.docx(), ["docx"], "Antrag.docx", undefined, 1)).toMatchObject({ kind: "docx" });
    expect(await inspect(sample.xlsx(), ["xlsx"], "Finanzplan.xlsx")).toMatchObject({ kind: "xlsx" });
    expect(await inspect(sample.odt(), ["odt"], "Konzept.odt")).toMatchObject({ kind: "odt" });
  });

  it("refuses a .pdf name with PNG content: as a wrong kind where PNG is not allowed, as a mismatch where it is", async () => {
    expect(await inspect(sample.png(), ["pdf"], "Konzept.pdf")).toMatchObject({ refusal: "notAllowed", passedBytes: 0 });
    expect(await inspect(sample.png(), ["pdf", "png"], "Konzept.pdf")).toMatchObject({ refusal: "nameMismatch", passedBytes: 0 });
  });

  it("refuses a program renamed to .pdf, and an empty file, before passing on a single byte", async () => {
    expect(await inspect(sample.exe(), ["pdf", "docx"], "Antrag.pdf")).toMatchObject({ refusal: "notAllowed", passedBytes: 0 });
    expect(await inspect(Buffer.alloc(0), ["pdf"], "leer.pdf")).toMatchObject({ refusal: "empty", passedBytes: 0 });
  });

  it("refuses a truncated Word document at its end", async () => {
    const docx = sample.docx();
    expect(await inspect(docx.subarray(0, docx.length - 10), ["docx"], "Antrag.docx")).toMatchObject({ refusal: "damaged" });
    expect(await inspect(docx.subarray(0, 25), ["docx"], "Antrag.docx")).toMatchObject({ refusal: "notAllowed" });
  });

  it("stops as soon as the size limit is passed, having passed on no more than the limit", async () => {
    const result = await inspect(sample.pdf(300_000), ["pdf"], "gross.pdf", 100_000, 4096);
    expect(result).toMatchObject({ refusal: "tooLarge" });
    expect(result.passedBytes).toBeLessThanOrEqual(100_000);
  });

  it("holds back no more than the sniffing window before deciding", async () => {
    const inspector = new FileInspector({ accept: ["pdf"], maxBytes: 10_000_000, originalName: "a.pdf" });
    let passed = 0;
    inspector.on("data", (chunk: Buffer) => (passed += chunk.length));
    inspector.write(sample.pdf(SNIFF_BYTES).subarray(0, SNIFF_BYTES - 1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(0);
    inspector.write(Buffer.alloc(10, 0x20));
    await expect(inspector.decided).resolves.toBe("pdf");
    await new Promise((resolve) => setImmediate(resolve));
    expect(passed).toBe(SNIFF_BYTES + 9);
    inspector.destroy();
  });
});

describe("which places of a form take files", () => {
  const definition = formDefinition.parse({
    sections: [
      {
        key: "anlagen",
        titleDe: "Anlagen",
        titleEn: "Attachments",
        fields: [
          { key: "konzept", type: "file", labelDe: "Konzept", labelEn: "Concept", required: true, accept: ["pdf", "docx"], maxSizeMb: 20, maxFiles: 3 },
          { key: "partner", type: "partners", labelDe: "Partner", labelEn: "Partners", required: true, requireLetterOfIntent: true },
          { key: "titel", type: "shortText", labelDe: "Titel", labelEn: "Title", required: true },
        ],
      },
    ],
  });

  it("gives a file field's limits, a partner row's letter limits, and nothing for other keys", () => {
    expect(uploadLimitsFor(definition, "konzept")).toEqual({ accept: ["pdf", "docx"], maxSizeMb: 20, maxFiles: 3 });
    expect(uploadLimitsFor(definition, "partner.0")).toEqual({ accept: ["pdf"], maxSizeMb: 10, maxFiles: 1 });
    expect(uploadLimitsFor(definition, "partner.12")).toEqual({ accept: ["pdf"], maxSizeMb: 10, maxFiles: 1 });
    for (const key of ["titel", "partner", "partner.01", "partner.-1", "konzept.0", "unbekannt", "../etc/passwd", "partner.99999"]) {
      expect(uploadLimitsFor(definition, key), key).toBeNull();
    }
    expect(uploadLimitsFor(null, "konzept")).toBeNull();
    // A stored file field without its limits takes no files rather than unlimited ones.
    expect(uploadLimitsFor({ sections: [{ fields: [{ key: "konzept", type: "file", labelDe: "K", labelEn: "C", required: false }] }] }, "konzept")).toBeNull();
  });

  it("fills the answers from the stored files: ids per field, letters per partner row", () => {
    const answers = answersWithFiles(
      definition,
      { fields: { titel: "T", konzept: ["stale-id"], partner: [{ name: "Schule", type: "SCHOOL", role: "", letterFileId: "old" }, { name: "Firma", type: "COMPANY", role: "" }] } },
      [
        { id: "f1", fieldKey: "konzept" },
        { id: "f2", fieldKey: "konzept" },
        { id: "l2", fieldKey: "partner.1" },
        { id: "gone", fieldKey: null },
      ],
    );
    expect(answers.fields).toEqual({
      titel: "T",
      konzept: ["f1", "f2"],
      partner: [
        { name: "Schule", type: "SCHOOL", role: "" },
        { name: "Firma", type: "COMPANY", role: "", letterFileId: "l2" },
      ],
    });
  });

  it("lists endings and types for the file picker", () => {
    expect(acceptAttribute(["pdf", "jpeg"])).toBe(".pdf,application/pdf,.jpg,.jpeg,image/jpeg");
  });
});
