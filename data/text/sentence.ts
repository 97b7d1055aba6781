/**
 * The sentence around `[start, end)` in `text`, clipped to `max` characters, and where the
 * span begins inside it. A sentence ends at ".", "!" or "?" followed by white space, or at a
 * line break; a decimal point ("$1.5") never ends one because a digit follows it.
 */
export function sentenceAround(text: string, start: number, end: number, max = 1000): { sentence: string; at: number } {
  let from = start;
  while (from > 0 && start - from < max && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - from < max && !endsSentence(text, to)) to++;
  if (to < text.length && to - from < max) to++; // keep what ended it: the full stop (or line break)
  while (from < start && /\s/.test(text[from]!)) from++;
  if (to - from > max) from = Math.max(from, to - max);
  return { sentence: text.slice(from, to), at: start - from };
}

function endsSentence(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  return next === undefined || next === ' ' || next === '\n' || next === '\t' || next === '\u00a0';
}
