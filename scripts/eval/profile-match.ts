/**
 * Matching alone, in Node, on the bench page's text: the demo article's paragraphs repeated to
 * ~1.3 MB with every number changed per copy (so no paragraph repeats), sent in batches of about
 * 500 figures as the content script sends them, against the bundled pack. Prints the time per
 * full page (wall and CPU time, median of runs: the machine may be shared). For profiling: `node --cpu-prof --import tsx scripts/eval/profile-match.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { bundledPack } from '../../data/packs';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import type { MatchRequest } from '../../data/schema/messages';
import { readArticle } from './read-article';

const PAGE_CHARS = 1.3e6;
const BATCH = 500;
const RUNS = Number(process.argv[2] ?? 7);

const html = readFileSync(fileURLToPath(new URL('../../demo/article.html', import.meta.url)), 'utf8');
const article = readArticle(html, 'demo.html');
const perCopy = article.blocks.join('\n').length;
const copies = Math.ceil(PAGE_CHARS / perCopy);
const requests: MatchRequest[] = [];
let writer = new AnnotateWriter();
const flush = () => {
  const decoded = decodeAnnotate(writer.request(article.url, article.title, article.published));
  if (!decoded.ok) throw new Error(decoded.error);
  requests.push(decoded.value);
  writer = new AnnotateWriter();
};
let figureCount = 0;
for (let c = 0; c < copies; c++) {
  for (const block of article.blocks) {
    // Each copy's digits shifted, so no paragraph repeats (as on the bench page).
    const text = block.replace(/\d/g, (d) => String((Number(d) + c) % 10 || 1));
    const figures = recognize(text, { locale: 'en' });
    if (!figures.length) continue;
    const at = writer.addBlock(text);
    for (const f of figures) writer.addFigure(at, f);
    figureCount += figures.length;
    if (writer.size >= BATCH) flush();
  }
}
if (writer.size) flush();

const index = buildIndex([bundledPack]);
const times: number[] = [];
const cpu: number[] = [];
/** Each batch's time in the first run: the matcher cold, as in a service worker's first page. */
const firstRun: number[] = [];
const verdicts: Record<string, number> = {};
for (let r = 0; r < RUNS; r++) {
  const start = performance.now();
  const used = process.cpuUsage();
  for (const request of requests) {
    const t = performance.now();
    const out = matchBatch(index, request);
    if (r === 0) firstRun.push(performance.now() - t);
    if (r === 0) for (const v of out) verdicts[v.verdict] = (verdicts[v.verdict] ?? 0) + 1;
  }
  times.push(performance.now() - start);
  const { user, system } = process.cpuUsage(used);
  cpu.push((user + system) / 1000);
}
const cold = times[0]!;
const coldCpu = cpu[0]!;
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`cold first run ${cold.toFixed(1)} ms (CPU ${coldCpu.toFixed(1)} ms), per batch ${firstRun.map((t) => t.toFixed(0)).join(' ')}`);
console.log(`${figureCount} figures in ${requests.length} batches (${copies} copies): median ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms, first ${times[0]!.toFixed(1)}..${times[RUNS - 1]!.toFixed(1)} ms; CPU median ${cpu[Math.floor(RUNS / 2)]!.toFixed(1)} ms, min ${cpu[0]!.toFixed(1)} ms; ${JSON.stringify(verdicts)}`);
