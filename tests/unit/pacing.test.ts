import { describe, expect, it } from 'vitest';
import { PassPacer } from '../../entrypoints/content/pacing';

describe('pass pacing', () => {
  it('lets a burst through, then paces passes to the rate, whatever the demand', () => {
    const pacer = new PassPacer(0, 5, 10);
    for (let i = 0; i < 5; i++) expect(pacer.take(0)).toBe(0);
    expect(pacer.take(0)).toBe(100);
    // Asking every millisecond for 3 s: at most 10 a second after the burst.
    let passes = 0;
    for (let t = 1; t <= 3000; t++) if (pacer.take(t) === 0) passes++;
    expect(passes).toBe(30);
  });

  it('refills while idle, never past the burst', () => {
    const pacer = new PassPacer(0, 3, 10);
    for (let i = 0; i < 3; i++) pacer.take(0);
    let passes = 0;
    while (pacer.take(60_000) === 0) passes++;
    expect(passes).toBe(3);
  });
});
