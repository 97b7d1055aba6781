/**
 * The names table (data/match/names-table.ts) compiles only the names a page's words can begin:
 * on every text a request holds (its blocks and its title) its alias matcher finds exactly what
 * the matcher over every pack's entities finds, while compiling a small part of a big pack.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNames } from '../../data/match/build';
import { buildNamesTable, firstWordsOf, joinFirstWords, namedIn, splitFirstWords, type PackHead } from '../../data/match/names-table';
import { tokenize } from '../../data/match/text';
import { bundledPack, parsePack } from '../../data/packs';
import type { MatchRequest } from '../../data/schema/messages';
import type { Pack } from '../../data/schema/pack';
import { readArticle } from '../../scripts/eval/read-article';
import { syntheticPack } from '../../scripts/bench/_synthetic-pack';

const evalDir = new URL('../eval/', import.meta.url);
const parsed = parsePack(JSON.parse(readFileSync(new URL('pack.json', evalDir), 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const packs: Pack[] = [bundledPack, parsed.value, syntheticPack(5_000, 7, bundledPack.entities)];
const heads = (): PackHead[] => packs.map(({ facts: _facts, ...head }) => head);

/** Every match as (entity, phrase, word index, length), in the order the matcher reports them. */
function scanAll(matcher: { scan: (words: readonly string[], found: (id: string, phrase: string, at: number, n: number) => void) => void }, text: string): string[] {
  const out: string[] = [];
  matcher.scan(tokenize(text).words, (id, phrase, at, n) => out.push(`${id}|${phrase}|${at}|${n}`));
  return out;
}

/** An article as one request: every paragraph a block with a figure in it, the article's title as title. */
function requestOf(title: string, blocks: string[]): MatchRequest {
  return {
    url: 'https://news.example/a',
    title,
    blocks,
    figures: blocks.map((sentence, block) => ({ block, at: 0, sentence, figure: { start: 0, end: 1, text: '$1', kind: 'money', value: 1, unit: 'USD', precision: 1 } })),
  } as unknown as MatchRequest;
}

const articles = readdirSync(new URL('articles/', evalDir))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((name) => readArticle(readFileSync(new URL(`articles/${name}`, evalDir), 'utf8'), name));

describe('names table', () => {
  it('knows the words a name can begin with, "the" read through', () => {
    expect(firstWordsOf({ id: 's', name: 'The Stargate Project', aliases: ['Stargate LLC', 'stargate'] })).toEqual(['the', 'stargate']);
    expect(firstWordsOf({ id: 'o', name: 'OpenAI', aliases: ['Open AI'] })).toEqual(['openai', 'open']);
    expect(firstWordsOf({ id: 't', name: 'Theta Labs', aliases: [] })).toEqual(['theta']);
  });

  it('finds in every text of a request what the matcher over every entity finds, title included', () => {
    const full = buildNames(packs.map((p) => ({ ...p, facts: [] }))).entities;
    const table = buildNamesTable(heads());
    let found = 0;
    for (const article of articles) {
      const request = requestOf(article.title, article.blocks);
      namedIn(table, request);
      for (const text of [article.title, ...article.blocks]) {
        const expected = scanAll(full, text);
        expect({ text, got: scanAll(table.names.entities, text) }).toEqual({ text, got: expected });
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(200);
  });

  it('compiles only the entities whose names a page can begin, and reads a name only its title holds', () => {
    const table = buildNamesTable(heads());
    const total = new Set(packs.flatMap((p) => p.entities.map((e) => e.id))).size;
    const named = namedIn(table, requestOf('Nvidia and Anthropic sign a deal', ['Amazon agreed to invest $4 billion in Anthropic.']));
    expect([...named.entities].sort()).toContain('amazon');
    // The title's Nvidia is read too, though no block names it and namedIn does not look it up.
    expect(scanAll(table.names.entities, 'Nvidia and Anthropic sign a deal').some((m) => m.startsWith('nvidia|'))).toBe(true);
    expect(table.coveredEntities).toBeGreaterThan(0);
    expect(table.coveredEntities).toBeLessThan(total / 20);
  });

  it('uses the first words the store kept with a head', () => {
    const [head] = heads();
    // Words that begin no name: nothing of this head is compiled, whatever its names say.
    const table = buildNamesTable([{ ...head!, firstWords: joinFirstWords(head!.entities.map(() => ['zzz'])) }]);
    namedIn(table, requestOf('', ['Amazon agreed to invest $4 billion in Anthropic.']));
    expect(table.coveredEntities).toBe(0);
    expect(scanAll(table.names.entities, 'Amazon agreed to invest $4 billion in Anthropic.')).toEqual([]);
  });

  it('reads the first words kept as one string as it reads the names themselves', () => {
    const lists = packs[2]!.entities.map(firstWordsOf);
    expect(splitFirstWords(joinFirstWords([['a', 'b'], [], ['c']]))).toEqual([['a', 'b'], [], ['c']]);
    expect(splitFirstWords(joinFirstWords(lists))).toEqual(lists);
    const text = 'Amazon agreed to invest $4 billion in Anthropic and Ionarar Capital.';
    const found = (firstWords: PackHead['firstWords']) => {
      const table = buildNamesTable(heads().map((h, i) => (i === 2 ? { ...h, firstWords } : h)));
      namedIn(table, requestOf('', [text]));
      return scanAll(table.names.entities, text);
    };
    expect(found(joinFirstWords(lists))).toEqual(found(undefined));
    expect(found(joinFirstWords(lists)).length).toBeGreaterThan(2);
  });
});
