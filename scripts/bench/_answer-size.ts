/**
 * `npx tsx scripts/bench/_answer-size.ts`: the size of the background's answers (packed verdicts,
 * as JSON characters) for the 1.3 MB page of `npm run bench -- page`, batched as the content
 * script sends it (a batch every 500 figures), with each reason line sent once against inline.
 * Deterministic (no browser): what each answer costs to copy out of the worker and convert in the page.
 */
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { packVerdicts } from '../../data/match/pack-verdicts';
import { bundledPack } from '../../data/packs';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { AnnotateRequest } from '../../data/schema/messages';
import { readArticle } from '../eval/read-article';
import { bigPage } from './page';
const { html } = bigPage();
const article = readArticle(html, 'big.html');
const index = buildIndex([bundledPack]);
let before = 0;
let after = 0;
let figures = 0;
let whys = 0;
let batches = 0;
let writer = new AnnotateWriter();
let inBatch = 0;
const flush = () => {
  const decoded = decodeAnnotate(AnnotateRequest.parse(writer.request('http://127.0.0.1/big', article.title.slice(0, 500), article.published)));
  if (!decoded.ok) throw new Error(decoded.error);
  const packed = packVerdicts(matchBatch(index, decoded.value));
  after += JSON.stringify(packed).length;
  // As before: every verdict's reason line inline.
  before += JSON.stringify({ facts: packed.facts, verdicts: packed.verdicts.map((v) => (v.why === undefined ? v : { ...v, why: packed.whys![v.why] })) }).length;
  figures += packed.verdicts.length;
  whys += packed.whys?.length ?? 0;
  batches++;
  writer = new AnnotateWriter();
  inBatch = 0;
};
article.blocks.forEach((text, b) => {
  const found = recognize(text, { locale: 'en' });
  if (!found.length) return;
  const at = writer.addBlock(text, article.headings[b], article.leads[b]);
  for (const f of found) writer.addFigure(at, f);
  inBatch += found.length;
  if (inBatch >= 500) flush(); // as the content script's early batches
});
if (inBatch) flush();
console.log({ batches, figures, distinctWhys: whys, answerCharsBefore: before, answerCharsAfter: after, ratio: (after / before).toFixed(3) });
