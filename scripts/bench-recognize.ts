/**
 * Benchmark: Factmark's recognize() against Microsoft Recognizers-Text (CurrencyModel,
 * `recognizeCurrency(text, Culture.English)`) on
 *   (a) our golden corpus (money figures only for the peer: it recognises currency, nothing else),
 *   (b) the peer's own English currency spec (third-party test data, MIT),
 * plus recognize() throughput on ~1 MB of article text beside a bare /\d+/g pass, and both
 * recognizers' time on the 3.3 KB demo article. The peer is super-linear, so it only ever sees
 * the short texts. Run with `npm run bench:recognize`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Culture, recognizeCurrency } from '@microsoft/recognizers-text-number-with-unit';
import { recognize } from '../data/recognize/index';
import { GOLDEN_CASES } from '../tests/recognize/golden-cases';
import {
  EXCLUSION_REASONS,
  loadSpecCases,
  oursMoney,
  figureSpan,
  peerSpan,
  score,
  type EvalCase,
  type MoneySpan,
  type Score,
} from './recognize-eval';
import { measureThroughput, throughputTable } from './bench/recognize';

const ARTICLE = readFileSync(fileURLToPath(new URL('../tests/fixtures/bench-article.txt', import.meta.url)), 'utf8');

/** The peer's currency results as spans (its `end` is inclusive). */
function peerMoney(input: string): MoneySpan[] {
  return recognizeCurrency(input, Culture.English)
    .filter((r) => r.resolution && r.resolution.value != null)
    .map((r) => peerSpan(r.start, r.end, r.resolution.value as string | number, String(r.resolution.unit), r.resolution.isoCurrency as string | undefined));
}

/** All our figures as spans (for the all-kinds golden row). */
function oursAll(input: string): MoneySpan[] {
  return recognize(input).map(figureSpan);
}

/** Golden cases as EvalCases; with `moneyOnly`, only money figures count (the others become ignored spans). */
function goldenCases(moneyOnly: boolean): EvalCase[] {
  const out: EvalCase[] = [];
  for (const c of GOLDEN_CASES) {
    const hasMoney = c.expected.some((e) => e.kind === 'money');
    // The peer's subset: sentences with money, plus the figure-free negatives.
    if (moneyOnly && !hasMoney && c.expected.length > 0) continue;
    const expected: MoneySpan[] = [];
    const ignored: MoneySpan[] = [];
    let from = 0;
    for (const e of c.expected) {
      const start = c.input.indexOf(e.text, from);
      if (start < 0) throw new Error(`golden text not found: ${e.text} in ${c.input}`);
      from = start + e.text.length;
      const span = { start, end: from, value: e.value, high: e.high, unit: e.unit };
      (moneyOnly && e.kind !== 'money' ? ignored : expected).push(span);
    }
    out.push({ input: c.input, expected, ignored });
  }
  return out;
}

/** Median time of `runs` calls of `fn`, in ms. */
function median(fn: () => void, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number, d = 3) => x.toFixed(d);

function row(name: string, set: string, cases: number, s: Score): string {
  const prec = `${num(s.precision)} (${s.correct}/${s.predicted})`;
  const rec = `${num(s.recall)} (${s.found}/${s.expected})`;
  return (
    `| ${pad(name, 28)} | ${pad(set, 34)} | ${String(cases).padStart(5)} | ${String(s.expected).padStart(8)} | ` +
    `${pad(prec, 20)} | ${pad(rec, 20)} | ${s.ms.toFixed(1).padStart(9)} |`
  );
}

function main(): void {
  const t0 = performance.now();
  // Throughput on ~1 MB of article text (shared with `npm run bench`), measured before the peer
  // first runs: its first call changes String.prototype's hidden class, V8 then deoptimises every
  // string-scanning function in the process, and recognize() re-optimises to ~90 instead of ~150
  // MB/s (the pre-rewrite recognizer too). The content script never loads the peer.
  const tp = measureThroughput();
  // Warm up both (the peer builds its models on first use; reported separately).
  const w0 = performance.now();
  peerMoney('warm up: $1 billion');
  const peerInit = performance.now() - w0;
  recognize('warm up: $1 billion');

  const goldenAll = goldenCases(false);
  const goldenMoney = goldenCases(true);
  const spec = loadSpecCases();

  console.log('# recognize() vs Microsoft Recognizers-Text CurrencyModel (English)\n');
  console.log('precision: predicted figures overlapping an expected figure / all predicted (overlaps with');
  console.log('excluded spec results are ignored); exact-value recall: expected figures matched by an');
  console.log('overlapping prediction with the same value, high and unit / all expected.');
  console.log('The peer is a currency recognizer, so it is scored on money only: the golden sentences');
  console.log('that contain money plus the figure-free negatives (other kinds there are ignored).\n');
  console.log(
    `| ${pad('recognizer', 28)} | ${pad('test set', 34)} | cases | expected | precision            | exact-value recall   | time (ms) |`,
  );
  console.log(`|${'-'.repeat(30)}|${'-'.repeat(36)}|-------|----------|----------------------|----------------------|-----------|`);
  console.log(row('Factmark recognize()', 'golden, all kinds', goldenAll.length, score(goldenAll, oursAll)));
  console.log(row('Factmark recognize()', 'golden, money subset', goldenMoney.length, score(goldenMoney, oursMoney)));
  console.log(row('Recognizers-Text Currency', 'golden, money subset', goldenMoney.length, score(goldenMoney, peerMoney)));
  console.log(row('Factmark recognize()', 'Recognizers-Text English spec', spec.cases.length, score(spec.cases, oursMoney)));
  console.log(row('Recognizers-Text Currency', 'Recognizers-Text English spec', spec.cases.length, score(spec.cases, peerMoney)));
  const nEx = Object.values(spec.excluded).reduce((a, b) => a + b, 0);
  console.log(`\nSpec: ${spec.total} expected results, ${nEx} excluded from scoring (for both recognizers):`);
  for (const [k, n] of Object.entries(spec.excluded)) {
    console.log(`  ${String(n).padStart(3)} × ${EXCLUSION_REASONS[k as keyof typeof EXCLUSION_REASONS]}`);
  }
  console.log(`Peer model initialisation (first call, not in the times above): ${peerInit.toFixed(0)} ms`);

  console.log(`\n## Throughput on ${tp.mb.toFixed(2)} MB of article text (bench-article.txt repeated, median of ${tp.rounds})\n`);
  console.log(throughputTable(tp));
  console.log('(Measured at start-up, before the peer first runs: see the comment in main().)');

  // Both recognizers on the 3.3 KB article.
  const oursArticle = median(() => void recognize(ARTICLE), 51);
  const peerArticle = median(() => void peerMoney(ARTICLE), 5);
  const oursFound = recognize(ARTICLE).filter((f) => f.kind === 'money').length;
  const peerFound = peerMoney(ARTICLE).length;
  console.log(`\n## The ${(ARTICLE.length / 1000).toFixed(1)} KB demo article (median)\n`);
  console.log(`| recognizer                  | time (ms) | money figures |`);
  console.log(`|-----------------------------|-----------|---------------|`);
  console.log(`| Factmark recognize()        | ${oursArticle.toFixed(3).padStart(9)} | ${String(oursFound).padStart(13)} |`);
  console.log(`| Recognizers-Text Currency   | ${peerArticle.toFixed(1).padStart(9)} | ${String(peerFound).padStart(13)} |`);
  console.log(`Peer / ours time ratio on the article: ${(peerArticle / oursArticle).toFixed(0)}×`);
  console.log(`\nTotal benchmark time: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
