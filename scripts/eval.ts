/**
 * `npm run eval`: reads the evaluation sets (tests/eval, AI deals, and tests/eval-acquisitions,
 * company purchases: articles in our own words with the expected verdict of every figure, and a
 * third-party-style pack of the real facts they cite) through the real recognizer and matcher,
 * and prints for each set, with the bundled pack alone and with the set's pack too: figures,
 * verified with the right fact, verified wrongly, false "differs", missed, each verdict's
 * precision and recall. `--verbose` lists every error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildIndex, decodeAnnotate, matchBatch } from '../data/match';
import { bundledPack, parsePack } from '../data/packs';
import { recognize } from '../data/recognize';
import { AnnotateWriter } from '../data/schema/annotate-wire';
import { AnnotateRequest } from '../data/schema/messages';
import type { Pack } from '../data/schema/pack';
import { readArticle } from './eval/read-article';
import { FactBook, emptyScore, rates, type Score } from './eval/score';

/** The evaluation sets: each a folder of `articles/` and the `pack.json` of the facts they cite. */
export const EVAL_SETS = {
  'AI deals': fileURLToPath(new URL('../tests/eval/', import.meta.url)),
  acquisitions: fileURLToPath(new URL('../tests/eval-acquisitions/', import.meta.url)),
} as const;
const verbose = process.argv.includes('--verbose');

/** The pack of the set in `dir`. */
export function loadSetPack(dir: string): Pack {
  const parsed = parsePack(JSON.parse(readFileSync(`${dir}pack.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`${dir}pack.json: ${parsed.error}`);
  return parsed.value;
}

/** What a reader with `installed` facts should get for an expectation: the expected fact or one recording the same thing, else nothing. */
function translate(expect: string, book: FactBook, installed: ReadonlySet<string>): { verdict: string; facts: string[] } {
  const [verdict, fact] = expect.split(':') as [string, string | undefined];
  if (!fact || verdict === 'unverified') return { verdict: 'unverified', facts: [] };
  const facts = book.equivalents(fact, installed);
  return facts.length ? { verdict, facts } : { verdict: 'unverified', facts: [] };
}

/** Runs the whole set in `dir` (whose pack is `setPack`) with `packs` installed. */
export function evaluate(packs: readonly Pack[], setPack: Pack, log: (line: string) => void = () => {}, dir: string = EVAL_SETS['AI deals']): Score {
  const index = buildIndex(packs);
  const book = new FactBook([bundledPack, setPack]);
  const installed = new Set(packs.flatMap((p) => p.facts.map((f) => f.id)));
  const score = emptyScore();
  for (const name of readdirSync(`${dir}articles`).filter((f) => f.endsWith('.html')).sort()) {
    const article = readArticle(readFileSync(`${dir}articles/${name}`, 'utf8'), name);
    const writer = new AnnotateWriter();
    const found: { block: number; start: number; end: number; text: string }[] = [];
    article.blocks.forEach((text, b) => {
      const figures = recognize(text, { locale: article.lang });
      if (!figures.length) return;
      const at = writer.addBlock(text, article.headings[b], article.leads[b]);
      for (const f of figures) {
        writer.addFigure(at, f);
        found.push({ block: b, start: f.start, end: f.end, text: f.text });
      }
    });
    const request = AnnotateRequest.parse(writer.request(article.url, article.title.slice(0, 500), article.published));
    const decoded = decodeAnnotate(request);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
    const verdicts = matchBatch(index, decoded.value);
    const used = new Set<number>();
    found.forEach((fig, i) => {
      const v = verdicts[i]!;
      const e = article.expectations.findIndex((x) => x.block === fig.block && x.start < fig.end && fig.start < x.end);
      if (e >= 0) used.add(e);
      const want = translate(e >= 0 ? article.expectations[e]!.expect : 'unverified', book, installed);
      score.figures++;
      if (want.verdict === 'verified') score.expectedVerified++;
      if (want.verdict === 'mismatch') score.expectedMismatch++;
      const right = v.fact !== undefined && want.verdict === v.verdict && want.facts.some((f) => book.same(f, v.fact!.id));
      const where = `${name} "${fig.text}": expected ${want.verdict}${want.facts.length ? ` ${want.facts[0]}` : ''}, got ${v.verdict}${v.fact ? ` ${v.fact.id}` : ''}${v.why ? ` (${v.why})` : ''}`;
      if (v.verdict === 'verified') {
        if (right) score.verifiedRight++;
        else (score.verifiedWrong++, log(`WRONG MATCH  ${where}`));
      } else if (v.verdict === 'mismatch') {
        if (right) score.mismatchRight++;
        else (score.falseDiffers++, log(`FALSE DIFFERS  ${where}`));
      } else if (want.verdict !== 'unverified') {
        score.missed++;
        log(`missed  ${where}`);
      }
    });
    article.expectations.forEach((x, i) => {
      if (used.has(i)) return;
      const want = translate(x.expect, book, installed);
      if (want.verdict === 'unverified') return;
      score.missed++;
      if (want.verdict === 'verified') score.expectedVerified++;
      else score.expectedMismatch++;
      log(`missed (not recognized)  ${name} "${article.blocks[x.block]!.slice(x.start, x.end)}": expected ${x.expect}`);
    });
  }
  return score;
}

function row(label: string, s: Score): string {
  const r = rates(s);
  const pct = (x: number) => x.toFixed(3);
  return `| ${label} | ${s.figures} | ${s.expectedVerified + s.expectedMismatch} | ${s.verifiedRight} | ${s.verifiedWrong} | ${s.mismatchRight} | ${s.falseDiffers} | ${s.missed} | ${pct(r.verifiedPrecision)} | ${pct(r.mismatchPrecision)} | ${pct(r.verdictPrecision)} | ${pct(r.recall)} |`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = [
    '| set | packs | figures | verifiable | verified right | verified wrong | differs right | false differs | missed | verified precision | differs precision | verdict precision | recall |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [set, dir] of Object.entries(EVAL_SETS)) {
    const setPack = loadSetPack(dir);
    const runs: [string, Pack[]][] = [
      ['bundled pack', [bundledPack]],
      [`bundled + set pack (${setPack.deals.length} deals, ${setPack.facts.length} facts)`, [bundledPack, setPack]],
    ];
    for (const [label, packs] of runs) {
      if (verbose) console.log(`\n## ${set}, ${label}`);
      lines.push(`| ${set} ${row(label, evaluate(packs, setPack, verbose ? (l) => console.log(l) : undefined, dir))}`);
    }
  }
  console.log(`\n${lines.join('\n')}`);
}
