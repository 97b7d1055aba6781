import { describe, expect, it } from 'vitest';
import { roleOf } from '../../data/match/roles';
import { bundledPack, parsePack } from '../../data/packs';
import { ROLE_IDS } from '../../data/schema/roles';
import { defaultStubsFile, draftArticle, draftLines } from '../../scripts/pack-cli/draft';

/** An article written for this test (invented publication; the figures echo Anthropic's Series F). */
const ARTICLE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Anthropic closes $13 billion Series F | Testwire</title>
  <link rel="canonical" href="https://testwire.example/2025/09/03/anthropic-series-f">
  <meta property="og:site_name" content="Testwire">
  <meta property="article:published_time" content="2025-09-03T08:00:00Z">
</head>
<body>
  <article>
    <h1>Anthropic closes $13 billion Series F</h1>
    <p>Anthropic said on Tuesday that it had raised $13 billion in a Series F round, at a post-money valuation of $183 billion.</p>
    <p>The maker of the Claude chatbot sold shares to a long list of funds. Amazon, which has put $8 billion into Anthropic since 2023, did not lead the round.</p>
    <p>Anthropic also signed a wider deal with Google Cloud. It expects more than one gigawatt of chips to come online next year.</p>
    <p>Its newest cloud contract runs for five years.</p>
    <p>Google holds a 14% stake, according to two people who have seen the books.</p>
    <p hidden>Nobody sees the $99 billion written here.</p>
  </article>
</body>
</html>`;

const draft = () => draftArticle(ARTICLE, bundledPack);
const stub = (id: string) => draft().draft.facts.find((f) => f.id === id)!;

describe('pack draft', () => {
  it('lists every visible figure with its sentence, the entities named near it and the stub it went to', () => {
    const { figures } = draft();
    expect(figures.map((f) => [f.figure.text, f.role, f.entities.join('+'), f.stub])).toEqual([
      ['$13 billion', 'round', 'anthropic', 'anthropic-2025-09-03.round'],
      ['$13 billion', 'round', 'anthropic', 'anthropic-2025-09-03.round'],
      ['$183 billion', 'post-money', 'anthropic', 'anthropic-2025-09-03.post-money-valuation'],
      ['$8 billion', 'total', 'amazon+anthropic', 'amazon-anthropic-2025-09-03.total'],
      ['one gigawatt', 'capacity', 'anthropic+google', 'anthropic-google-2025-09-03.capacity'],
      ['five years', 'term', 'anthropic', 'anthropic-2025-09-03.term'],
      ['14%', 'stake', 'google', 'google-2025-09-03.stake'],
    ]);
    expect(figures[3]!.sentence).toBe('Amazon, which has put $8 billion into Anthropic since 2023, did not lead the round.');
    const lines = draftLines(draft(), 'out.stubs.json');
    expect(lines[0]).toBe('Anthropic closes $13 billion Series F | Testwire: https://testwire.example/2025/09/03/anthropic-series-f, published 2025-09-03');
    expect(lines).toContain('  "one gigawatt" (more than) = 1 GW · capacity (capacity) · anthropic, google -> anthropic-google-2025-09-03.capacity');
    expect(lines).toContain('entities the pack knows: Anthropic (anthropic, 5x), Amazon (amazon, 1x), Google (google, 2x)');
    expect(lines.at(-1)).toMatch(/^wrote 6 fact stubs and 4 deal stubs to out\.stubs\.json/);
  });

  it('fills each stub from the figure and the article: deal, parties, metric, vocabulary role, value, day and source', () => {
    expect(stub('anthropic-2025-09-03.round')).toMatchObject({
      deal: 'anthropic-2025-09-03',
      subject: 'anthropic',
      metric: 'funding',
      role: 'round',
      label: '',
      quantity: { value: 13e9, unit: 'USD' },
      asOf: '2025-09-03',
      status: 'reported',
      sources: [{ url: 'https://testwire.example/2025/09/03/anthropic-series-f', title: 'Anthropic closes $13 billion Series F | Testwire', publisher: 'Testwire', date: '2025-09-03' }],
      seen: 2,
    });
    expect(stub('anthropic-2025-09-03.round')).not.toHaveProperty('object');
    expect(stub('anthropic-2025-09-03.post-money-valuation')).toMatchObject({ metric: 'valuation', role: 'post-money', quantity: { value: 183e9, unit: 'USD' } });
    expect(stub('amazon-anthropic-2025-09-03.total')).toMatchObject({ subject: 'amazon', object: 'anthropic', metric: 'investment', quantity: { value: 8e9 } });
    expect(stub('anthropic-2025-09-03.term')).toMatchObject({ metric: 'term', role: 'term', quantity: { value: 5, unit: 'year' } });
    expect(stub('google-2025-09-03.stake')).toMatchObject({ subject: 'google', metric: 'share', role: 'stake', quantity: { value: 14, unit: '%' } });
    for (const f of draft().draft.facts) {
      expect(ROLE_IDS).toContain(f.role);
      expect(roleOf(f), f.id).toBe(f.role);
    }
    expect(draft().draft.deals.map((d) => [d.id, d.parties.join('+'), d.announced])).toEqual([
      ['anthropic-2025-09-03', 'anthropic', '2025-09-03'],
      ['amazon-anthropic-2025-09-03', 'amazon+anthropic', '2025-09-03'],
      ['anthropic-google-2025-09-03', 'anthropic+google', '2025-09-03'],
      ['google-2025-09-03', 'google', '2025-09-03'],
    ]);
  });

  it('says what a human must still decide', () => {
    for (const f of draft().draft.facts) expect(f.todo).toContain('write the label: exactly what the figure measures, for readers');
    for (const d of draft().draft.deals) expect(d.todo.join(' ')).toMatch(/announcement day/);
    const invested = stub('amazon-anthropic-2025-09-03.total').todo.join('\n');
    expect(invested).toMatch(/no role word near the figure: "total" is a guess/);
    expect(invested).toMatch(/check the direction: subject amazon/);
    expect(invested).toMatch(/the sentence names 2023/);
    const power = stub('anthropic-google-2025-09-03.capacity').todo.join('\n');
    expect(power).toMatch(/parties taken from the sentence before/);
    expect(power).toMatch(/the article writes "more than"/);
    expect(stub('anthropic-2025-09-03.term').todo.join('\n')).toMatch(/parties taken from the title/);
    expect(stub('anthropic-2025-09-03.round').todo.join('\n')).not.toMatch(/role word|canonical/);
  });

  it('becomes a valid pack once the maintainer fills in what the to-dos ask', () => {
    const { draft: d } = draft();
    const pack = {
      ...bundledPack,
      deals: d.deals.map(({ todo: _todo, ...deal }) => ({ ...deal, title: `Drafted deal ${deal.id}` })),
      facts: d.facts.map(({ todo: _todo, figure: _figure, sentence: _sentence, seen: _seen, ...fact }) => ({ ...fact, label: `Drafted fact ${fact.id}` })),
    };
    expect(parsePack(pack)).toMatchObject({ ok: true });
    // As drafted, the empty labels and titles are refused, so an unfinished stub cannot slip into a pack.
    const unfinished = parsePack({ ...pack, facts: d.facts.map(({ todo: _t, figure: _f, sentence: _s, seen: _n, ...fact }) => fact) });
    expect(unfinished.ok).toBe(false);
  });

  it('uses another pack’s entities, and says when an article has no address or day', () => {
    const other = { entities: [{ id: 'alphabet', name: 'Alphabet', aliases: ['Google', 'Google Cloud'] }] };
    const { figures, draft: d } = draftArticle(ARTICLE, other);
    expect(d.entities).toEqual([{ id: 'alphabet', name: 'Alphabet', mentions: 2 }]);
    expect(figures[0]!.entities).toEqual([]);
    expect(d.facts[0]!.todo.join('\n')).toMatch(/no known entity named near the figure/);
    expect(d.deals[0]!.id).toBe('unknown-2025-09-03');

    const bare = draftArticle('<html><head><title>Undated</title></head><body><p>Nvidia will invest $5 billion in Intel.</p></body></html>', bundledPack).draft;
    expect(bare.article).toEqual({ url: 'https://example.org/the-article', title: 'Undated' });
    expect(bare.facts[0]).toMatchObject({ id: 'nvidia-intel.total', deal: 'nvidia-intel', subject: 'nvidia', object: 'intel', asOf: '' });
    expect(bare.facts[0]!.todo.join('\n')).toMatch(/no canonical URL[\s\S]*no day: set asOf/);
  });

  it('writes the stubs beside the article by default', () => {
    expect(defaultStubsFile('saved/article.html')).toBe('saved/article.stubs.json');
    expect(defaultStubsFile('page.htm')).toBe('page.stubs.json');
    expect(defaultStubsFile('dump')).toBe('dump.stubs.json');
  });
});
