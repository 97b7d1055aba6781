/** A request body read within a size limit. */
export type LimitedBody = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads a request body as UTF-8 text, at most `maxBytes`. A larger body is still read to its end
 * (discarded, up to `drainBytes`) so the client receives the 413 answer instead of a connection
 * reset, which Factmark would take for "server down" and retry forever.
 */
export async function readWithin(request: Request, maxBytes: number, drainBytes = 16 * 1024 * 1024): Promise<LimitedBody> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > drainBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > drainBytes) {
      await reader.cancel();
      return { ok: false, tooLarge: true };
    }
    if (size <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes) return { ok: false, tooLarge: true };
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
