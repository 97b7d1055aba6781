import { bundledPack } from '../../data/packs';
import { buildIndex, decodeAnnotate, matchBatch, type MatchIndex } from '../../data/match';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { measure } from './measure';

/** Sentences of our own that reach most of the matcher's rules: money, shares, valuations, terms, power, stakes. */
const WARM_UP_TEXT = [
  'Amazon will invest an initial $15 billion in OpenAI, part of up to $50 billion, at a $730 billion pre-money valuation.',
  'OpenAI has agreed to spend about $100 billion on AWS over eight years for roughly two gigawatts of capacity.',
  'Microsoft, which owns 27% of the company, did not say whether it may add $5 billion more by 2030.',
];

let warmed = false;
const WARM_UP_ROUNDS = 4;

/**
 * Matches a few sentences once per service-worker life, while a page is still loading, so the
 * first page after a wake does not pay for compiling the matcher: a woken worker's first batch of
 * 34 figures took 60 ms to match, against ~3 ms warm (`npx tsx scripts/bench/_timeline.ts`).
 * Against `index`, the store's whole index when it is small enough to hold (its groups are
 * compiled then too), else the bundled pack. The verdicts are thrown away.
 */
export function warmUpMatcher(index: MatchIndex | undefined, idle: () => boolean): void {
  if (warmed) return;
  warmed = true;
  const start = performance.now();
  const writer = new AnnotateWriter();
  for (const text of WARM_UP_TEXT) {
    const block = writer.addBlock(text);
    for (const figure of recognize(text, { locale: 'en' })) writer.addFigure(block, figure);
  }
  const request = decodeAnnotate(writer.request('https://warm-up.invalid/', 'Amazon and OpenAI', '2026-03-01'));
  if (!request.ok) return;
  const warmIndex = index ?? buildIndex([bundledPack]);
  // A few rounds, a task each: code run once stays in the interpreter. A page's lookup that came
  // in the meantime goes first and ends the warm-up (it warms the matcher itself).
  let round = 0;
  const next = () => {
    if (round++ === WARM_UP_ROUNDS || !idle()) return measure('factmark:warm-up', start, { rounds: round - 1 });
    matchBatch(warmIndex, request.value);
    setTimeout(next, 0);
  };
  next();
}
