import { describe, expect, it } from 'vitest';
import { recognize } from '../../data/recognize';
import { recognizeInWindows, recognizeWindowed, textWindows, WINDOW_CHARS } from '../../data/recognize/windows';

const sentences = [
  'Amazon agreed to invest $50 billion in OpenAI, beginning with an initial $15 billion payment. ',
  'The data centres will draw 2.5 gigawatts over seven years, about 12% of the region. ',
  'Canada was not part of it. ',
  'Between $20 and $25 billion, said one, for around $40\n      million more. ',
];

/** A long paragraph whose figures all differ, so a figure read twice or lost would show. */
function longText(chars: number, pick = (i: number) => sentences[i % sentences.length]!): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += pick(i).replace(/\d+/, (d) => String(Number(d) + i));
  return text;
}

describe('recognizing a long text in windows', () => {
  it('finds exactly the figures one read finds, each once, across every cut', () => {
    const text = longText(WINDOW_CHARS * 7.3);
    const whole = recognize(text, { locale: 'en' });
    expect(whole.length).toBeGreaterThan(1000);
    expect(recognizeWindowed(text, { locale: 'en' })).toEqual(whole);
  });

  it('keeps a place named in one window making a bare "$" uncertain in another, as one read does', () => {
    const text = 'Toronto, Canada. ' + longText(WINDOW_CHARS * 3, (i) => sentences[i % 2]!);
    const whole = recognize(text);
    expect(whole.some((f) => f.uncertain)).toBe(true);
    expect(recognizeWindowed(text)).toEqual(whole);
  });

  it('covers text with no whitespace at all in windows that tile it', () => {
    const text = '$1,'.repeat(WINDOW_CHARS);
    const windows = textWindows(text);
    expect(windows[0]!.keepFrom).toBe(0);
    windows.slice(1).forEach((w, i) => expect(w.keepFrom).toBe(windows[i]!.keepTo));
    expect(windows.at(-1)!.keepTo).toBe(text.length);
    const figures = recognizeWindowed(text);
    expect(new Set(figures.map((f) => f.start)).size).toBe(figures.length);
    expect(figures.map((f) => text.slice(f.start, f.end))).toEqual(recognize(text).map((f) => f.text));
  });

  it('yields between windows and stops at the limit', () => {
    const text = longText(WINDOW_CHARS * 4);
    const steps = recognizeInWindows(text, {}, 10);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(0);
    expect(step.value).toEqual(recognize(text).slice(0, 10));
  });

  it('reads a short text in one step', () => {
    const steps = recognizeInWindows('Amazon paid $15 billion.');
    const step = steps.next();
    expect(step.done).toBe(true);
    expect(step.value).toEqual(recognize('Amazon paid $15 billion.'));
  });
});
