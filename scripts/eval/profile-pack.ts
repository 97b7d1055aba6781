/**
 * matchBatch alone, in Node, on the pack-store bench's batches: 200 figures, each in a sentence
 * naming a deal's two parties, against an index of the bundled pack plus the bench's synthetic
 * 100,000-fact pack, beside the same batch against the bundled pack alone, in the same run; once
 * for a batch about the synthetic companies (the bundled pack knows none of them) and once for a
 * batch about the bundled pack's companies (the big pack adds hundreds of facts about each).
 * Prints cold (first batch on a fresh index) and warm (fastest of runs: the machine is shared) times and their ratio, and
 * the verdict counts (they must not change). Usage: `npx tsx scripts/eval/profile-pack.ts [runs]`;
 * for a profile: `node --cpu-prof --import tsx scripts/eval/profile-pack.ts`.
 */
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { bundledPack } from '../../data/packs';
import type { MatchRequest } from '../../data/schema/messages';
import type { AnnotateRequest } from '../../data/schema/messages';
import { knownBatch, pageBatch, syntheticPack } from '../bench/_synthetic-pack';

const RUNS = Number(process.argv[2] ?? 30);
const big = syntheticPack(100_000, 7, bundledPack.entities);

for (const [title, batch] of [
  ['batch about the synthetic companies', pageBatch(big, 200)],
  ["batch about the bundled pack's companies", knownBatch(bundledPack, 200)],
] as [string, AnnotateRequest][]) {
  console.log(title);
  profile(batch);
}

function profile(batch: AnnotateRequest): void {
const decoded = decodeAnnotate(batch);
if (!decoded.ok) throw new Error(decoded.error);
const request: MatchRequest = decoded.value;

const named = new Set(request.figures.flatMap((q) => big.entities.filter((e) => q.sentence.includes(e.name)).map((e) => e.id)));
const slice = { ...big, facts: big.facts.filter((f) => named.has(f.subject) || (f.object !== undefined && named.has(f.object))) };

/** Cold first batch, then the fastest of `RUNS` more, and the first batch's verdict counts. */
function measure(packs: Parameters<typeof buildIndex>[0]): { build: number; cold: number; warm: number; verdicts: Record<string, number> } {
  let t = performance.now();
  const index = buildIndex(packs);
  const build = performance.now() - t;
  t = performance.now();
  const first = matchBatch(index, request);
  const cold = performance.now() - t;
  const verdicts: Record<string, number> = {};
  for (const v of first) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    t = performance.now();
    matchBatch(index, request);
    times.push(performance.now() - t);
  }
  return { build, cold, warm: Math.min(...times), verdicts };
}

// Alternate the two cases so both see the same machine load; warm the code once first.
measure([bundledPack]);
const rows: Record<'bundled' | 'sliced' | 'both', ReturnType<typeof measure>>[] = [];
for (let i = 0; i < 3; i++) rows.push({ bundled: measure([bundledPack]), sliced: measure([bundledPack, slice]), both: measure([bundledPack, big]) });
const ms = (x: number) => `${x.toFixed(2)} ms`;
for (const { bundled, sliced, both } of rows) {
  console.log(
    `bundled: cold ${ms(bundled.cold)}, warm ${ms(bundled.warm)} | +${slice.facts.length} facts named: cold ${ms(sliced.cold)}, warm ${ms(sliced.warm)} | +100k: build ${both.build.toFixed(0)} ms, cold ${ms(both.cold)}, warm ${ms(both.warm)} | 100k/bundled warm ${(both.warm / bundled.warm).toFixed(1)}x, 100k/named warm ${(both.warm / sliced.warm).toFixed(1)}x cold ${(both.cold / sliced.cold).toFixed(1)}x`,
  );
}
const v = rows[0]!;
console.log(`verdicts bundled ${JSON.stringify(v.bundled.verdicts)}; named slice ${JSON.stringify(v.sliced.verdicts)}; +100k ${JSON.stringify(v.both.verdicts)}`);
}
