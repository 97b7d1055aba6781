import { inflateSync } from 'node:zlib';
import type { Page } from '../../scripts/lib/harness-page';

/** An image as rows of RGBA bytes. */
export interface Pixels {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** A rectangle in the viewport, in CSS pixels. */
export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A screenshot of part of the viewport, decoded: what the reader sees there. Playwright's page in
 * Chromium, puppeteer's behind the Firefox harness page (`raw`).
 */
export async function screenshot(page: Page, clip: Clip): Promise<Pixels> {
  const raw = (page as unknown as { raw?: { screenshot(o: object): Promise<Uint8Array> } }).raw;
  const png = raw ? await raw.screenshot({ clip, encoding: 'binary' }) : await (page as unknown as { screenshot(o: object): Promise<Uint8Array> }).screenshot({ clip });
  return decodePng(Buffer.from(png));
}

/** How many pixels satisfy `test`. */
export function countPixels(image: Pixels, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < image.rgba.length; i += 4) if (test(image.rgba[i]!, image.rgba[i + 1]!, image.rgba[i + 2]!)) n++;
  return n;
}

/** The mismatch underline's red (rgb(207, 34, 46)), not its pale tint behind the text nor dark text. */
export const isMismatchRed = (r: number, g: number, b: number) => r > 150 && g < 110 && b < 110;
/** The verified underline's green (rgb(26, 127, 55)). */
export const isVerifiedGreen = (r: number, g: number, b: number) => g > 90 && g > r + 40 && g > b + 30;

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what both browsers' screenshots are). */
export function decodePng(bytes: Buffer): Pixels {
  if (bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? cur[i - channels]! : 0;
      const up = prev[i]!;
      const upLeft = i >= channels ? prev[i - channels]! : 0;
      const pred = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      cur[i] = (line[i]! + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out.set([cur[x * channels]!, cur[x * channels + 1]!, cur[x * channels + 2]!, channels === 4 ? cur[x * channels + 3]! : 255], (y * width + x) * 4);
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
