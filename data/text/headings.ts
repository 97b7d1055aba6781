import { sentenceAround } from './sentence';

/**
 * The heading of a paragraph: the text of the nearest h2-h6 before it within its section, or, for
 * a list item, its list's lead-in ("The terms:" before the list). The matcher treats names in a
 * paragraph's heading like names in the sentence before a figure (data/match/evidence.ts). An h1
 * is the article's headline, as good as its title: it supports, never binds, so it is no heading
 * here (and paragraphs after it, before any h2, have none).
 * Works on any DOM (the page's, or linkedom's in the evaluation): only the element fields below.
 */

/** What the finder reads of an element. */
export interface HeadingElement {
  readonly localName: string;
  readonly textContent: string | null;
  readonly previousElementSibling: HeadingElement | null;
  readonly parentElement: HeadingElement | null;
  querySelectorAll(selectors: string): ArrayLike<HeadingElement>;
}

const HEADINGS = 'h1,h2,h3,h4,h5,h6';
const isHeading = (el: HeadingElement) => el.localName.length === 2 && el.localName[0] === 'h' && el.localName[1]! >= '1' && el.localName[1]! <= '6';
/** Elements whose headings are their own: the search never climbs out of one, nor looks into one before it. */
const SECTIONS = new Set(['article', 'section', 'main', 'body', 'html', 'aside', 'nav', 'footer', 'dialog', 'td', 'th']);
/** A heading longer than this is no heading (a page styled a paragraph as one). */
const MAX_CHARS = 300;

function textOf(el: HeadingElement): string | null {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_CHARS ? text : null;
}

/**
 * Finds headings for many paragraphs of one document in time linear in the page: what heading is
 * in effect after each element is remembered, so a paragraph's search stops at its predecessor's.
 * Make one per pass (the page may change between passes).
 */
export class HeadingFinder {
  /** '' for "no heading" found at an h1 (the search stops there). */
  private readonly after = new Map<HeadingElement, string | null>();

  /** `shown` tells whether a heading is rendered (the page may hide one); by default all are. */
  constructor(private readonly shown: (heading: HeadingElement) => boolean = () => true) {}

  /** The heading text for the paragraph `owner` (a heading itself has none). */
  of(owner: HeadingElement): string | undefined {
    if (isHeading(owner)) return undefined;
    const item = listItemOf(owner);
    if (item) {
      const lead = leadIn(item);
      if (lead) return lead;
    }
    return this.before(owner) || undefined;
  }

  /** The heading in effect just before `el`. */
  private before(el: HeadingElement): string | null {
    const prev = el.previousElementSibling;
    if (prev) return this.through(prev);
    const parent = el.parentElement;
    return !parent || SECTIONS.has(parent.localName) ? null : this.before(parent);
  }

  /** The heading in effect at the end of `start`: its own last heading, else its predecessors'. Iterative: a page may have thousands of siblings. */
  private through(start: HeadingElement): string | null {
    const pending: HeadingElement[] = [];
    let result: string | null | undefined;
    for (let el: HeadingElement | null = start; el; el = el.previousElementSibling) {
      const known = this.after.get(el);
      if (known !== undefined) {
        result = known;
        break;
      }
      pending.push(el);
      const own = this.ownHeading(el);
      if (own !== null) {
        result = own;
        break;
      }
    }
    if (result === undefined) {
      const parent = start.parentElement;
      result = !parent || SECTIONS.has(parent.localName) ? null : this.before(parent);
    }
    for (const el of pending) this.after.set(el, result);
    return result;
  }

  /** The element's own heading (itself, or the last heading inside it): '' at an h1, which ends the search; null for none. */
  private ownHeading(el: HeadingElement): string | null {
    if (el.localName === 'h1') return '';
    if (isHeading(el)) return this.shown(el) ? textOf(el) ?? '' : null;
    if (SECTIONS.has(el.localName)) return null;
    const inside = el.querySelectorAll(HEADINGS);
    for (let i = inside.length - 1; i >= 0; i--) {
      const h = inside[i]!;
      if (h.localName === 'h1') return '';
      const text = this.shown(h) ? textOf(h) : null;
      if (text) return text;
    }
    return null;
  }
}

/** Elements that read as a paragraph of running text, whose last sentence may lead into the next. */
const PARAGRAPHS = new Set(['p', 'li', 'blockquote', 'dd']);

/**
 * The last sentence of the paragraph right before `owner` (its previous sibling, when that is a
 * shown paragraph of text), for a figure in the first sentence of `owner`: the sentence before it
 * is there. Up to `max` characters.
 */
export function sentenceBefore(owner: HeadingElement, shown: (el: HeadingElement) => boolean = () => true, max = 1000): string | undefined {
  const prev = owner.previousElementSibling;
  if (!prev || !PARAGRAPHS.has(prev.localName) || !PARAGRAPHS.has(owner.localName) || !shown(prev)) return undefined;
  const text = (prev.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const { sentence } = sentenceAround(text, text.length - 1, text.length, max);
  return sentence || undefined;
}

/**
 * True if `start` lies in the first sentence of `text` (same sentence ends as sentenceAround):
 * only a figure there needs the sentence before its paragraph, so only then is it sent.
 */
export function inFirstSentence(text: string, start: number): boolean {
  const { sentence, at } = sentenceAround(text, start, start + 1);
  return !/\S/.test(text.slice(0, start - at)) && sentence.length > 0;
}

/** The list item holding the paragraph (itself, or up to two levels up). */
function listItemOf(el: HeadingElement): HeadingElement | undefined {
  let at: HeadingElement | null = el;
  for (let depth = 0; at && depth < 3; depth++, at = at.parentElement) {
    if (at.localName === 'li' || at.localName === 'dd' || at.localName === 'dt') return at;
    if (SECTIONS.has(at.localName)) return undefined;
  }
  return undefined;
}

/** The paragraph right before the item's list when it leads into it (ends with a colon). */
function leadIn(item: HeadingElement): string | null {
  const prev = item.parentElement?.previousElementSibling;
  if (!prev || isHeading(prev) || SECTIONS.has(prev.localName)) return null;
  const text = textOf(prev);
  return text && text.endsWith(':') ? text : null;
}
