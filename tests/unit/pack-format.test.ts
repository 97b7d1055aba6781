import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { packJsonSchema, parsePack } from '../../data/packs/format';
import defaultPackJson from '../../data/packs/default-pack.json';

/** A deep copy of the bundled pack's JSON, to break in one place per test. */
const fresh = (): any => structuredClone(defaultPackJson);

describe('bundled pack', () => {
  it('is valid and loaded', () => {
    expect(parsePack(fresh())).toMatchObject({ ok: true });
    expect(bundledPack).toMatchObject({ formatVersion: 2, id: 'factmark-default', publisher: 'Factmark', version: 3 });
    expect(bundledPack.facts.length).toBeGreaterThanOrEqual(12);
  });

  it('labels every fact distinctly', () => {
    const labels = bundledPack.facts.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('format 1 packs', () => {
  it('are upgraded to format 2: same facts, no deal names, nothing superseded', () => {
    const v1 = { ...fresh(), formatVersion: 1 };
    const parsed = parsePack(v1);
    expect(parsed).toMatchObject({ ok: true, value: { formatVersion: 2, facts: v1.facts.map((f: { id: string }) => ({ id: f.id })) } });
  });

  it('do not carry format 2 fields (unknown fields are dropped, as always)', () => {
    const v1 = { ...fresh(), formatVersion: 1 };
    v1.facts[0].supersededBy = v1.facts[1].id;
    const parsed = parsePack(v1);
    expect(parsed.ok && parsed.value.facts[0]!.supersededBy).toBe(undefined);
  });
});

describe('format 2', () => {
  it('checks that a superseded fact names a fact of the pack', () => {
    const pack = fresh();
    pack.facts[0].supersededBy = 'no-such-fact';
    expect(parsePack(pack)).toMatchObject({ ok: false, error: expect.stringContaining('facts.0.supersededBy: unknown fact "no-such-fact"') });
  });
});

describe('parsePack errors', () => {
  it.each([
    ['a wrong type deep inside', (p: any) => { p.facts[3].quantity.value = '100'; }, 'facts.3.quantity.value: expected number'],
    ['a missing field', (p: any) => { delete p.deals[0].announced; }, 'deals.0.announced: expected string'],
    ['a bad date', (p: any) => { p.facts[0].asOf = '27/02/2026'; }, 'facts.0.asOf: dates are written YYYY-MM-DD'],
    ['an unknown party', (p: any) => { p.deals[1].parties.push('no-such-entity'); }, 'deals.1.parties.2: unknown entity "no-such-entity"'],
    ['a duplicate fact id', (p: any) => { p.facts[2].id = p.facts[1].id; }, 'facts.2.id: duplicate fact id'],
    ['a non-http source', (p: any) => { p.facts[5].sources[0].url = 'ftp://example.com/x'; }, 'facts.5.sources.0.url:'],
  ])('reports %s with its path', (_name, breakIt, expected) => {
    const pack = fresh();
    breakIt(pack);
    const result = parsePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(expected);
  });

  it('lists every issue, not only the first', () => {
    const pack = fresh();
    pack.facts[0].quantity.unit = '';
    pack.facts[4].status = 'rumoured';
    pack.title = '';
    const result = parsePack(pack);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/3 problems/);
    for (const path of ['facts.0.quantity.unit:', 'facts.4.status:', 'title:']) expect(result.error).toContain(path);
  });

  it.each([
    [{ ...fresh(), formatVersion: 3 }, 'Unsupported fact pack formatVersion 3'],
    [{ ...fresh(), formatVersion: 0 }, 'Unsupported fact pack formatVersion 0'],
    [{ ...fresh(), formatVersion: '1' }, 'formatVersion: expected an integer'],
    [{ id: 'x' }, 'formatVersion: expected an integer'],
    [[], 'expected a JSON object'],
    [null, 'expected a JSON object'],
  ])('rejects %j by its formatVersion', (raw, expected) => {
    const result = parsePack(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(expected);
  });
});

describe('packJsonSchema', () => {
  const schema = packJsonSchema() as any;

  it('is a JSON Schema of the pack object', () => {
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'entities', 'deals', 'facts']));
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('describes the fact fields', () => {
    const fact = schema.properties.facts.items;
    for (const field of ['id', 'deal', 'subject', 'metric', 'role', 'label', 'quantity', 'asOf', 'status', 'cues', 'excludes', 'sources']) {
      expect(fact.properties, field).toHaveProperty(field);
    }
    // Defaulted arrays are optional for authors (the schema describes input).
    expect(fact.required).not.toContain('cues');
    expect(fact.properties.metric.enum).toContain('valuation');
  });
});
