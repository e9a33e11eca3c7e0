/**
 * `Content-Disposition: attachment` for a download: `filename*` carries the real name (RFC 6266/8187),
 * `filename` an ASCII stand-in for old clients.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "file";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
