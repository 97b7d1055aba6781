/** Power and capacity units after an amount: "2 gigawatts", "1.2-gigawatt", "10GW", "500 MW". */
import { WordTable } from './text';

const ABBREV = new WordTable<string>({ GW: 'GW', MW: 'MW', kW: 'kW', KW: 'kW', TW: 'TW' }, true);
const WORDS = new WordTable<string>({
  gigawatt: 'GW', gigawatts: 'GW', megawatt: 'MW', megawatts: 'MW', kilowatt: 'kW',
  kilowatts: 'kW', terawatt: 'TW', terawatts: 'TW',
});

/**
 * The power unit named by the word text[start, end) (right after the amount), or undefined.
 * Abbreviations are case-sensitive ("MW", not "mw"); energy units ("GWh") never match because
 * the caller passes a whole word.
 */
export function powerUnit(text: string, start: number, end: number): string | undefined {
  return end - start === 2 ? ABBREV.get(text, start, end) : WORDS.get(text, start, end);
}
