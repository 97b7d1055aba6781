import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../scripts/icon-sizes';

const root = resolve(import.meta.dirname, '../..');

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
}

describe('icons', () => {
  it('has the SVG source with the three verdict underlines', () => {
    const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
    expect(svg).toContain('#1a7f37'); // solid green: verified
    expect(svg).toContain('#cf222e'); // wavy red: differs
    expect(svg).toContain('#6e7781'); // dotted grey: unverified
  });

  for (const size of ICON_SIZES) {
    it(`has a ${size}x${size} PNG with transparency rendered from it`, () => {
      const header = pngHeader(readFileSync(resolve(root, `public/icon/${size}.png`)));
      expect(header).toEqual({ width: size, height: size, colourType: 6 }); // RGBA
    });
  }
});
