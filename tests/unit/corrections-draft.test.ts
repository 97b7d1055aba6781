import { describe, expect, it } from 'vitest';
import { checkDraft, parseProposedValue } from '../../data/corrections';

const good = { value: '$16.5bn', measures: "Amazon's initial investment", evidenceUrl: 'https://example.com/a', quote: '', note: '' };

describe('proposed value', () => {
  it.each([
    ['$16.5bn', 16.5e9, 'USD', '$16.5 billion (USD)'],
    ['€30bn', 30e9, 'EUR', '€30 billion (EUR)'],
    ['two gigawatts', 2, 'GW', '2 GW'],
    ['8 years', 8, 'year', '8 years'],
    ['27%', 27, '%', '27%'],
    ['$10-12 billion', 10e9, 'USD', '$10 billion to $12 billion (USD)'],
  ])('reads %s with the page recognizer', (text, value, unit, display) => {
    expect(parseProposedValue(text)).toEqual({ ok: true, value: expect.objectContaining({ text, value, unit, display }) });
  });

  it.each([
    ['', /Write the value you propose/],
    ['banana', /does not read as a figure with a unit/],
    ['16.5', /does not read as a figure/],
    ['$5bn and $6bn', /That is 2 figures/],
    ['$'.padEnd(70, '1'), /under 60 characters/],
  ])('explains why %j is not a value', (text, message) => {
    const result = parseProposedValue(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('requires the unit of the disputed fact', () => {
    expect(parseProposedValue('2 GW', 'USD')).toEqual({ ok: false, error: 'The fact is measured in USD, but "2 GW" is in GW.' });
    expect(parseProposedValue('2000 MW', 'GW').ok).toBe(true);
    expect(parseProposedValue('96 months', 'year').ok).toBe(true);
  });
});

describe('checkDraft', () => {
  it('accepts a complete draft and trims it', () => {
    const result = checkDraft({ ...good, quote: '  said $16.5bn ', note: ' ' }, { factUnit: 'USD' });
    expect(result).toEqual({
      ok: true,
      value: {
        proposed: expect.objectContaining({ value: 16.5e9, unit: 'USD' }),
        measures: "Amazon's initial investment",
        evidence: { url: 'https://example.com/a', quote: 'said $16.5bn' },
      },
    });
  });

  it('puts one specific message on each wrong field', () => {
    const result = checkDraft({ value: 'lots', measures: '', evidenceUrl: 'ftp://example.com/x', quote: 'q'.repeat(501), note: 'n'.repeat(1001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['evidenceUrl', 'measures', 'note', 'quote', 'value']);
    expect(result.errors.evidenceUrl).toBe('The evidence address must start with http:// or https://.');
    expect(result.errors.note).toBe('Keep the note under 1000 characters (now 1001).');
  });

  it.each([
    ['', 'Evidence is required'],
    ['javascript:alert(1)', 'must start with http'],
    ['https://', 'not a valid web address'],
  ])('rejects evidence %j', (evidenceUrl, message) => {
    const result = checkDraft({ ...good, evidenceUrl });
    expect(result.ok ? '' : result.errors.evidenceUrl).toContain(message);
  });
});
