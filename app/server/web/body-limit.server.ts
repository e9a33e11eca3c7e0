/** Forms of the application pages stay far below this; anything larger is not a person typing. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

function tooLarge(): Response {
  return new Response("Payload Too Large", { status: 413 });
}

/**
 * The request with its body read up to `maxBytes`: a larger body is refused with 413 before any of
 * it is parsed, whether it declares its length or streams without one.
 */
export async function limitBody(request: Request, maxBytes = MAX_FORM_BYTES): Promise<Request> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
