import { describe, expect, it } from 'vitest';
import { recognize } from '../../data/recognize/index';

/**
 * Property test: recognize() runs in time linear in the input, on random and adversarial text.
 * We time input of length n and 4n and require the ratio to stay far below the 16 a quadratic
 * scan would give. No absolute wall-clock bound: the CI machine is small and noisy.
 */

/** Deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = '0123456789 ,.-$€£%abcdefghijklmnopqrstuvwxyzBMKGWüåö';
const TOKENS = [
  '$', '1', '12', '1,', '1.5', ' billion', 'bn', ' to ', '-', ' and ', 'between ', 'up to ',
  'US$', 'C $ ', 'USD', '%', ' percent', ' gigawatts', ' GW', '-year', ' years', 'half a ',
  'fifty ', 'twenty-', ' euros', ' ', ', ', 'Rs ', 'crore', 'GPT-4 ', '2025 ', ' cents', 'p',
  ' dollars ', 'a penny', 'sen ', ' euro cents',
];

function randomChars(n: number, seed: number): string {
  const r = rng(seed);
  let s = '';
  while (s.length < n) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s.slice(0, n);
}
function randomTokens(n: number, seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let len = 0;
  while (len < n) {
    const t = TOKENS[Math.floor(r() * TOKENS.length)];
    parts.push(t);
    len += t.length;
  }
  return parts.join('').slice(0, n);
}
const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const GENERATORS: [string, (n: number) => string][] = [
  ['random characters', (n) => randomChars(n, 1)],
  ['random figure tokens', (n) => randomTokens(n, 2)],
  ['repeated "$1 "', repeat('$1 ')],
  ['"1,1,1,1..."', repeat('1,')],
  ['one long digit run', repeat('7')],
  ['long decimal chain "1.1.1.1..."', repeat('1.')],
  ['repeated range openers "$1-"', repeat('$1-')],
  ['repeated "between $1 and "', repeat('between $1 and ')],
  ['repeated number words "twenty-"', repeat('twenty-')],
  ['repeated "half a "', repeat('half a ')],
  ['repeated "1 to "', repeat('1 to ')],
  ['spaces and dollars "$ $ $"', repeat('$ ')],
  ['repeated "US$1.5bn to US$"', repeat('US$1.5bn to US$')],
  ['repeated compound prices "1 dollars and 1 "', repeat('1 dollars and 1 ')],
  ['repeated pence "12p 12p"', repeat('12p ')],
  ['number words inside non-English words "Blüten båten "', repeat('Blüten båten ')],
];

/**
 * The fastest of seven timed runs of each text, after a warm-up, the two texts taking turns so
 * both see the same load: load on a shared machine only ever adds time, so the minimum is the
 * least noisy.
 */
function timeBoth(small: string, large: string): [number, number] {
  recognize(small);
  recognize(large);
  const best = [Infinity, Infinity];
  for (let k = 0; k < 7; k++) {
    [small, large].forEach((text, i) => {
      const t0 = performance.now();
      recognize(text);
      best[i] = Math.min(best[i]!, performance.now() - t0);
    });
  }
  return [best[0]!, best[1]!];
}

describe('recognize() is linear', () => {
  it.each(GENERATORS)('%s: time(4n)/time(n) stays small', (_name, gen) => {
    const n = 100_000;
    const small = gen(n);
    const large = gen(4 * n);
    const figures = recognize(large);
    for (let i = 1; i < figures.length; i++) expect(figures[i].start).toBeGreaterThanOrEqual(figures[i - 1].end);
    const [fast, slow] = timeBoth(small, large);
    // Floor tiny timings so timer noise on sub-millisecond runs cannot fake a large ratio.
    const ratio = slow / Math.max(fast, 0.5);
    // Linear gives 4 (a little more with the garbage of 4x the figures), quadratic 16.
    expect(ratio, `n=${n}: ${fast.toFixed(2)} ms, 4n: ${slow.toFixed(2)} ms`).toBeLessThan(10);
  }, 60_000); // sixteen timed runs of up to 400,000 characters: seconds on a loaded machine
});
