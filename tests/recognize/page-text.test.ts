/**
 * Text as real pages give it (issue 12): figures broken across source lines, words that look like
 * money or time and are not, and other languages' number formats. A wrong value is never
 * acceptable: where the reading is unsure, no figure.
 */
import { describe, expect, it } from 'vitest';
import { recognize } from '../../data/recognize/index';
import { numberFormat, UNKNOWN } from '../../data/recognize/locale';

/** [text, kind, value, unit] of every figure found. */
const read = (text: string, locale?: string) => recognize(text, { locale }).map((f) => [f.text, f.kind, f.value, f.unit]);

describe('a line break inside a figure', () => {
  it('reads "$40\\n      million" as $40 million, as the page renders it', () => {
    expect(read('The studio sold it for around $40\n      million in cash.')).toEqual([['$40\n      million', 'money', 40e6, 'USD']]);
    expect(read('The plant draws 2\r\n\t\tgigawatts at peak.')).toEqual([['2\r\n\t\tgigawatts', 'power', 2, 'GW']]);
    expect(read('A fee of 30 million\n   euros was paid.')).toEqual([['30 million\n   euros', 'money', 30e6, 'EUR']]);
    expect(recognize('for around $40\n      million')[0]?.qualifier).toBe('around');
  });

  it('a blank line or a long run of spaces still ends the figure', () => {
    expect(read('It cost $40\n\n million users later.')).toEqual([['$40', 'money', 40, 'USD']]);
    expect(read(`It cost $40\n${' '.repeat(80)}million.`)).toEqual([['$40', 'money', 40, 'USD']]);
  });
});

describe('not money, not time', () => {
  it('weights are not pounds sterling; "£800" and "800 pounds sterling" are', () => {
    expect(read('The dog weighed nearly 90 pounds.')).toEqual([]);
    expect(read('The bear weighed 800 pounds.')).toEqual([]);
    expect(read('The fine was £800.')).toEqual([['£800', 'money', 800, 'GBP']]);
    expect(read('The fine was 800 pounds sterling.')).toEqual([['800 pounds sterling', 'money', 800, 'GBP']]);
    expect(read('The club paid 40 million pounds.')).toEqual([['40 million pounds', 'money', 40e6, 'GBP']]);
  });

  it('"1,440p" is a screen resolution, not £14.40', () => {
    expect(read('The panel shows 1,440p video at 120 frames.')).toEqual([]);
    expect(read('It streams in 2,160p.')).toEqual([]);
    expect(read('Shares closed 14p higher.')).toEqual([['14p', 'money', 0.14, 'GBP']]);
  });

  it('a film title "99 Francs" and bare "francs" are no figure; "Swiss francs" are', () => {
    expect(read('He starred in 99 Francs, a satire of advertising.')).toEqual([]);
    expect(read('The ticket cost 12 francs.')).toEqual([]);
    expect(read('The bank paid 10 million Swiss francs.')).toEqual([['10 million Swiss francs', 'money', 10e6, 'CHF']]);
  });

  it('"the 10-year Treasury note" and "forty-year-olds" are no durations; "a 10-year deal" is', () => {
    expect(read('The yield on the 10-year Treasury note rose.')).toEqual([]);
    expect(read('Ten-year yields and the 30-year bond fell to a 52-year low.')).toEqual([]);
    expect(read('Many forty-year-olds now retrain.')).toEqual([]);
    expect(read('Two 30-year-olds founded it.')).toEqual([]);
    expect(read('It is a 10-year deal with renewal options.')).toEqual([['10-year', 'duration', 10, 'year']]);
    expect(read('The six-year AWS-OpenAI agreement can be extended.')).toEqual([['six-year', 'duration', 6, 'year']]);
    expect(read('The contract runs 10 years.')).toEqual([['10 years', 'duration', 10, 'year']]);
  });
});

describe("other languages' number formats", () => {
  it('reads the decimal and thousands marks of the page\'s language', () => {
    expect(read('La inflación subió el 1,3% en mayo.', 'es')).toEqual([['1,3%', 'percent', 1.3, '%']]);
    expect(read('A empresa pagou US$ 100.000 pelo domínio.', 'pt-BR')).toEqual([['US$ 100.000', 'money', 100_000, 'USD']]);
    expect(read('La empresa pagó US$ 100.000 por el dominio.', 'es')).toEqual([['US$ 100.000', 'money', 100_000, 'USD']]);
    expect(read('Die Firma zahlte US$ 100.000 für die Domain.', 'de')).toEqual([['US$ 100.000', 'money', 100_000, 'USD']]);
    expect(read('Le studio a payé 56 000€ de frais.', 'fr')).toEqual([['56 000€', 'money', 56_000, 'EUR']]);
    expect(read('Le studio a payé 56\u202f000 € de frais.', 'fr-FR')).toEqual([['56\u202f000 €', 'money', 56_000, 'EUR']]);
    expect(read('Der Preis lag bei 1.500,50 €.', 'de-DE')).toEqual([['1.500,50 €', 'money', 1500.5, 'EUR']]);
    expect(read("Die Bank zahlte CHF 1'250.5 Mio.", 'de-CH')).toEqual([]);
    expect(read("Die Bank zahlte CHF 1'250.50.", 'de-CH')).toEqual([["CHF 1'250.50", 'money', 1250.5, 'CHF']]);
    expect(read('The deal was $1.5 billion, up 1,234 units.', 'en-US')).toEqual([['$1.5 billion', 'money', 1.5e9, 'USD']]);
    expect(read('Sube 1,300.5 dólares en Nueva York: US$1,300.50.', 'es-US')).toEqual([['US$1,300.50', 'money', 1300.5, 'USD']]);
    expect(read('Subió 1,300.5 dólares: US$1,300.50.', 'es-MX')).toEqual([['US$1,300.50', 'money', 1300.5, 'USD']]);
  });

  it('"$50元" is not US dollars, nor any figure', () => {
    expect(read('标价 $50元。')).toEqual([]);
    expect(read('Priced at $50 € each.')).toEqual([]);
    expect(read('It costs 50元.', 'zh')).toEqual([['50元', 'money', 50, 'CNY']]);
  });

  it('with the language unknown, "1,3%" and "100.000" are ambiguous and give no figure', () => {
    expect(read('el 1,3%')).toEqual([]);
    expect(read('US$ 100.000')).toEqual([]);
    expect(read('Le studio a payé 56 000€.')).toEqual([]);
    expect(read('Rs 1,00,000 crore')).toEqual([]);
    expect(read('The 15.01.2026 filing.')).toEqual([]);
    // What every convention reads alike still counts.
    expect(read('It paid $94,000, or 1.5% of $6.25 million, and US$ 1.125 billion later.')).toEqual([
      ['$94,000', 'money', 94_000, 'USD'],
      ['1.5%', 'percent', 1.5, '%'],
      ['$6.25 million', 'money', 6.25e6, 'USD'],
      ['US$ 1.125 billion', 'money', 1.125e9, 'USD'],
    ]);
    expect(read('It paid 56\u00a0000 €.')).toEqual([['56\u00a0000 €', 'money', 56_000, 'EUR']]);
  });

  it('three decimals after a comma are unsure in French, "billion" is unsure where it can mean 10^12, and other languages\' scale words are never dropped', () => {
    expect(read('La centrale produit 5,000 MW.', 'fr')).toEqual([]);
    expect(read('Die Firma sammelte $5 billion ein.', 'de')).toEqual([]);
    expect(read('Die Firma sammelte €5 Milliarden ein.', 'de')).toEqual([]);
    expect(read('Die Firma sammelte €5 Milliarden ein.')).toEqual([]);
    expect(read('La empresa invirtió US$ 5 millones.', 'es')).toEqual([]);
    expect(read('La empresa invirtió US$ 5 mil millones.', 'es')).toEqual([]);
    expect(read('公司融资 $50万。')).toEqual([]);
    expect(read('La empresa invirtió US$ 5 millones.')).toEqual([]);
  });

  it('a bare "$" on a Spanish page outside the dollar countries is the peso: no figure; on a Canadian page it is unsure', () => {
    expect(read('El gobierno pagó $1,300.50 por unidad.', 'es-MX')).toEqual([]);
    expect(read('El gobierno pagó $1.300,50 por unidad.', 'es-AR')).toEqual([]);
    expect(read('La empresa pagó US$ 1.300,50 por unidad.', 'es-AR')).toEqual([['US$ 1.300,50', 'money', 1300.5, 'USD']]);
    expect(recognize('The bank paid $40 million.', { locale: 'en-CA' })[0]?.uncertain).toBe(true);
    expect(recognize('The bank paid $40 million.', { locale: 'en-US' })[0]?.uncertain).toBeUndefined();
  });

  it('resolves language tags', () => {
    expect(numberFormat(undefined)).toBe(UNKNOWN);
    expect(numberFormat('')).toBe(UNKNOWN);
    expect(numberFormat('xx')).toBe(UNKNOWN);
    expect(numberFormat('es-419')).toBe(UNKNOWN);
    expect(numberFormat('pt_BR').decimal).toBe(44);
    expect(numberFormat('es-MX').decimal).toBe(46);
    expect(numberFormat('de-CH').apos).toBe(true);
    expect(numberFormat('EN-gb')).toBe(numberFormat('en'));
  });
});
