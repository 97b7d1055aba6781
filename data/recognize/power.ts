/** Power and capacity units after an amount: "2 gigawatts", "1.2-gigawatt", "10GW", "500 MW". */
import { boundaryAfter, isDash, isLetter, isSpace, readWord } from './text';

const ABBREV: Record<string, string> = { GW: 'GW', MW: 'MW', kW: 'kW', KW: 'kW', TW: 'TW' };
const WORDS: Record<string, string> = {
  gigawatt: 'GW', gigawatts: 'GW', megawatt: 'MW', megawatts: 'MW', kilowatt: 'kW',
  kilowatts: 'kW', terawatt: 'TW', terawatts: 'TW',
};

/** A power unit ending at `end`. */
export interface PowerUnit {
  unit: string;
  end: number;
}

/**
 * Parses a power unit at `pos` (right after the number or scale), allowing one space or a hyphen
 * before it. Energy units ("GWh") are rejected by the word-boundary check.
 */
export function parsePower(text: string, pos: number): PowerUnit | null {
  if (pos >= text.length) return null;
  let p = pos;
  const c = text.charCodeAt(p);
  if (isSpace(c) || isDash(c)) p++;
  else if (!isLetter(c)) return null;
  const w = readWord(text, p, 10);
  if (!w || !boundaryAfter(text, w.end)) return null;
  const unit = ABBREV[w.raw] ?? WORDS[w.word];
  return unit ? { unit, end: w.end } : null;
}
