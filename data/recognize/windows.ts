/**
 * Recognising a very long text in windows, so a caller can pause between them: one paragraph
 * may be a 50 MB text node, and recognize() over it in one go would hold the page for seconds.
 */
import type { Figure } from '../schema/figure';
import { dollarPlaceIn } from './currency';
import { recognize, type RecognizeOptions } from './index';

/** Characters a window keeps figures from: recognize() over this many takes well under a millisecond or two. */
export const WINDOW_CHARS = 32_768;
/**
 * Text read beyond each side of what a window keeps. recognize() looks back and ahead a bounded
 * distance from a figure (a currency, a qualifier, a range's top; a figure spans at most 200
 * characters), so a figure kept by a window reads as it would in the whole text.
 */
export const WINDOW_CONTEXT = 512;
/** How far back from the window size a cut looks for whitespace (a cut between words splits no figure). */
const CUT_SEARCH = 4_096;

/** One window: `text.slice(from, to)` is read, and the figures starting in [keepFrom, keepTo) are kept. */
export interface TextWindow {
  from: number;
  to: number;
  keepFrom: number;
  keepTo: number;
}

/**
 * Cuts `text` into windows whose kept ranges cover it once, in order, each about `size` long and
 * cut at whitespace where there is any near the cut, and each read with `context` characters
 * on either side, so a figure across a cut is found once, by the window where it starts.
 */
export function textWindows(text: string, size = WINDOW_CHARS, context = WINDOW_CONTEXT): TextWindow[] {
  const windows: TextWindow[] = [];
  for (let keepFrom = 0; keepFrom < text.length || windows.length === 0; ) {
    const keepTo = keepFrom + size >= text.length ? text.length : cutNear(text, keepFrom + size, keepFrom + 1);
    windows.push({ from: Math.max(0, keepFrom - context), to: Math.min(text.length, keepTo + context), keepFrom, keepTo });
    keepFrom = keepTo;
  }
  return windows;
}

/** A cut at or before `at` (after `min`): just after whitespace if there is some nearby, never inside a surrogate pair. */
function cutNear(text: string, at: number, min: number): number {
  for (let i = at; i > Math.max(min, at - CUT_SEARCH); i--) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) return i;
  }
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
}

/**
 * The figures recognize() finds in `text` (at most `max`), computed window by window: the
 * generator yields after each window so the caller can give the page its turn, and returns the
 * figures, with offsets into `text`. A text that fits one window is read in one step.
 */
export function* recognizeInWindows(text: string, options: RecognizeOptions = {}, max = Infinity): Generator<void, Figure[]> {
  if (text.length <= WINDOW_CHARS) return recognize(text, options).slice(0, max);
  const windows = textWindows(text);
  // A place named anywhere in the text makes a bare "$" uncertain everywhere in it, as in one read.
  const lowerCased = !/[A-Z]/.test(text.slice(0, 2000));
  let dollarAmbiguous = options.dollarAmbiguous ?? false;
  for (let i = 0; i < windows.length && !dollarAmbiguous; i++) {
    dollarAmbiguous = dollarPlaceIn(text.slice(windows[i]!.from, windows[i]!.to), lowerCased);
    if (i % 16 === 15) yield;
  }
  const out: Figure[] = [];
  for (const w of windows) {
    yield;
    for (const figure of recognize(text.slice(w.from, w.to), { ...options, dollarAmbiguous })) {
      const start = figure.start + w.from;
      if (start < w.keepFrom || start >= w.keepTo) continue;
      out.push({ ...figure, start, end: figure.end + w.from });
      if (out.length >= max) return out;
    }
  }
  return out;
}

/** Runs `recognizeInWindows` to the end in one go (tests, and callers that need not pause). */
export function recognizeWindowed(text: string, options?: RecognizeOptions, max?: number): Figure[] {
  const steps = recognizeInWindows(text, options, max);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
