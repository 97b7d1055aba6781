import type { Figure, FigureKind } from '../../data/schema/figure';
import type { FigureQuery, MatchRequest } from '../../data/schema/messages';

/** What a test states about a figure by hand (no recognizer involved). */
export interface FigureSpec {
  value: number;
  unit: string;
  kind?: FigureKind;
  high?: number;
  precision?: number;
  qualifier?: string;
  uncertain?: boolean;
  /** Which occurrence of the text in the sentence (0 = first). */
  occurrence?: number;
}

function kindOf(unit: string): FigureKind {
  if (/^[A-Z]{3}$/.test(unit)) return 'money';
  if (/^[kMGT]?W$/.test(unit)) return 'power';
  if (unit === '%') return 'percent';
  return 'duration';
}

/**
 * A FigureQuery for `text` as it occurs in `sentence`, with a hand-set value and unit. The sentence
 * starts `offset` characters into block `block` (by default it is the whole of block 0), so the
 * figure's offsets are the block's, as decoding a real request gives them.
 */
export function figureIn(sentence: string, text: string, spec: FigureSpec, block = 0, offset = 0): FigureQuery {
  let at = -1;
  for (let n = 0; n <= (spec.occurrence ?? 0); n++) {
    at = sentence.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" (occurrence ${spec.occurrence ?? 0}) not found in: ${sentence}`);
  }
  const figure: Figure = {
    start: offset + at,
    end: offset + at + text.length,
    text,
    kind: spec.kind ?? kindOf(spec.unit),
    value: spec.value,
    unit: spec.unit,
    ...(spec.high !== undefined ? { high: spec.high } : {}),
    ...(spec.precision !== undefined ? { precision: spec.precision } : {}),
    ...(spec.qualifier !== undefined ? { qualifier: spec.qualifier } : {}),
    ...(spec.uncertain ? { uncertain: true } : {}),
  };
  return { figure, sentence, at, block };
}

/** A page's figures for the matcher; blocks default to the distinct sentences of the figures. */
export function annotate(figures: FigureQuery[], title = '', blocks?: string[]): MatchRequest {
  return { url: 'https://news.example/article', title, blocks: blocks ?? [...new Set(figures.map((f) => f.sentence))], figures };
}
