/**
 * `npm run pack -- draft <saved-article.html>`: fact stubs from a saved article, for a pack
 * maintainer to finish. The article is read as the evaluation reads it (scripts/eval/read-article),
 * its figures found by the extension's own `recognize()`, and each figure's sentence searched for
 * the entities a pack knows. Every stub is a fact of the pack format with the parts a person must
 * decide left empty and named in its `todo` list: nothing here is a verified fact until then.
 */
import { parseHTML } from 'linkedom';
import { roleOf } from '../../data/match/roles';
import { phraseWords, tokenize } from '../../data/match/text';
import { recognize } from '../../data/recognize';
import type { Figure } from '../../data/schema/figure';
import type { Entity, Fact, Pack, Source } from '../../data/schema/pack';
import type { RoleId } from '../../data/schema/roles';
import { sentenceAround } from '../../data/text/sentence';
import { readArticle } from '../eval/read-article';

/** A fact as drafted: the pack's fields plus what the maintainer needs to finish it. */
export interface FactStub extends Omit<Fact, 'supersededBy'> {
  /** The figure as the article writes it, and its sentence. */
  figure: string;
  sentence: string;
  /** How many times the article states this figure for this deal and role. */
  seen: number;
  /** What a person must still check or fill in before the stub is a fact. */
  todo: string[];
}

export interface DealStub {
  id: string;
  title: string;
  parties: string[];
  announced: string;
  todo: string[];
}

/** What `draft` writes: the article, the entities it names, suggested deals and fact stubs. */
export interface Draft {
  article: { url: string; title: string; published?: string };
  entities: { id: string; name: string; mentions: number }[];
  deals: DealStub[];
  facts: FactStub[];
}

/** One figure as listed for the maintainer. */
export interface DraftFigure {
  block: number;
  figure: Figure;
  sentence: string;
  entities: string[];
  role: RoleId;
  metric: Fact['metric'];
  stub: string;
}

/** Role words near a money figure, strongest first where two are equally near: the role, and the metric it implies. */
const MONEY_ROLES: [RoleId, Fact['metric'], string[]][] = [
  ['pre-money', 'valuation', ['pre-money', 'premoney', 'before the new money']],
  ['post-money', 'valuation', ['post-money', 'postmoney', 'after the new money', 'including the new money']],
  ['valuation', 'valuation', ['valuation', 'valued', 'valuing']],
  ['initial', 'investment', ['initial', 'initially', 'upfront', 'up front', 'first tranche', 'immediately']],
  ['remaining', 'investment', ['remaining', 'remainder', 'the rest', 'balance', 'another', 'additional', 'further', 'later']],
  ['contribution', 'investment', ['each', 'apiece', 'contribute', 'contributed', 'contribution', 'putting in', 'put in']],
  ['round', 'funding', ['round', 'raise', 'raised', 'raises', 'raising', 'fundraise', 'fundraising', 'series']],
  ['commitment', 'commitment', ['commit', 'commits', 'committed', 'commitment', 'spend', 'spending', 'pledge', 'pledged', 'contract', 'purchase', 'buy']],
  ['stake', 'investment', ['stake', 'equity']],
  ['total', 'investment', ['total', 'in total', 'in all', 'altogether', 'overall', 'combined', 'cumulative']],
];
const ROLE_PHRASES = MONEY_ROLES.map(([role, metric, phrases]) => ({ role, metric, phrases: phrases.map(phraseWords) }));
/** How many words either side of a figure may say its role. */
const WINDOW = 6;

/** The role and metric a figure's nearby words suggest, and whether any role word was there. */
function guessRole(figure: Figure, sentence: string, at: number): { role: RoleId; metric: Fact['metric']; found: boolean } {
  if (figure.kind === 'power') return { role: 'capacity', metric: 'capacity', found: true };
  if (figure.kind === 'duration') return { role: 'term', metric: 'term', found: true };
  if (figure.kind === 'percent') return { role: 'stake', metric: 'share', found: true };
  const tokens = tokenize(sentence);
  const end = at + figure.end - figure.start;
  // Word positions before and after the figure; the figure's own words are skipped.
  let first = tokens.starts.findIndex((s) => s >= end);
  if (first < 0) first = tokens.words.length;
  let last = tokens.ends.findIndex((e) => e > at) - 1;
  if (last < -1) last = tokens.words.length - 1;
  /** The distance in words from the figure to the nearest phrase of `phrases`, if within the window. */
  const distanceOf = (phrases: string[][]): number => {
    let nearest = Infinity;
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= tokens.words.length; i++) {
        if (phrase.some((w, k) => tokens.words[i + k] !== w)) continue;
        const d = i >= first ? i - first : i + phrase.length - 1 <= last ? last - (i + phrase.length - 1) : Infinity;
        nearest = Math.min(nearest, d);
      }
    }
    return nearest <= WINDOW ? nearest : Infinity;
  };
  const near = (role: RoleId) => distanceOf(ROLE_PHRASES.find((r) => r.role === role)!.phrases) < Infinity;
  let best: { role: RoleId; metric: Fact['metric']; distance: number } | undefined;
  for (const { role, metric, phrases } of ROLE_PHRASES) {
    const distance = distanceOf(phrases);
    if (distance < Infinity && (!best || distance < best.distance)) best = { role, metric, distance };
  }
  if (!best) return { role: 'total', metric: 'investment', found: false };
  // "a pre-money valuation of": the kind of valuation wins over the word "valuation" nearer the figure.
  if (best.role === 'valuation') for (const kind of ['pre-money', 'post-money'] as const) if (near(kind)) return { role: kind, metric: 'valuation', found: true };
  return { role: best.role, metric: best.metric, found: true };
}

/**
 * The known entities a text names, in order of first mention (each once). `names` come longest
 * first, and words already taken by a longer name are not read again: "OpenAI Foundation" is the
 * foundation, not OpenAI as well.
 */
function entitiesIn(text: string, names: { id: string; words: string[] }[]): string[] {
  const words = tokenize(text).words;
  const taken = new Array<boolean>(words.length).fill(false);
  const first = new Map<string, number>();
  for (const { id, words: phrase } of names) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (!phrase.every((w, k) => words[i + k] === w && !taken[i + k])) continue;
      for (let k = 0; k < phrase.length; k++) taken[i + k] = true;
      first.set(id, Math.min(first.get(id) ?? Infinity, i));
    }
  }
  return [...first].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** The article's own address (canonical link or og:url) and its site name, when it declares them. */
function declared(html: string): { url?: string; publisher?: string } {
  const { document } = parseHTML(html);
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
  const publisher = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? undefined;
  return { url: url && /^https?:\/\//.test(url) ? url : undefined, publisher: publisher || undefined };
}

/**
 * Drafts fact stubs from a saved article's HTML against `pack`'s entities. Returns the figures
 * for listing and the draft to write.
 */
export function draftArticle(html: string, pack: Pick<Pack, 'entities'>): { figures: DraftFigure[]; draft: Draft } {
  const article = readArticle(html, 'article.html');
  const own = declared(html);
  const names = pack.entities.flatMap((e: Entity) => [...new Set([e.name, ...e.aliases])].map((n) => ({ id: e.id, words: phraseWords(n) })).filter((n) => n.words.length));
  // Longer names first, so "OpenAI Foundation" is tried before "OpenAI" (each entity still once).
  names.sort((a, b) => b.words.length - a.words.length);
  const byId = new Map(pack.entities.map((e) => [e.id, e]));
  const day = article.published ?? '';
  const titleEntities = entitiesIn(article.title, names);

  const source: Source = { url: own.url ?? 'https://example.org/the-article', title: article.title.slice(0, 300) || 'Untitled article' };
  if (own.publisher) source.publisher = own.publisher;
  if (day) source.date = day;
  const sourceTodo = own.url ? [] : ['the article declares no canonical URL: put its address in sources[0].url'];

  const mentions = new Map<string, number>();
  for (const block of [article.title, ...article.blocks]) for (const id of entitiesIn(block, names)) mentions.set(id, (mentions.get(id) ?? 0) + 1);

  const deals = new Map<string, DealStub>();
  const facts = new Map<string, FactStub>();
  const figures: DraftFigure[] = [];
  article.blocks.forEach((text, block) => {
    for (const figure of recognize(text)) {
      const { sentence, at } = sentenceAround(text, figure.start, figure.end);
      const todo: string[] = [];
      let parties = entitiesIn(sentence, names);
      if (!parties.length) {
        const before = text.slice(0, figure.start - at).trimEnd();
        const previous = before ? sentenceAround(before, before.length - 1, before.length).sentence : '';
        parties = entitiesIn(previous, names);
        if (parties.length) todo.push('the sentence names no known entity: parties taken from the sentence before; check them');
        else if ((parties = titleEntities).length) todo.push('the sentence names no known entity: parties taken from the title; check them');
        else todo.push('no known entity named near the figure: set subject (and object), adding entities to the pack if needed');
      }
      const guess = guessRole(figure, sentence, at);
      if (!guess.found) todo.push(`no role word near the figure: "${guess.role}" is a guess; choose the role (and metric) from the vocabulary`);
      if (figure.qualifier) todo.push(`the article writes "${figure.qualifier}": record the value as announced, and say so in the label`);
      if (figure.high !== undefined) todo.push(`a range up to ${figure.high}: record the announced value`);
      if (figure.uncertain) todo.push(`the currency is uncertain (read as ${figure.unit}): check the unit`);
      if (parties.length > 2) todo.push('more than two entities named: check which are the subject and the object');
      else if (parties.length === 2) todo.push(`check the direction: subject ${parties[0]} (who invests, commits, pays or holds), object ${parties[1]}`);
      else if (parties.length === 1 && !['funding', 'valuation'].includes(guess.metric)) todo.push('one known entity named: set the object if the fact has one');
      const years = [...new Set(sentence.match(/\b(?:19|20)\d{2}\b/g) ?? [])].filter((y) => y !== day.slice(0, 4));
      if (years.length) todo.push(`the sentence names ${years.join(', ')}: the figure may belong to an earlier deal; check the deal and asOf`);

      const dealId = (parties.length ? parties.join('-') : 'unknown') + (day ? `-${day}` : '');
      if (!deals.has(dealId)) {
        deals.set(dealId, {
          id: dealId,
          title: '',
          parties: parties.length ? parties : [],
          announced: day,
          todo: [
            'write the title (what the deal is, with its month)',
            day ? "set announced to the deal's own announcement day (the article's day is only a guess: articles dated before it are refused)" : 'the article declares no day: set announced',
            ...(parties.length ? [] : ['name its parties']),
            'add names if the deal has a distinctive name (e.g. "Stargate")',
          ],
        });
      }
      const base = `${dealId}.${guess.metric === 'valuation' && guess.role !== 'valuation' ? `${guess.role}-valuation` : guess.role}`;
      const key = `${base}|${figure.value}|${figure.unit}`;
      const existing = facts.get(key);
      let id: string;
      if (existing) {
        existing.seen++;
        id = existing.id;
      } else {
        id = base;
        for (let n = 2; [...facts.values()].some((f) => f.id === id); n++) id = `${base}-${n}`;
        const stub: FactStub = {
          id,
          deal: dealId,
          subject: parties[0] ?? '',
          ...(parties[1] ? { object: parties[1] } : {}),
          metric: guess.metric,
          role: guess.role,
          label: '',
          quantity: { value: figure.value, unit: figure.unit },
          asOf: day,
          status: 'reported',
          cues: [],
          excludes: [],
          sources: [source],
          figure: figure.text,
          sentence,
          seen: 1,
          todo: [
            'write the label: exactly what the figure measures, for readers',
            'check the value against a primary source (a company announcement) and add it to sources; set status to "confirmed" if it confirms',
            ...sourceTodo,
            ...(day ? [] : ['the article declares no day: set asOf']),
            ...todo,
          ],
        };
        if (roleOf(stub) !== stub.role) stub.todo.push(`the matcher reads role "${stub.role}" as "${roleOf(stub)}" for metric ${stub.metric}: check both`);
        facts.set(key, stub);
      }
      figures.push({ block, figure, sentence, entities: parties, role: guess.role, metric: guess.metric, stub: id });
    }
  });

  return {
    figures,
    draft: {
      article: { url: source.url, title: source.title, ...(day ? { published: day } : {}) },
      entities: [...mentions].map(([id, n]) => ({ id, name: byId.get(id)?.name ?? id, mentions: n })),
      deals: [...deals.values()],
      facts: [...facts.values()],
    },
  };
}

/** Reader-facing lines: the article, each figure with its sentence and guess, the entities named. */
export function draftLines(result: { figures: DraftFigure[]; draft: Draft }, outFile: string): string[] {
  const { figures, draft } = result;
  const lines = [`${draft.article.title || '(untitled)'}: ${draft.article.url}${draft.article.published ? `, published ${draft.article.published}` : ', no publication day'}`];
  lines.push(`${figures.length} figure${figures.length === 1 ? '' : 's'}:`);
  for (const f of figures) {
    const q = f.figure.qualifier ? ` (${f.figure.qualifier})` : '';
    lines.push(`  "${f.figure.text}"${q} = ${f.figure.value} ${f.figure.unit} · ${f.role} (${f.metric}) · ${f.entities.join(', ') || 'no known entity'} -> ${f.stub}`);
    lines.push(`      ${f.sentence.trim().replace(/\s+/g, ' ')}`);
  }
  lines.push(draft.entities.length ? `entities the pack knows: ${draft.entities.map((e) => `${e.name} (${e.id}, ${e.mentions}x)`).join(', ')}` : 'entities the pack knows: none named');
  const todo = draft.facts.reduce((n, f) => n + f.todo.length, 0);
  lines.push(`wrote ${draft.facts.length} fact stub${draft.facts.length === 1 ? '' : 's'} and ${draft.deals.length} deal stub${draft.deals.length === 1 ? '' : 's'} to ${outFile} (${todo} to-dos: finish each, drop figure/sentence/seen/todo, then validate)`);
  return lines;
}

/** Where the stubs go by default: the article's path with `.stubs.json` for its extension. */
export function defaultStubsFile(articleFile: string): string {
  return articleFile.replace(/\.x?html?$/i, '') + '.stubs.json';
}
