/**
 * recognize() throughput on ~1 MB of article text beside a bare regular-expression pass over the
 * same text (the floor). `npm run bench` runs the default export; scripts/bench-recognize.ts
 * reuses {@link measureThroughput} and {@link throughputTable} for its own section.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recognize } from '../../data/recognize/index';

const ARTICLE_PATH = fileURLToPath(new URL('../../tests/fixtures/bench-article.txt', import.meta.url));

/** Throughput of recognize() and of the floor, measured in the same rounds. */
export interface Throughput {
  /** Size of the text in MB (UTF-8). */
  mb: number;
  rounds: number;
  floorMs: number;
  oursMs: number;
  /** Median over rounds of recognize() time / floor time (robust to load from other processes). */
  ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ROUNDS = 21;
const WARMUP = 5;

/**
 * Times recognize() and a bare /\d+/g count loop on bench-article.txt repeated to ~1 MB,
 * alternating the two in each round so both see the same machine load. Reports medians after
 * WARMUP untimed rounds.
 */
export function measureThroughput(): Throughput {
  const article = readFileSync(ARTICLE_PATH, 'utf8');
  const input = article.repeat(Math.ceil(1_000_000 / article.length));
  let sink = 0;
  const floorRe = /\d+/g;
  const floorPass = () => {
    floorRe.lastIndex = 0;
    let n = 0;
    while (floorRe.exec(input) !== null) n++;
    sink += n;
  };
  const oursPass = () => {
    sink += recognize(input).length;
  };
  const time = (fn: () => void) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const floor: number[] = [];
  const ours: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < WARMUP + ROUNDS; r++) {
    const f = time(floorPass);
    const o = time(oursPass);
    if (r < WARMUP) continue;
    floor.push(f);
    ours.push(o);
    ratios.push(o / f);
  }
  if (sink === 0) throw new Error('throughput passes found nothing');
  return {
    mb: Buffer.byteLength(input, 'utf8') / 1e6,
    rounds: ROUNDS,
    floorMs: median(floor),
    oursMs: median(ours),
    ratio: median(ratios),
  };
}

/** The measurement as a Markdown table plus the ratio line. */
export function throughputTable(t: Throughput): string {
  const mbps = (ms: number) => (t.mb / (ms / 1000)).toFixed(0).padStart(7);
  return [
    `| pass                      | time (ms) | MB/s    |`,
    `|---------------------------|-----------|---------|`,
    `| bare /\\d+/g count loop    | ${t.floorMs.toFixed(2).padStart(9)} | ${mbps(t.floorMs)} |`,
    `| Factmark recognize()      | ${t.oursMs.toFixed(2).padStart(9)} | ${mbps(t.oursMs)} |`,
    `recognize() takes ${t.ratio.toFixed(2)}× the time of the bare regex pass (median of per-round ratios).`,
  ].join('\n');
}

/** `npm run bench` section. */
export default async function run(): Promise<void> {
  const t = measureThroughput();
  console.log(`## recognize() throughput\n`);
  console.log(`${t.mb.toFixed(2)} MB of article text (bench-article.txt repeated), median of ${t.rounds} rounds:\n`);
  console.log(throughputTable(t));
}
