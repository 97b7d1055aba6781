/** Power and capacity units after an amount: "2 gigawatts", "1.2-gigawatt", "10GW", "500 MW". */
import type { Word } from './text';

const ABBREV: Record<string, string> = { GW: 'GW', MW: 'MW', kW: 'kW', KW: 'kW', TW: 'TW' };
const WORDS: Record<string, string> = {
  gigawatt: 'GW', gigawatts: 'GW', megawatt: 'MW', megawatts: 'MW', kilowatt: 'kW',
  kilowatts: 'kW', terawatt: 'TW', terawatts: 'TW',
};

/**
 * The power unit named by `w` (the word right after the amount), or undefined. Abbreviations are
 * case-sensitive ("MW", not "mw"); energy units ("GWh") never match because `w` is a whole word.
 */
export function powerUnit(w: Word): string | undefined {
  return ABBREV[w.raw] ?? WORDS[w.word];
}
