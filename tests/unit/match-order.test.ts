/**
 * The matcher shares work across a request's figures (a block read once, its latest block kept,
 * bindings remembered per fact by where its parties are named). None of that may change a
 * verdict: figures asked in another order, blocks revisited, get the very same answers, and a
 * remembered binding is the one computed afresh.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, matchBatch } from '../../data/match';
import { bindingOf, type BindingEvidence, type NamedAround } from '../../data/match/evidence';
import { bundledPack, parsePack } from '../../data/packs';
import type { MatchRequest } from '../../data/schema/messages';
import { evalArticleRequests } from './eval-requests';

const dir = new URL('../eval/', import.meta.url);
const parsed = parsePack(JSON.parse(readFileSync(new URL('pack.json', dir), 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const index = buildIndex([bundledPack, parsed.value]);


/**
 * The request's runs of figures of one sentence reordered: every block's first sentence, then
 * every block's second, and so on, the whole list reversed, so blocks are left and come back,
 * while each sentence's figures stay side by side (their order in the request is what ties a
 * date to another figure's clause).
 */
function interleaved(request: MatchRequest): { request: MatchRequest; order: number[] } {
  const runs: number[][] = [];
  request.figures.forEach((q, i) => {
    const last = runs[runs.length - 1];
    const prev = last && request.figures[last[last.length - 1]!]!;
    if (prev && prev.block === q.block && prev.figure.start - prev.at === q.figure.start - q.at) last!.push(i);
    else runs.push([i]);
  });
  const seen = new Map<number, number>();
  const rank = runs.map((run) => {
    const block = request.figures[run[0]!]!.block;
    const n = seen.get(block) ?? 0;
    seen.set(block, n + 1);
    return n;
  });
  const order = runs
    .map((run, r) => ({ run, r }))
    .sort((x, y) => rank[x.r]! - rank[y.r]! || y.r - x.r)
    .flatMap(({ run }) => run);
  return { request: { ...request, figures: order.map((i) => request.figures[i]!) }, order };
}

describe('work shared across a request', () => {
  const all = evalArticleRequests();

  it('gives every figure the same verdict whatever order its sentences are asked in', () => {
    let revisits = 0;
    for (const [name, request] of all) {
      const inOrder = matchBatch(index, request).map((v) => JSON.stringify(v));
      const { request: shuffled, order } = interleaved(request);
      const blocks = shuffled.figures.map((q) => q.block);
      revisits += blocks.filter((b, i) => i > 0 && b !== blocks[i - 1] && blocks.slice(0, i - 1).includes(b)).length;
      const answers = matchBatch(index, shuffled).map((v) => JSON.stringify(v));
      order.forEach((i, k) => expect(answers[k], `${name}, figure ${i}`).toBe(inOrder[i]));
    }
    // The interleaving did make the reader come back to blocks it had left.
    expect(revisits).toBeGreaterThan(20);
  });

  it('gives the same verdicts when a request is matched again (bindings remembered on the facts)', () => {
    const fresh = buildIndex([bundledPack, parsed.value]);
    for (const [name, request] of all) {
      const first = JSON.stringify(matchBatch(fresh, request));
      expect(JSON.stringify(matchBatch(fresh, request)), name).toBe(first);
      expect(JSON.stringify(matchBatch(index, request)), name).toBe(first);
    }
  });

  it('remembers a binding by where the parties are named, never across places', () => {
    const set = (...ids: string[]): ReadonlySet<string> => new Set(ids);
    const none = set();
    const around = (places: Partial<NamedAround>): NamedAround => ({
      sentence: none, previous: none, heading: none, paragraph: none, title: none,
      dealsInSentence: none, dealsInPrevious: none, dealsInHeading: none, ...places,
    });
    const cases: NamedAround[] = [
      around({ sentence: set('a', 'b') }),
      around({ sentence: set('a'), previous: set('b') }),
      around({ sentence: set('a'), paragraph: set('b') }),
      around({ previous: set('a'), title: set('b') }),
      around({ paragraph: set('a'), title: set('b') }),
      around({ paragraph: set('a', 'b'), previous: set('c') }),
      around({ dealsInSentence: set('deal') }),
      around({ dealsInHeading: set('deal'), title: set('a') }),
      around({ sentence: set('a') }),
    ];
    const memo = new Map<number, BindingEvidence>();
    // Twice over, so the second pass answers from the memo.
    for (const named of [...cases, ...cases]) {
      expect(bindingOf('deal', ['a', 'b'], named, set('a', 'b', 'c'), memo)).toEqual(bindingOf('deal', ['a', 'b'], named, set('a', 'b', 'c')));
    }
    expect(memo.size).toBeGreaterThan(3);
  });
});
