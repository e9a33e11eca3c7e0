import { crc32, deflateRawSync } from "node:zlib";

/**
 * Small but genuine files of each kind an upload field may allow, built byte by byte: ZIP archives
 * laid out as Word, Excel and LibreOffice write them, a real 1×1 PNG, a JPEG header, a PDF.
 */

export interface ZipEntrySpec {
  name: string;
  content: string | Buffer;
  /** Deflated (as office programs write most parts) or stored. */
  method?: "store" | "deflate";
  /** Sizes after the data (bit 3), as streaming ZIP writers do; the reader must search for the next entry. */
  dataDescriptor?: boolean;
}

export function zipArchive(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, "utf8");
    const deflate = (entry.method ?? "deflate") === "deflate";
    const data = deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(raw);
    const flags = entry.dataDescriptor ? 0x08 : 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(deflate ? 8 : 0, 8);
    header.writeUInt32LE(entry.dataDescriptor ? 0 : crc, 14);
    header.writeUInt32LE(entry.dataDescriptor ? 0 : data.length, 18);
    header.writeUInt32LE(entry.dataDescriptor ? 0 : raw.length, 22);
    header.writeUInt16LE(name.length, 26);
    const parts = [header, name, data];
    if (entry.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
      parts.push(descriptor);
    }
    const local = Buffer.concat(parts);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(Buffer.concat([central, name]));
    locals.push(local);
    offset += local.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main}" ContentType="application/xml"/></Types>`;
const relationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;

export const sample = {
  pdf: (bodyBytes = 2000) =>
    Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", "latin1"), Buffer.alloc(bodyBytes, 0x20), Buffer.from("\n%%EOF\n")]),
  png: () => Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", "latin1"), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]),
  /** As Word writes it: content types first, the document under word/. */
  docx: (options: { dataDescriptor?: boolean } = {}) =>
    zipArchive([
      { name: "[Content_Types].xml", content: contentTypes("/word/document.xml"), dataDescriptor: options.dataDescriptor },
      { name: "_rels/.rels", content: relationships, dataDescriptor: options.dataDescriptor },
      { name: "word/document.xml", content: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Antrag</w:t></w:r></w:p></w:body></w:document>`, dataDescriptor: options.dataDescriptor },
    ]),
  xlsx: () =>
    zipArchive([
      { name: "[Content_Types].xml", content: contentTypes("/xl/workbook.xml") },
      { name: "_rels/.rels", content: relationships },
      { name: "xl/workbook.xml", content: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>` },
    ]),
  /** As LibreOffice writes it: an uncompressed `mimetype` entry first. */
  odt: () =>
    zipArchive([
      { name: "mimetype", content: "application/vnd.oasis.opendocument.text", method: "store" },
      { name: "content.xml", content: `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>` },
      { name: "META-INF/manifest.xml", content: `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>` },
    ]),
  /** A Windows program: "MZ", the DOS stub, then the PE header. */
  exe: () => Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(400, 0), Buffer.from("PE\0\0", "latin1")]),
};
