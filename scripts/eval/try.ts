/**
 * `npx tsx scripts/eval/try.ts [--set | --pack FILE] "sentence" ...`: each sentence as a paragraph
 * of its own through the real recognizer and matcher, against the bundled pack (and, with `--set`,
 * the evaluation set's pack, or with `--pack`, that pack), as an article titled "Amazon invests in
 * OpenAI" of 28 February 2026 (TITLE= and PUBLISHED= change them);
 * prints each figure's verdict and fact (with WHY=1, each verdict's reason too). For trying hard
 * cases before they go into tests/eval.
 */
import { readFileSync } from 'node:fs';
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { bundledPack, parsePack } from '../../data/packs';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';

let args = process.argv.slice(2);
const packs = [bundledPack];
const extra = args[0] === '--set' ? new URL('../../tests/eval/pack.json', import.meta.url) : args[0] === '--pack' ? args[1] : undefined;
if (extra) {
  args = args.slice(args[0] === '--set' ? 1 : 2);
  const set = parsePack(JSON.parse(readFileSync(extra, 'utf8')));
  if (!set.ok) throw new Error(set.error);
  packs.push(set.value);
}
const index = buildIndex(packs);
for (const sentence of args) {
  const figures = recognize(sentence, { locale: 'en' });
  if (!figures.length) {
    console.log(`${JSON.stringify(sentence)} => no figures`);
    continue;
  }
  const writer = new AnnotateWriter();
  const at = writer.addBlock(sentence);
  for (const figure of figures) writer.addFigure(at, figure);
  const request = decodeAnnotate(writer.request('https://news.example/story', process.env.TITLE ?? 'Amazon invests in OpenAI', process.env.PUBLISHED ?? '2026-02-28'));
  if (!request.ok) throw new Error(request.error);
  const verdicts = matchBatch(index, request.value);
  const lines = figures.map((f, i) => `${f.text}: ${verdicts[i]!.verdict}${verdicts[i]!.fact ? ` [${verdicts[i]!.fact!.id}]` : ''}`);
  console.log(`${JSON.stringify(sentence)} => ${lines.join(' | ')}`);
  if (process.env.WHY) for (const v of verdicts) console.log("   ", JSON.stringify({ ...v, fact: v.fact?.id }));
}
