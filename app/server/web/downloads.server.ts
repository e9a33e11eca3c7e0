/**
 * `Content-Disposition: attachment` for a download: `filename*` carries the real name (RFC 6266/8187),
 * `filename` an ASCII stand-in for old clients.
 */
function attachmentDisposition(name: string): string {
  const fallback = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "file";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers of a download: always saved under its own name, never shown in the page's origin
 * (sandboxed should a browser render it all the same), never kept in a cache. `X-Content-Type-Options`
 * is not among them: the server sends it with every response (security-headers.server.ts).
 */
export function downloadHeaders(file: { name: string; contentType: string; sizeBytes: number }): Record<string, string> {
  return {
    "Content-Type": file.contentType,
    "Content-Length": String(file.sizeBytes),
    "Content-Disposition": attachmentDisposition(file.name),
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
  };
}
